import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteOrders } from '../site/data.ts';
import { launch, type Harness } from './harness.ts';

const MY_ORDERS = 'http://www.aliexpress.com/p/order/index.html';

/** Every stored order as { orderId: status }, read in the service worker with plain IndexedDB. */
async function storedStatuses(h: Harness): Promise<Record<string, string>> {
  return h.worker.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('refund-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('orders', 'readonly').objectStore('orders').getAll();
          req.onsuccess = () => {
            db.close();
            resolve(
              Object.fromEntries(req.result.map((o: { orderId: string; status: string }) => [o.orderId, o.status])),
            );
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

// Issue 3's proof in a real browser: the shopper's language is set the way AliExpress sets it (the
// aep_usuc_f cookie), the list renders client-side, "View orders" appends cards without a page
// load, and the background ends up with every order, its id and its canonical status.
describe.each([
  ['pt_BR', 'pt-BR'],
  ['ru_RU', 'ru'],
  ['de_DE', 'de'],
])('My orders with b_locale=%s', (locale, lang) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await h.context.addCookies([
      {
        name: 'aep_usuc_f',
        value: `site=glo&c_tp=USD&region=US&b_locale=${locale}`,
        domain: '.aliexpress.com',
        path: '/',
      },
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends the background every order with the right id and status, including those "View orders" adds', async () => {
    const expected = Object.fromEntries(siteOrders().map((o) => [o.orderId, o.status]));
    const page = await h.context.newPage();
    await page.goto(MY_ORDERS);
    expect(await page.locator('html').getAttribute('lang')).toMatch(new RegExp(`^${lang}\\b`));
    const more = page.locator('[data-pl="order_more"]');
    await expect.poll(() => page.locator('.order-item').count()).toBeGreaterThan(0);
    const firstPage = await page.locator('.order-item').count();
    expect(firstPage).toBeLessThan(Object.keys(expected).length);
    // One click per page of cards; the button goes away only after the last page has rendered.
    for (let shown = firstPage; shown < Object.keys(expected).length;) {
      await more.click();
      // The next page comes from the stand-in's answer: vitest's 1 s default is too short on a loaded CI machine.
      await expect.poll(() => page.locator('.order-item').count(), { timeout: 10_000 }).toBeGreaterThan(shown);
      shown = await page.locator('.order-item').count();
    }
    await expect.poll(() => more.isVisible()).toBe(false);
    expect(await page.locator('.order-item').count()).toBe(Object.keys(expected).length);
    await expect.poll(() => storedStatuses(h), { timeout: 20_000, interval: 500 }).toEqual(expected);
    await page.close();
  });
});
