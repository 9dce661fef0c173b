import { matchLanguage, registerCatalog, setLanguage } from '../i18n/core.ts';
import type { PageTexts } from '../i18n/page-texts.ts';
import type { PageContext } from '../platform/content-context.ts';
import { afterReading, messagingDeps, type PageReadings } from './data.ts';
import { attachHelpers } from './mount.ts';
import type { PageChanges } from './page-changes.ts';
import { pageReports } from './report.ts';

/**
 * The page's texts as the background handed them, in the language chosen in options (or the
 * browser's), English where it has none. Not browser.i18n: its first call parses the extension's
 * whole catalog, popup and options texts included, on the page's main thread (5-7 ms of a
 * 50-order My orders load), and it knows only the browser's language.
 */
export function useTexts({ locale, texts }: PageTexts): void {
  registerCatalog(matchLanguage(locale), texts);
  setLanguage(locale);
}

/**
 * `flush` sends the page's pending reading first, so the background knows an order the helper asks
 * about; `settled` waits for the read already on its way; `watch` hears each stored reading.
 */
export function mountHelpers(
  ctx: PageContext,
  reading: PageReadings & { flush: () => Promise<void>; settled: () => Promise<void> },
  changes: PageChanges,
): void {
  const reports = pageReports(reading);
  ctx.onInvalidated(reports.stop);
  attachHelpers(ctx, {
    deps: afterReading(messagingDeps, reading.flush, reading.settled),
    readings: reading,
    reports,
    useTexts,
    changes,
  });
}
