import { mountHelpers } from '../../src/inject/index.ts';
import { detectPage } from '../../src/pages/detect.ts';

export default defineContentScript({
  matches: ['*://*.aliexpress.com/*', '*://aliexpress.com/*', '*://*.aliexpress.us/*', '*://aliexpress.us/*'],
  runAt: 'document_idle',
  main(ctx) {
    const mark = () => {
      // A marker the page cannot mistake for its own: lets tests and the helper UI see which page kind was detected.
      document.documentElement.dataset.refundRadar = detectPage(location.href);
    };
    mark();
    ctx.addEventListener(window, 'wxt:locationchange', mark);
    mountHelpers(ctx);
  },
});
