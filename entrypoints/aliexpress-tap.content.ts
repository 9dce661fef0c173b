import { installTap } from '../src/pages/tap.ts';

export default defineContentScript({
  matches: ['*://*.aliexpress.com/*', '*://aliexpress.com/*', '*://*.aliexpress.us/*', '*://aliexpress.us/*'],
  // In the page's own world and before its scripts, so its first order answers are seen too.
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installTap(window);
  },
});
