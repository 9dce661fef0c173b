/**
 * Page-level checks both browsers' tests run (Chromium through Playwright, Firefox through
 * Puppeteer): a function that runs inside the page and returns plain data, and the expectation
 * on that data. Each `...InPage` function is passed to `page.evaluate`, so it is serialized: it
 * must use nothing from this module and declare no named inner function.
 */
import ICAL from 'ical.js';
import { expect } from 'vitest';
import { siteOrders, type SiteOrder } from '../site/data.ts';

/** My orders on the stand-in with 25 orders: ten cards at first, ten more per "View orders". */
export const MY_ORDERS_25 = 'http://www.aliexpress.com/p/order/index.html?orders=25';
/** `mtop=1`: the page loads its order list answer, whose lines carry the ids the cards lack. */
export const MY_ORDERS_WITH_ANSWER = 'http://www.aliexpress.com/p/order/index.html?mtop=1&pageSize=20';

/** The first default stand-in order whose dispute shows AliExpress's Escalate button. */
export function escalatableOrder(now: Date = new Date()): SiteOrder {
  const order = siteOrders(15, now).find((o) => o.dispute?.canEscalate);
  if (!order) throw new Error('the stand-in has no dispute with an Escalate button');
  return order;
}

export function disputePageUrl(order: SiteOrder): string {
  return `http://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${order.dispute!.lineId}&reverseOrderLineId=${order.dispute!.disputeId}&from=1`;
}

export interface StartButtons {
  cards: number;
  buttonRows: number;
  hosts: number;
  markedRows: number;
  /** Hosts whose open shadow root holds the Start refund button. */
  buttons: number;
}

/** In the page: how many of My orders' cards carry the Start refund helper. */
export function startButtonsInPage(): StartButtons {
  const hosts = [...document.querySelectorAll('[data-refund-radar-host="start"]')];
  return {
    cards: document.querySelectorAll('.order-item').length,
    buttonRows: document.querySelectorAll('.order-item-btns').length,
    hosts: hosts.length,
    markedRows: document.querySelectorAll('.order-item-btns[data-refund-radar-start]').length,
    buttons: hosts.filter((h) => h.shadowRoot?.querySelector('button')).length,
  };
}

/**
 * In the page: scrolls each order card into view in turn, as a shopper reading the whole list
 * would, then back to the top. Start refund is drawn only for cards that came near the viewport,
 * so a test about every card's button walks the list first.
 */
export async function scrollThroughCards(): Promise<void> {
  for (const card of document.querySelectorAll('.order-item')) {
    card.scrollIntoView({ block: 'center' });
    // The browser tells intersections after it renders a frame (a timer, not requestAnimationFrame,
    // so a tab that is not shown fails a test's next check rather than hanging it).
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  window.scrollTo(0, 0);
}

/**
 * The stand-in's orders that get Start refund: those a refund can be asked for (paid, not closed)
 * or whose dispute is open, as the background's offers decide from the stored statuses.
 */
export function offeredCount(orders: readonly SiteOrder[]): number {
  return orders.filter((o) => !['to-pay', 'closed'].includes(o.status) && o.dispute?.status !== 'closed').length;
}

/**
 * Every card (with a button row) of the `cards` shown was looked at, and exactly the `offered` ones
 * carry one Start refund button each.
 */
export function expectStartOnOfferedCards(state: StartButtons, cards: number, offered: number): void {
  expect(offered).toBeGreaterThan(0);
  expect(offered).toBeLessThan(cards);
  expect(state).toEqual({ cards, buttonRows: cards, hosts: offered, markedRows: cards, buttons: offered });
}

export interface DisputeBar {
  bars: number;
  awaiting: string | null;
  text: string;
  /** Whether AliExpress's own Escalate button carries our highlight. */
  escalateHighlighted: boolean;
}

/** In the page: the dispute bar's state and text, and whether the Escalate button is pointed at. */
export function disputeBarInPage(): DisputeBar {
  const bars = [...document.querySelectorAll('[data-refund-radar-host="dispute-bar"]')]
    .map((host) => host.shadowRoot?.querySelector('.rr-bar'))
    .filter((bar) => bar);
  const escalate = document.querySelector('button[class*="reminder--btn"]');
  return {
    bars: bars.length,
    awaiting: bars[0]?.getAttribute('data-awaiting') ?? null,
    text: (bars[0]?.textContent ?? '').replace(/\s+/g, ' '),
    escalateHighlighted: escalate?.getAttribute('data-refund-radar-highlight') === '',
  };
}

/**
 * The bar on the stand-in's escalatable dispute: the buyer must act, the page's countdown, and
 * AliExpress's Escalate button left alone until the shopper asks for it.
 */
export function expectEscalatableDisputeBar(bar: DisputeBar): void {
  expect(bar).toMatchObject({ bars: 1, awaiting: 'buyer', escalateHighlighted: false });
  expect(bar.text).toContain('You must act');
  expect(bar.text).toMatch(/2 days 5 h left \(until .+\) from AliExpress/);
}

export interface PopupList {
  state: string | null;
  count: string | null;
  orderIds: string[];
  alerts: number;
}

/** In the popup: whether it has the background's live answer, its count, and the orders it lists. */
export function popupListInPage(): PopupList {
  return {
    state: document.querySelector('main')?.getAttribute('data-state') ?? null,
    count: document.querySelector('.rr-count')?.textContent ?? null,
    orderIds: [...document.querySelectorAll('.rr-list [data-order-id]')].map((li) => li.getAttribute('data-order-id')!),
    alerts: document.querySelectorAll('[role="alert"]').length,
  };
}

/** The popup counts every tracked order and lists only tracked ones, `expected` among them. */
export function expectPopupLists(popup: PopupList, tracked: string[], expected: string[]): void {
  expect(popup.state).toBe('live');
  expect(popup.alerts).toBe(0);
  expect(popup.count).toMatch(new RegExp(`^${tracked.length}\\s`));
  expect(popup.orderIds.length).toBeGreaterThan(0);
  for (const id of popup.orderIds) expect(tracked).toContain(id);
  for (const id of expected) expect(popup.orderIds).toContain(id);
}

/**
 * In an extension page: every row of one table of the extension's database, read with plain
 * IndexedDB, so a test sees what the store holds without asking the extension's own code.
 */
export function tableInPage(name: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('refund-radar');
    // Asked before the background made its database: opening would create an empty one at version 1,
    // whose open connection then blocks the background's own upgrade for good. Nothing stored yet.
    open.onupgradeneeded = () => {
      open.transaction!.abort();
      resolve([]);
    };
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      try {
        const req = db.transaction(name, 'readonly').objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result as unknown[]);
        req.onerror = () => reject(req.error);
      } catch (error) {
        reject(error);
      } finally {
        // Closed at once (the read goes on): an open connection would block the background's upgrades.
        db.close();
      }
    };
  });
}

/** Each order's line ids as the stand-in has them: stored only when the page's own answer was read. */
export function lineIdsOf(orders: ReadonlyArray<{ orderId: string; lines: ReadonlyArray<{ lineId: string | null }> }>) {
  return Object.fromEntries(orders.map((o) => [o.orderId, o.lines.map((l) => l.lineId)]));
}

/** The popup's "Add to calendar (.ics)" button, and the status line it writes when done. */
export const CALENDAR_BUTTON = '.rr-calendar button';
export const CALENDAR_STATUS = '.rr-calendar [role="status"]';

/** One order's or dispute's deadlines, as the background's `calendarDeadlines` answers them. */
export interface CalendarDeadlines {
  orderId: string;
  deadlines: ReadonlyArray<{ kind: string; at: string }>;
}

/**
 * The file the popup saved, read with ical.js rather than our writer: one event for each deadline
 * of `items` still ahead at `now`, each starting at its deadline's second (a date shown without a time as
 * that whole day, kept until the day has ended everywhere, UTC-12), and the status line counts them.
 */
export function expectCalendarFile(
  ics: string,
  items: readonly CalendarDeadlines[],
  now: number,
  status: string,
): void {
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const isDate = (at: string) => /^\d{4}-\d\d-\d\d$/.test(at);
  const ahead = items.flatMap((item) =>
    item.deadlines
      .filter((d) => Date.parse(d.at) + (isDate(d.at) ? 36 * 3_600_000 : 0) > now)
      .map((d) => ({ orderId: item.orderId, ...d })),
  );
  expect(ahead.length).toBeGreaterThan(0);
  expect(events).toHaveLength(ahead.length);
  expect(status).toMatch(new RegExp(`\\b${ahead.length}$`));
  for (const d of ahead) {
    const starts = events
      .filter((e) => e.uid.startsWith(`${d.orderId}-${d.kind}`))
      .map((e) => (e.startDate.isDate ? e.startDate.toString() : e.startDate.toJSDate().toISOString()));
    // iCalendar times are whole seconds.
    const second = new Date(Math.floor(Date.parse(d.at) / 1000) * 1000).toISOString();
    expect(starts, `${d.orderId} ${d.kind}`).toContain(isDate(d.at) ? d.at : second);
  }
}
