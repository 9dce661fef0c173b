import { mountHelpers } from '../../src/inject/index.ts';
import { watchPage } from '../../src/inject/page-changes.ts';
import { read, readAhead } from '../../src/aliexpress/read.ts';
import { letGoCards } from '../../src/aliexpress/dom/order-list.ts';
import { langOf, loadPageRules } from '../../src/platform/page-rules.ts';
import { request } from '../../src/platform/request.ts';
import { startReading } from './reading.ts';
import { READ_MATCHES } from '../../src/model/hosts.ts';
import type { PageContext } from '../../src/platform/content-context.ts';

export default defineContentScript({
  matches: READ_MATCHES,
  runAt: 'document_idle',
  // WXT's context is built as ours (src/platform/content-context.ts, wxt.config.ts): it tells the page nothing.
  async main(context) {
    const ctx: PageContext = context;
    // The labels of the page's language come from the background: this script carries none.
    if (!(await loadPageRules(ctx, document, (ask) => request('pageRules', ask)))) return;
    // No marker on the page: anti-bot scripts that find one may answer with verification sliders.
    // One MutationObserver for the reader and the helper.
    const changes = watchPage(ctx);
    const reading = startReading(ctx, window, {
      read,
      readAhead,
      send: (snapshot) => request('snapshot', snapshot),
      // The JSON readers run in the background, off the page's main thread.
      readTapped: ({ api, json }) => request('tappedAnswer', { api, json, url: location.href, lang: langOf(document) }),
      // The background has every card it stored: the page keeps whether each changed, not its texts.
      letGo: letGoCards,
      now: () => new Date(),
      delayMs: 300,
      changes,
    });
    mountHelpers(ctx, reading, changes);
  },
});
