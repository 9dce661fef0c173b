import { READ_MATCHES } from '../src/model/hosts.ts';
import { installTap } from '../src/aliexpress/tap.ts';

export default defineContentScript({
  matches: READ_MATCHES,
  // In the page's own world and before its scripts, so its first order answers are seen too.
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installTap(window);
  },
});
