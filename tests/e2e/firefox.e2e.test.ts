import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../assets/locales/de.json';
import { siteOrders } from '../site/data.ts';
import { DB_NAME } from '../../src/store/db.ts';
import { LATEST_VERSION } from '../../src/store/schema.ts';
import {
  CALENDAR_BUTTON,
  CALENDAR_STATUS,
  type CalendarDeadlines,
  disputeBarInPage,
  expectCalendarFile,
  disputePageUrl,
  escalatableOrder,
  expectEscalatableDisputeBar,
  expectPopupLists,
  expectStartOnOfferedCards,
  lineIdsOf,
  MY_ORDERS_25,
  MY_ORDERS_WITH_ANSWER,
  offeredCount,
  popupListInPage,
  scrollThroughCards,
  startButtonsInPage,
} from './checks.ts';
import { GECKO_ID, launchFirefox, type FirefoxHarness } from './firefox.ts';

// The extension APIs as the functions passed to evaluate() see them in a Firefox extension page.
declare const browser: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number }>> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
};

interface StoredOrder {
  orderId: string;
  status: string;
  lines: Array<{ lineId: string | null }>;
}
interface StoredDispute {
  key: string;
  orderId: string;
  lineId: string | null;
  status: string;
  deadline: string | null;
}

const poll = { timeout: 20_000, interval: 250 };

/** A message to the background from an extension page, as the popup and options send them. */
function send<T>(page: Page, name: string, data: unknown): Promise<T> {
  return page.evaluate((message) => browser.runtime.sendMessage(message), { name, data }) as Promise<T>;
}

/** The one element a selector finds; `>>>` pierces open shadow roots (from an element, only as its start). */
async function one(page: Page | ElementHandle, selector: string): Promise<ElementHandle> {
  const found = await page.$(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

// Issue 18: the Firefox package as a shopper installs it (a temporary add-on in Firefox ESR, over
// WebDriver BiDi), on the same stand-in and with the same page-level checks as the Chromium tests.
describe('the extension in Firefox', () => {
  let f: FirefoxHarness;
  let page: Page;
  const startedAt = Date.now();
  beforeAll(async () => {
    f = await launchFirefox();
    page = await f.browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await f?.close();
    console.info(`Firefox test: ${((Date.now() - startedAt) / 1000).toFixed(1)} s from launch to close`);
  });

  it('installs as a temporary add-on and opens its database at the latest version', async () => {
    expect(f.extensionId).toBe(GECKO_ID);
    const store = await f.openExtensionPage('options.html');
    await expect
      .poll(() => store.evaluate(() => indexedDB.databases()), poll)
      .toContainEqual({ name: DB_NAME, version: LATEST_VERSION * 10 });
    await store.close();
  });

  // Each step over BiDi in a 20-card page takes seconds here: more time than the other tests.
  it('puts Start refund on every card of My orders a refund can be asked for, those "View orders" adds too, and walks its panel', async () => {
    const orders = siteOrders(25, new Date());
    const [first, both] = [offeredCount(orders.slice(0, 10)), offeredCount(orders.slice(0, 20))];
    // A card "View orders" loads, with a Returns/refunds button. Its details page first: from the list
    // alone its dates are unknown, and the panel would send the shopper there instead.
    const target = orders.findIndex((o, i) => i >= 10 && o.actions.includes('returns-refunds'));
    const orderId = orders[target]!.orderId;
    await page.goto(`http://www.aliexpress.com/p/order/detail.html?orderId=${orderId}`);
    await expect
      .poll(
        async () =>
          (await f.storeRows<{ orderId: string; dates: { shippedAt: string | null } }>('orders')).find(
            (o) => o.orderId === orderId,
          )?.dates.shippedAt ?? null,
        poll,
      )
      .not.toBeNull();
    await page.goto(MY_ORDERS_25);
    // Buttons are drawn as cards come near the screen, which Firefox renders only for the tab shown
    // (the options page opened before took the front); the shopper then scrolls through the list.
    await page.bringToFront();
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('.order-item').length), poll).toBe(10);
    // Scrolled again at each poll: a card passed between two frames of a busy browser is never near.
    const scrolledButtons = async () => (await page.evaluate(scrollThroughCards), page.evaluate(startButtonsInPage));
    await expect.poll(scrolledButtons, poll).toMatchObject({ cards: 10, buttons: first });
    await (await one(page, '.order-more button')).click();
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('.order-item').length), poll).toBe(20);
    await expect.poll(scrolledButtons, poll).toMatchObject({ cards: 20, buttons: both });
    expectStartOnOfferedCards(await page.evaluate(startButtonsInPage), 20, both);
    // Its styles reach the button in Firefox too (one stylesheet adopted by every button's root).
    const look = await page.evaluate(() => {
      const button = document.querySelector('[data-refund-radar-host="start"]')!.shadowRoot!.querySelector('button')!;
      return { border: getComputedStyle(button).borderTopWidth, radius: getComputedStyle(button).borderTopLeftRadius };
    });
    expect(look).toEqual({ border: '2px', radius: '6px' });

    // Trusted clicks open its panel.
    const card = (await page.$$('.order-item'))[target]!;
    await (await one(await one(card, '[data-refund-radar-host="start"]'), '>>> button')).click();
    const dialog = '[data-refund-radar-host="panel"] >>> [role="dialog"]';
    await expect
      .poll(async () => (await page.$(`${dialog} h2`))?.evaluate((h) => h.textContent), poll)
      .toBe('Start a refund');
    // By name, not by text: a text search through the page's whole tree takes seconds a step here.
    await (await one(page, `${dialog} input[value="wrong-size"]`)).click();
    const go = await one(page, `${dialog} .rr-go button`);
    expect(await go.evaluate((b) => b.textContent)).toBe('Take me there');
    await go.click();
    await expect
      .poll(
        async () =>
          (await f.storeRows<{ orderId: string; reason: string | null }>('progress')).find(
            (p) => p.orderId === orders[target]!.orderId,
          )?.reason,
        poll,
      )
      .toBe('wrong-size');
    await f.screenshot(page, 'firefox-helper');
  }, 90_000);

  it('words Start refund in the language chosen in options (the background reads its packaged page texts)', async () => {
    const options = await f.openExtensionPage('options.html');
    expect(await send(options, 'settingsSet', { language: 'de' })).toMatchObject({ ok: true });
    try {
      await page.goto(MY_ORDERS_25);
      await page.bringToFront();
      const startText = () =>
        page.evaluate(
          () =>
            document.querySelector('[data-refund-radar-host="start"]')?.shadowRoot?.querySelector('button')
              ?.textContent ?? null,
        );
      await expect
        .poll(async () => (await page.evaluate(scrollThroughCards), startText()), poll)
        .toBe(de.helperStart.message);
    } finally {
      // The other tests read the English the browser speaks.
      await send(options, 'settingsSet', { language: 'auto' });
      await options.close();
    }
  }, 60_000);

  it('stores the orders in IndexedDB, with the line ids the tap read from the page’s own answer', async () => {
    // The cards carry no line ids: only the page's order list answer, handed over by the MAIN-world tap, has them.
    const expected = lineIdsOf(siteOrders());
    await page.goto(MY_ORDERS_WITH_ANSWER);
    await expect.poll(async () => lineIdsOf(await f.storeRows<StoredOrder>('orders')), poll).toMatchObject(expected);
  });

  it('stores the dispute its page shows and puts the dispute bar above it, Escalate left alone until asked', async () => {
    const order = escalatableOrder();
    await page.goto(disputePageUrl(order));
    await expect.poll(() => page.evaluate(disputeBarInPage), poll).toMatchObject({ awaiting: 'buyer' });
    expectEscalatableDisputeBar(await page.evaluate(disputeBarInPage));
    await expect
      .poll(
        async () =>
          (await f.storeRows<StoredDispute>('disputes')).find(
            (d) => d.key === `${order.orderId}:${order.dispute!.lineId}`,
          )?.status,
        poll,
      )
      .toBe(order.dispute!.status);
    await f.screenshot(page, 'firefox-dispute-bar');
  });

  it('lists the tracked orders in the popup', async () => {
    const popup = await f.openExtensionPage('popup.html');
    await expect.poll(() => popup.evaluate(popupListInPage), poll).toMatchObject({ state: 'live' });
    // The first frame draws the cards a 600 px popup shows; the rest of the page follows a frame later.
    await expect
      .poll(async () => (await popup.evaluate(popupListInPage)).orderIds, poll)
      .toContain(escalatableOrder().orderId);
    const tracked = (await f.storeRows<StoredOrder>('orders')).map((o) => o.orderId);
    expectPopupLists(await popup.evaluate(popupListInPage), tracked, [escalatableOrder().orderId]);
    await f.screenshot(popup, 'firefox-popup');
    await popup.close();
  });

  it('saves "Add to calendar (.ics)" as a file with an event at each upcoming deadline the store holds', async () => {
    const popup = await f.openExtensionPage('popup.html');
    const file = join(f.downloads, 'refund-radar-deadlines.ics');
    await (await popup.waitForSelector(CALENDAR_BUTTON, { timeout: poll.timeout }))!.click();
    const now = Date.now();
    await expect.poll(() => existsSync(file) && readFileSync(file, 'utf8').includes('END:VCALENDAR'), poll).toBe(true);
    const items = await send<{ data: CalendarDeadlines[] }>(popup, 'calendarDeadlines', {});
    const status = await popup.$eval(CALENDAR_STATUS, (el) => el.textContent ?? '');
    expectCalendarFile(readFileSync(file, 'utf8'), items.data, now, status);
    await popup.close();
  });

  it('shows a notification when an alarm fires', async () => {
    const popup = await f.openExtensionPage('popup.html');
    // The shopper's own backup, with one more dispute whose seller has 15 seconds left: Firefox
    // takes snapshots only from the content script, and a backup is the extension pages' way in.
    const exported = await send<{ data: { text: string } }>(popup, 'backupExport', {});
    const backup = JSON.parse(exported.data.text) as {
      orders: Array<StoredOrder & Record<string, unknown>>;
      disputes: Array<StoredDispute & Record<string, unknown>>;
    };
    const orderId = '9000000000000777';
    const lineId = '9000000000000778';
    // At least 15 s ahead (time to set the alarm first), on a whole minute as the store keeps it.
    const deadline = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000).toISOString();
    const [order] = backup.orders;
    const [dispute] = backup.disputes;
    backup.orders.push({ ...order!, orderId, status: 'in-dispute', lines: [{ ...order!.lines[0]!, lineId }] });
    const { escalateSeenAt: _seen, readAtByField: _read, ...rest } = dispute!;
    backup.disputes.push({
      ...rest,
      key: `${orderId}:${lineId}`,
      orderId,
      lineId,
      disputeId: null,
      status: 'awaiting-seller',
      statusText: 'Waiting for the seller to respond',
      awaiting: 'seller',
      deadline,
      canEscalate: false,
    } as StoredDispute & Record<string, unknown>);
    const imported = await send<{ data: { imported: boolean } }>(popup, 'backupImport', {
      text: JSON.stringify(backup),
    });
    expect(imported.data).toMatchObject({ imported: true });

    const name = `rr:refund-due:${orderId}:${lineId}@${deadline}`;
    await expect
      .poll(async () => (await popup.evaluate(() => browser.alarms.getAll())).map((a) => a.name), poll)
      .toContain(name);
    expect(Object.keys(await popup.evaluate(() => browser.notifications.getAll()))).not.toContain(name);
    // Firefox fires the alarm; the background's onAlarm plans again and shows what is due.
    await expect
      .poll(async () => Object.keys(await popup.evaluate(() => browser.notifications.getAll())), {
        timeout: 100_000,
        interval: 500,
      })
      .toContain(name);
    const sent = (await f.storeRows<{ id: string; firedAt: string }>('alerts')).find((a) => a.id === name);
    expect(Date.parse(sent!.firedAt)).toBeGreaterThanOrEqual(Date.parse(deadline));
    expect((await popup.evaluate(() => browser.alarms.getAll())).map((a) => a.name)).not.toContain(name);
    await popup.close();
  }, 150_000);
});
