import { mountHelpers } from '../../src/inject/index.ts';
import { detectPage } from '../../src/aliexpress/detect.ts';
import { read, readAhead } from '../../src/aliexpress/index.ts';
import { request } from '../../src/platform/request.ts';
import { startReading } from './reading.ts';
import { ALIEXPRESS_MATCHES } from '../../src/model/hosts.ts';

export default defineContentScript({
  matches: ALIEXPRESS_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const mark = () => {
      // A marker the page cannot mistake for its own: lets tests and the helper UI see which page kind was detected.
      document.documentElement.dataset.refundRadar = detectPage(location.href);
    };
    mark();
    ctx.addEventListener(window, 'wxt:locationchange', mark);
    const reading = startReading(ctx, window, {
      read,
      readAhead,
      send: (snapshot) => request('snapshot', snapshot),
      now: () => new Date(),
      delayMs: 300,
    });
    mountHelpers(ctx, reading.flush, reading.settled);
  },
});
