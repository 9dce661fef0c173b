import { browser } from 'wxt/browser';
import { route, type Handlers } from '../src/messages/router.ts';
import { openDb } from '../src/store/db.ts';

interface Sender {
  id?: string;
}

export default defineBackground({
  type: 'module',
  main() {
    const db = openDb();
    const handlers: Handlers<Sender> = {
      status: async () => ({
        version: browser.runtime.getManifest().version,
        dbVersion: (await db.open()).verno,
        orders: await db.orders.count(),
        disputes: await db.disputes.count(),
      }),
    };
    // Only this extension's own contexts may talk to the background.
    browser.runtime.onMessage.addListener((message: unknown, sender: Sender) =>
      route(message, handlers, sender, (_name, s) => s.id === browser.runtime.id),
    );
  },
});
