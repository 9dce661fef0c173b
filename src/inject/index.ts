import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { catalogFrom, matchLanguage, registerCatalog, setLanguage } from '../i18n/index.ts';
import { resolveLanguage } from '../ui/language.ts';
import { messagingDeps } from './data.ts';
import { attachHelpers } from './mount.ts';

/**
 * The content script's single entry into the helper. Languages come from the extension's own
 * _locales through browser.i18n: a content script cannot load chunks, and bundling seven
 * catalogs would triple its size. A language other than the browser's falls back to it.
 */
function prepareLanguage(setting: string): void {
  const ui = browser.i18n.getUILanguage();
  const wanted = resolveLanguage(setting, ui);
  const lang = matchLanguage(wanted);
  const uiLang = matchLanguage(ui);
  if (uiLang !== 'en')
    registerCatalog(
      uiLang,
      catalogFrom((key, subs) => browser.i18n.getMessage(key as never, subs)),
    );
  setLanguage(lang === 'en' || lang === uiLang ? wanted : ui);
}

export function mountHelpers(ctx: ContentScriptContext): void {
  // Registering through ctx starts WXT's watcher that fires wxt:locationchange on SPA navigation.
  ctx.addEventListener(window, 'wxt:locationchange', () => undefined);
  attachHelpers(ctx, { deps: messagingDeps, prepareLanguage });
}
