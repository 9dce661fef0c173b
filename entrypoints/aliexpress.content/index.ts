import { mountHelpers } from '../../src/inject/index.ts';
import { watchPage } from '../../src/inject/page-changes.ts';
import { read, readAhead } from '../../src/aliexpress/index.ts';
import { request } from '../../src/platform/request.ts';
import { startReading } from './reading.ts';
import { ALIEXPRESS_MATCHES } from '../../src/model/hosts.ts';

export default defineContentScript({
  matches: ALIEXPRESS_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // No marker on the page: anti-bot scripts that find one may answer with verification sliders.
    // One MutationObserver for the reader and the helper.
    const changes = watchPage(ctx);
    const reading = startReading(ctx, window, {
      read,
      readAhead,
      send: (snapshot) => request('snapshot', snapshot),
      now: () => new Date(),
      delayMs: 300,
      changes,
    });
    mountHelpers(ctx, reading, changes);
  },
});
