import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteOrder, siteOrders, type SiteDisputeStatus, type SiteOrder } from '../site/data.ts';
import { LANG_INFO } from '../site/format.ts';
import { LABELS, type Lang } from '../site/labels.ts';
import type { OrderRef } from '../site/render.ts';
import { briefly, launch, storePage, storeRows, type Harness } from './harness.ts';

// The extension APIs as the functions passed to evaluate() see them inside Chromium.
declare const chrome: {
  alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number }>> };
};

// `mtop=1`: the page loads its order list answer, whose order lines carry their ids (the cards do
// not); `pageSize=20`: all 15 default orders at once, so no "View orders" clicks are needed.
const MY_ORDERS = 'http://www.aliexpress.com/p/order/index.html?mtop=1&pageSize=20';

/** The first default stand-in order (tests/site/data.ts) whose dispute is in `status`. */
function orderWithDispute(status: SiteDisputeStatus): number {
  const index = siteOrders().findIndex((o) => o.dispute?.status === status);
  if (index < 0) throw new Error(`the stand-in has no dispute ${status}`);
  return index;
}

// A dispute awaiting the seller on an order's only line, and one awaiting the buyer's return on
// the second of an order's two lines: each plans alarms from the page's countdown.
const AWAITING_SELLER = orderWithDispute('awaiting-seller');
const AWAITING_RETURN = orderWithDispute('awaiting-return');

interface StoredDispute {
  key: string;
  orderId: string;
  lineId: string | null;
  disputeId: string | null;
  status: string;
  statusText: string | null;
  deadline: string | null;
}

interface HeldRow {
  key: string;
  lineId: string | null;
  disputeId: string | null;
}

interface StoredOrder {
  orderId: string;
  lines: Array<{ lineId: string | null }>;
}

const rows = <T>(h: Harness, table: 'orders' | 'disputes' | 'held') => storeRows<T>(h, table);

async function storedDispute(h: Harness, key: string): Promise<StoredDispute | undefined> {
  return (await rows<StoredDispute>(h, 'disputes')).find((d) => d.key === key);
}

async function alarmNames(h: Harness): Promise<string[]> {
  const page = await storePage(h);
  return (await briefly(page.evaluate(() => chrome.alarms.getAll()))).map((a) => a.name);
}

const disputeUrl = (order: SiteOrder, ref: OrderRef) =>
  `http://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${order.dispute!.lineId}&reverseOrderLineId=${order.dispute!.disputeId}&from=1&orderRef=${ref}`;

const keyOf = (order: SiteOrder) => `${order.orderId}:${order.dispute!.lineId}`;

/** Launches with the shopper's language set the way AliExpress sets it: the aep_usuc_f cookie. */
async function launchIn(lang: Lang): Promise<Harness> {
  const h = await launch();
  await h.context.addCookies([
    {
      name: 'aep_usuc_f',
      value: `site=glo&c_tp=USD&region=US&b_locale=${LANG_INFO[lang].bLocale}`,
      domain: '.aliexpress.com',
      path: '/',
    },
  ]);
  return h;
}

/** Visits My orders and waits until the background has the given orders with their line ids. */
async function visitMyOrders(h: Harness, page: Page, orders: SiteOrder[]): Promise<void> {
  await page.goto(MY_ORDERS);
  const lineIds = async () => {
    const stored = await rows<StoredOrder>(h, 'orders');
    return orders.map((o) => stored.find((s) => s.orderId === o.orderId)?.lines.map((l) => l.lineId) ?? null);
  };
  await expect
    .poll(lineIds, { timeout: 20_000, interval: 250 })
    .toEqual(orders.map((o) => o.lines.map((l) => l.lineId)));
}

/**
 * Opens the dispute page that names its order only as labelled text (`label`) or not at all
 * (`none`), after checking that it really has no link to the order.
 */
async function visitDispute(page: Page, order: SiteOrder, ref: OrderRef, lang: Lang): Promise<void> {
  await page.goto(disputeUrl(order, ref));
  expect(await page.locator('html').getAttribute('lang')).toBe(LANG_INFO[lang].tag);
  expect(await page.locator('a[href*="orderId="]').count()).toBe(0);
  expect(await page.locator('[class*="product--orderLink"]').count()).toBe(0);
}

/**
 * The dispute as the page showed it, stored under its order: status and its text in the page's
 * language, and the deadline the countdown gave (time left when served, counted from the visit).
 */
function expectAsShown(stored: StoredDispute | undefined, order: SiteOrder, lang: Lang, visit: [number, number]) {
  const d = order.dispute!;
  expect(stored).toMatchObject({
    key: keyOf(order),
    orderId: order.orderId,
    lineId: d.lineId,
    status: d.status,
    statusText: LABELS[lang].dispute[d.status],
  });
  expect(stored!.disputeId === null || stored!.disputeId === d.disputeId).toBe(true);
  expect(stored!.deadline).not.toBeNull();
  const deadline = Date.parse(stored!.deadline!);
  // The countdown shows whole seconds and ticks while the page is read; the store keeps a
  // countdown's deadline to the nearest minute (src/store/merge.ts), so up to 30 s either way.
  expect(deadline % 60_000).toBe(0);
  expect(deadline).toBeGreaterThanOrEqual(visit[0] + d.countdownMs! - 3_000 - 30_000);
  expect(deadline).toBeLessThanOrEqual(visit[1] + d.countdownMs! + 1_000 + 30_000);
}

/**
 * Waits until the dispute page's reading is stored under `<orderId>:<lineId>`: My orders alone
 * stores only `<orderId>:-`, with the status of the card and no deadline.
 */
async function readFromPage(h: Harness, order: SiteOrder): Promise<void> {
  await expect
    .poll(
      async () => {
        const stored = await storedDispute(h, keyOf(order));
        return stored ? { status: stored.status, hasDeadline: stored.deadline !== null } : null;
      },
      { timeout: 20_000, interval: 250 },
    )
    .toEqual({ status: order.dispute!.status, hasDeadline: true });
}

/** The alarms the dispute's own deadline plans (src/alerts/plan.ts), with the default lead days 3 and 1. */
function expectedAlarms(stored: StoredDispute): string[] {
  const id = `${stored.orderId}:${stored.lineId}`;
  switch (stored.status) {
    case 'awaiting-seller':
      return [`rr:refund-due:${id}@${stored.deadline}`];
    case 'awaiting-return':
      return [`rr:return-ship-by:${id}:3d@${stored.deadline}`, `rr:return-ship-by:${id}:1d@${stored.deadline}`];
    default:
      throw new Error(`no alarm expected for ${stored.status}`);
  }
}

async function expectAlarmsPlanned(h: Harness, stored: StoredDispute): Promise<void> {
  // Alerts are planned after the snapshot is answered, on their own queue.
  await expect
    .poll(() => alarmNames(h), { timeout: 15_000, interval: 250 })
    .toEqual(expect.arrayContaining(expectedAlarms(stored)));
}

// Issue 11: a dispute page with no link to its order is still stored under its order, with its
// alarms, when My orders was seen first: the store joins it through the order's lines.
describe.each(['en', 'pt-BR', 'ru'] as const)(
  'a dispute page with no order link, My orders seen first (%s)',
  (lang) => {
    let h: Harness;
    let page: Page;
    beforeAll(async () => {
      h = await launchIn(lang);
      page = await h.context.newPage();
    });
    afterAll(async () => {
      await h?.close();
    });

    it('My orders stores the orders with their line ids', async () => {
      await visitMyOrders(h, page, [siteOrder(AWAITING_SELLER), siteOrder(AWAITING_RETURN)]);
    });

    it.each([
      ['the order number as labelled text', 'label', AWAITING_SELLER],
      ['no order number at all', 'none', AWAITING_RETURN],
    ] as const)('with %s: stored under its order, its alarms planned', async (_, ref, index) => {
      const order = siteOrder(index);
      const start = Date.now();
      await visitDispute(page, order, ref, lang);
      await readFromPage(h, order);
      const stored = await storedDispute(h, keyOf(order));
      expectAsShown(stored, order, lang, [start, Date.now()]);
      expect((await rows<HeldRow>(h, 'held')).filter((r) => r.lineId === order.dispute!.lineId)).toEqual([]);
      await expectAlarmsPlanned(h, stored!);
    });
  },
);

// The other way round: the dispute page first, in a fresh profile, so its order is unknown and it is
// held; My orders then brings the order's lines and the held dispute joins it.
describe.each(['en', 'ru'] as const)('a dispute page with no order link seen before its order (%s)', (lang) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchIn(lang);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is held until My orders shows its order, then stored under it with its alarms', async () => {
    const order = siteOrder(AWAITING_SELLER);
    const page = await h.context.newPage();
    const start = Date.now();
    await visitDispute(page, order, 'none', lang);
    await expect
      .poll(async () => (await rows<HeldRow>(h, 'held')).map((r) => r.key), { timeout: 20_000, interval: 250 })
      .toEqual([`line:${order.dispute!.lineId}`]);
    const held = (await rows<HeldRow & { dispute: { status: string; orderId: string | null } }>(h, 'held'))[0]!;
    expect(held).toMatchObject({
      lineId: order.dispute!.lineId,
      dispute: { status: order.dispute!.status, orderId: null },
    });
    const visited = Date.now();
    expect(await rows(h, 'disputes')).toEqual([]);
    expect((await alarmNames(h)).filter((n) => n.includes(order.dispute!.lineId))).toEqual([]);

    await visitMyOrders(h, page, [order]);
    await readFromPage(h, order);
    const stored = await storedDispute(h, keyOf(order));
    expectAsShown(stored, order, lang, [start, visited]);
    expect(await rows(h, 'held')).toEqual([]);
    await expectAlarmsPlanned(h, stored!);
    await page.close();
  });
});
