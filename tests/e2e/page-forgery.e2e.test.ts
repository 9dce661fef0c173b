import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteOrders } from '../site/data.ts';
import { orderListAnswer } from '../site/mtop.ts';
import { launch, storeRows, type Harness } from './harness.ts';

// `mtop=1`: the page also fetches its order list answer, so the tap has something genuine to pass on.
const MY_ORDERS = 'http://www.aliexpress.com/p/order/index.html?mtop=1&pageSize=20';
// A page of AliExpress that is none of the shopper's order or dispute pages (a campaign, the home page).
const HOME = 'http://www.aliexpress.com/';

const SHIPPED = siteOrders().find((o) => o.status === 'shipped')!;

/**
 * Generated with the stand-in's own answer builder: an order list answer that says the shipped
 * order is closed, as a script on the page could post it without the page ever receiving it.
 */
const forgedMessage = {
  source: 'refund-radar-tap',
  api: 'mtop.aliexpress.trade.buyer.order.list',
  url: 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.list/1.0/',
  json: orderListAnswer('en', [{ ...SHIPPED, status: 'closed' }], 1, 20, new Date()),
};

interface StoredOrder {
  orderId: string;
  status: string;
  lines: Array<{ lineId: string | null }>;
}

const storedOrder = async (h: Harness) =>
  (await storeRows<StoredOrder>(h, 'orders')).find((o) => o.orderId === SHIPPED.orderId);

/** Opens My orders and waits until the background has the shipped order from its cards and its answer. */
async function readMyOrders(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(MY_ORDERS);
  // Line ids are in the page's JSON only, never on the cards: a stored line id proves the tap passed the answer on.
  await expect
    .poll(async () => (await storedOrder(h))?.lines.some((l) => l.lineId !== null), { timeout: 20_000 })
    .toBe(true);
  expect((await storedOrder(h))?.status).toBe('shipped');
  return page;
}

/** Posts the forgery the way page code can, several times, so a content script that starts late also gets it. */
async function postForgery(page: Page) {
  for (let i = 0; i < 4; i++) {
    await page.evaluate((message) => window.postMessage(message, '*'), forgedMessage);
    await page.waitForTimeout(500);
  }
}

describe('what a page can do to the extension', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows the page no marker: no attribute on <html>, fetch and XMLHttpRequest as native as ever', async () => {
    const page = await readMyOrders(h);
    const seen = await page.evaluate(() => ({
      attributes: [...document.documentElement.attributes].map((a) => a.name),
      fetch: fetch.toString(),
      fetchByProto: Function.prototype.toString.call(fetch),
      open: XMLHttpRequest.prototype.open.toString(),
      send: XMLHttpRequest.prototype.send.toString(),
      toString: Function.prototype.toString.toString(),
      // Symbols of our own, not the well-known ones the browser defines (Symbol.toStringTag).
      symbols: [fetch, XMLHttpRequest.prototype]
        .flatMap((o) => Object.getOwnPropertySymbols(o))
        .map(String)
        .filter((name) => !name.startsWith('Symbol(Symbol.')),
      fetchOwn: Object.getOwnPropertyNames(fetch).sort(),
    }));
    expect(seen.attributes.filter((a) => a.includes('refund'))).toEqual([]);
    expect(seen.fetch).toContain('[native code]');
    expect(seen).toMatchObject({
      fetch: 'function fetch() { [native code] }',
      fetchByProto: 'function fetch() { [native code] }',
      open: 'function open() { [native code] }',
      send: 'function send() { [native code] }',
      toString: 'function toString() { [native code] }',
      symbols: [],
      fetchOwn: ['length', 'name'],
    });
    await page.close();
  });

  it("posts the page nothing that names the extension (WXT's context announced its id at every load)", async () => {
    const page = await h.context.newPage();
    // Page code listening from the first moment, as any of AliExpress's scripts can.
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data) ?? ''));
    });
    await page.goto(MY_ORDERS);
    // The content script ran on this page: its buttons are drawn.
    await expect
      .poll(() => page.locator('[data-refund-radar-host="start"]').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    // The tap's own messages are heard (it runs in the page's world by design); none carries our id.
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.filter((m) => m.includes(h.extensionId) || m.includes('wxt:'))).toEqual([]);
    await page.close();
  });

  it('keeps a shipped order shipped when page code posts an answer calling it closed', async () => {
    // On the order list already read and stored (its cards' texts let go), an answer that comes later
    // comes second too.
    const stored = await readMyOrders(h);
    await postForgery(stored);
    // On a page that is not the shopper's order list, the order list answer is not the page's own.
    const home = await h.context.newPage();
    await home.goto(HOME);
    await postForgery(home);
    // On the order list, its own answer comes second to what the page shows.
    const list = await h.context.newPage();
    await list.goto(MY_ORDERS);
    await postForgery(list);
    // On an order's own page, an order list answer is not that page's either.
    const detail = await h.context.newPage();
    await detail.goto(`http://www.aliexpress.com/p/order/detail.html?orderId=${SHIPPED.orderId}`);
    await postForgery(detail);
    // Time for a read (300 ms after the message) and its delivery to the background.
    await home.waitForTimeout(2_000);
    expect((await storedOrder(h))?.status).toBe('shipped');
    await Promise.all([stored.close(), home.close(), list.close(), detail.close()]);
  }, 60_000);
});
