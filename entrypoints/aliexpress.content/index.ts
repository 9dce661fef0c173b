import { mountHelpers } from '../../src/inject/index.ts';
import { watchPage, type PageChanges } from '../../src/inject/page-changes.ts';
import { read, readAhead } from '../../src/aliexpress/read.ts';
import { langOf, loadPageRules } from '../../src/platform/page-rules.ts';
import { request } from '../../src/platform/request.ts';
import { startReading, type ReadingContext } from './reading.ts';
import { ALIEXPRESS_MATCHES } from '../../src/model/hosts.ts';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * WXT's context for the reader, except that `wxt:locationchange` is heard from the page watcher:
 * registering it with WXT's context starts WXT's own watcher, which polls location.href every
 * second for the tab's whole life where there is no Navigation API (Firefox ESR).
 */
function movesFrom(ctx: ContentScriptContext, changes: PageChanges): ReadingContext {
  return {
    get isInvalid() {
      return ctx.isInvalid;
    },
    setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
    onInvalidated: (cb) => ctx.onInvalidated(cb),
    addEventListener: (target, type, handler, options) =>
      type === 'wxt:locationchange'
        ? void changes.onMoved(() => handler(new Event(type)))
        : ctx.addEventListener(target, type, handler, options),
  };
}

export default defineContentScript({
  matches: ALIEXPRESS_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    // The labels of the page's language come from the background: this script carries none.
    if (!(await loadPageRules(ctx, document, (ask) => request('pageRules', ask)))) return;
    // No marker on the page: anti-bot scripts that find one may answer with verification sliders.
    // One MutationObserver for the reader and the helper.
    const changes = watchPage(ctx);
    const reading = startReading(movesFrom(ctx, changes), window, {
      read,
      readAhead,
      send: (snapshot) => request('snapshot', snapshot),
      // The JSON readers run in the background, off the page's main thread.
      readTapped: ({ api, json }) => request('tappedAnswer', { api, json, url: location.href, lang: langOf(document) }),
      now: () => new Date(),
      delayMs: 300,
      changes,
    });
    mountHelpers(ctx, reading, changes);
  },
});
