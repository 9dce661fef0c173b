import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { lookupFromGetMessage, matchLanguage, registerCatalog, resolveLanguage, setLanguage } from '../i18n/core.ts';
import { afterReading, messagingDeps, type PageReadings } from './data.ts';
import { attachHelpers } from './mount.ts';
import type { PageChanges } from './page-changes.ts';
import { pageReports } from './report.ts';

/**
 * The content script's single entry into the helper. Texts come from the extension's own
 * _locales through browser.i18n: a content script cannot load chunks, and bundling even one
 * catalog would cost a fifth of its size budget. So a language chosen in options other than the
 * browser's shows here in the browser's language (extension pages follow the choice).
 */
function prepareLanguage(setting: string): void {
  const ui = browser.i18n.getUILanguage();
  // getMessage answers in the browser's language and falls back to English (the default locale) by itself.
  const lookup = lookupFromGetMessage((key, subs) => browser.i18n.getMessage(key as never, subs));
  registerCatalog('en', lookup);
  registerCatalog(matchLanguage(ui), lookup);
  const wanted = resolveLanguage(setting, ui);
  // The chosen tag still sets the date format when it is the browser's language ("en-GB" on an English browser).
  setLanguage(matchLanguage(wanted) === matchLanguage(ui) ? wanted : ui);
}

/**
 * `flush` sends the page's pending reading first, so the background knows an order the helper asks
 * about; `settled` waits for the read already on its way; `watch` hears each stored reading.
 */
export function mountHelpers(
  ctx: ContentScriptContext,
  reading: PageReadings & { flush: () => Promise<void>; settled: () => Promise<void> },
  changes: PageChanges,
): void {
  const reports = pageReports(reading);
  ctx.onInvalidated(reports.stop);
  attachHelpers(ctx, {
    deps: afterReading(messagingDeps, reading.flush, reading.settled),
    readings: reading,
    reports,
    prepareLanguage,
    changes,
  });
}
