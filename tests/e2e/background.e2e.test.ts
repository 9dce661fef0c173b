import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageSnapshot } from '../../src/model/index.ts';
import { dispute, order, snapshot } from '../unit/store/fixtures.ts';
import { launch, storeRows, type Harness } from './harness.ts';

// The extension APIs as the functions passed to evaluate() see them inside Chromium.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number }>> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};

const MY_ORDERS = 'http://www.aliexpress.com/p/order/index.html';

/** Counts of every table of the extension's database, read in the service worker with plain IndexedDB. */
async function tableCounts(h: Harness): Promise<Record<string, number>> {
  return h.worker.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('refund-radar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const counts: Record<string, number> = {};
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => (counts[name] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * Runs code in our content script's isolated world on an AliExpress tab, through the DevTools
 * protocol: the only place a snapshot is accepted from.
 */
async function inContentScript<T>(h: Harness, page: Page, expression: string): Promise<T> {
  const cdp: CDPSession = await h.context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 10_000;
  let ctx: (typeof contexts)[number] | undefined;
  while (
    !(ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(h.extensionId))) &&
    Date.now() < deadline
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!ctx)
    throw new Error(`no isolated world of ours among ${JSON.stringify(contexts.map((c) => [c.name, c.origin]))}`);
  const result = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: ctx.id,
    awaitPromise: true,
    returnByValue: true,
  })) as {
    result: { value: T };
    exceptionDetails?: unknown;
  };
  await cdp.detach();
  if (result.exceptionDetails) throw new Error(JSON.stringify(result.exceptionDetails));
  return result.result.value;
}

/** Stops the extension's service worker the way Chrome does when it idles, and waits until it is down. */
async function stopWorker(h: Harness, page: Page): Promise<void> {
  const cdp = await h.context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on(
    'ServiceWorker.workerVersionUpdated',
    (e: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
      for (const v of e.versions)
        if (v.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`)) statuses.push(v.runningStatus);
    },
  );
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => statuses.length, { timeout: 5_000 }).toBeGreaterThan(0);
  const before = statuses.length;
  await cdp.send('ServiceWorker.stopAllWorkers');
  // It may be woken again at once (an alarm, an open page's message): having stopped is what counts.
  await expect.poll(() => statuses.slice(before).includes('stopped'), { timeout: 10_000 }).toBe(true);
  await cdp.detach();
}

async function sendFromPage<T>(page: Page, name: string, data: unknown): Promise<T> {
  return page.evaluate(async ([n, d]) => chrome.runtime.sendMessage({ name: n, data: d }), [
    name,
    data,
  ] as const) as Promise<T>;
}

describe('the background in Chromium', () => {
  let h: Harness;
  let popup: Page;
  beforeAll(async () => {
    h = await launch();
    popup = await h.openExtensionPage('popup.html');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stores what the content script reads on the stand-in’s pages', async () => {
    const page = await h.context.newPage();
    await page.goto(MY_ORDERS);
    await expect.poll(async () => (await tableCounts(h)).orders ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
    const counts = await tableCounts(h);
    expect(counts.readings).toBeGreaterThan(0);
    // The refund list names the disputes: they join the orders already stored.
    await page.goto('http://m.aliexpress.com/p/refund-dispute/list.html');
    await expect.poll(async () => (await tableCounts(h)).disputes ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('accepts a snapshot only from the content script, and answers extension pages', async () => {
    const page = await h.context.newPage();
    await page.goto(MY_ORDERS);
    const s = snapshot({ readAt: new Date().toISOString(), orders: [order({ orderId: '9000000000000001' })] });
    const fromContent = await inContentScript<{ ok: boolean }>(
      h,
      page,
      `chrome.runtime.sendMessage(${JSON.stringify({ name: 'snapshot', data: s })})`,
    );
    expect(fromContent).toEqual({ ok: true, data: { accepted: true, changed: 1, problems: [] } });
    const fromPopup = await sendFromPage<{ ok: boolean; error: { code: string } }>(popup, 'snapshot', s);
    expect(fromPopup).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const stored = await storeRows<{ orderId: string }>(h, 'orders');
    expect(stored.map((o) => o.orderId)).toContain('9000000000000001');
    await page.close();
  });

  it('keeps alarms and data when the service worker is stopped, and answers again when woken', async () => {
    // A whole minute: the store keeps a page's countdown dates to the minute, and alarm names follow.
    const soon = new Date(Math.round((Date.now() + 10 * 86_400_000) / 60_000) * 60_000).toISOString();
    const page = await h.context.newPage();
    await page.goto(MY_ORDERS);
    const s = snapshot({
      readAt: new Date().toISOString(),
      orders: [
        order({
          orderId: '9000000000000002',
          status: 'shipped',
          dates: {
            shippedAt: new Date().toISOString(),
            completedAt: null,
            protectionEndsAt: soon,
            deliveryGuaranteeAt: null,
          },
        }),
      ],
    });
    await inContentScript(h, page, `chrome.runtime.sendMessage(${JSON.stringify({ name: 'snapshot', data: s })})`);
    // Alerts are planned after the answer, on their own queue.
    await expect
      .poll(async () => (await popup.evaluate(() => chrome.alarms.getAll())).map((a) => a.name), { timeout: 10_000 })
      .toContain(`rr:protection-ends:9000000000000002:-:3d@${soon}`);
    const alarmsBefore = await popup.evaluate(() => chrome.alarms.getAll());
    const countsBefore = await tableCounts(h);

    await stopWorker(h, popup);

    // A message wakes the worker again.
    const settings = await sendFromPage<{ ok: boolean }>(popup, 'settingsGet', {});
    expect(settings.ok).toBe(true);
    expect(await tableCounts(h)).toEqual(countsBefore);
    const alarmsAfter = await popup.evaluate(() => chrome.alarms.getAll());
    expect(alarmsAfter.map((a) => [a.name, a.scheduledTime]).sort()).toEqual(
      alarmsBefore.map((a) => [a.name, a.scheduledTime]).sort(),
    );
    await page.close();
  });

  it('shows the notification when an alarm fires', async () => {
    const page = await h.context.newPage();
    await page.goto(MY_ORDERS);
    // The seller has at least 12 seconds left on the page's countdown (time for a slow machine to set
    // the alarm first), ending on a whole minute as the store keeps it; then the refund is due.
    const due = new Date(Math.ceil((Date.now() + 12_000) / 60_000) * 60_000).toISOString();
    const s = snapshot({
      readAt: new Date().toISOString(),
      orders: [order({ orderId: '9000000000000003', status: 'in-dispute' })],
      disputes: [
        dispute({
          orderId: '9000000000000003',
          lineId: '9000000000000013',
          status: 'awaiting-seller',
          deadline: due,
          openedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
        }),
      ],
    });
    await inContentScript(h, page, `chrome.runtime.sendMessage(${JSON.stringify({ name: 'snapshot', data: s })})`);
    const name = `rr:refund-due:9000000000000003:9000000000000013@${due}`;
    await expect
      .poll(async () => (await popup.evaluate(() => chrome.alarms.getAll())).map((a) => a.name), { timeout: 10_000 })
      .toContain(name);
    expect(Object.keys(await popup.evaluate(() => chrome.notifications.getAll()))).not.toContain(name);
    // Unpacked extensions get alarms on time; the worker's own onAlarm handler shows the notification.
    await expect
      .poll(async () => Object.keys(await h.worker.evaluate(() => chrome.notifications.getAll())), {
        timeout: 100_000,
        interval: 500,
      })
      .toContain(name);
    expect((await popup.evaluate(() => chrome.alarms.getAll())).map((a) => a.name)).not.toContain(name);
    await page.close();
  }, 130_000);

  it('exports, wipes and imports back everything', async () => {
    const records = async () => ({
      orders: await storeRows(h, 'orders'),
      disputes: await storeRows(h, 'disputes'),
      progress: await storeRows(h, 'progress'),
    });
    const before = await records();
    const countsBefore = await tableCounts(h);
    expect(before.orders.length).toBeGreaterThan(0);
    const exported = await sendFromPage<{ ok: boolean; data: { text: string; fileName: string } }>(
      popup,
      'backupExport',
      {},
    );
    expect(exported.data.fileName).toMatch(/^refund-radar-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await sendFromPage(popup, 'wipe', { confirm: true })).toEqual({ ok: true, data: { wiped: true } });
    const empty = await tableCounts(h);
    expect(Object.values(empty).every((n) => n === 0)).toBe(true);
    await expect.poll(() => popup.evaluate(() => chrome.alarms.getAll()), { timeout: 10_000 }).toEqual([]);
    const imported = await sendFromPage<{ ok: boolean; data: { imported: boolean; changed: number } }>(
      popup,
      'backupImport',
      { text: exported.data.text },
    );
    expect(imported.data.imported).toBe(true);
    expect(await tableCounts(h)).toEqual(countsBefore);
    expect(await records()).toEqual(before);
    const refused = await sendFromPage<{ data: { imported: boolean; reason: string } }>(popup, 'backupImport', {
      text: exported.data.text.slice(0, 100),
    });
    expect(refused.data).toMatchObject({ imported: false, reason: 'truncated' });
  });

  it('ingests a 1,000-order snapshot into IndexedDB and says how long it took', async () => {
    const page = await h.context.newPage();
    await page.goto(MY_ORDERS);
    const readAt = new Date().toISOString();
    const orders = Array.from({ length: 1000 }, (_, i) =>
      order({
        orderId: String(7000000000000000 + i),
        storeName: `Store ${i}`,
        lines: [
          {
            lineId: String(7100000000000000 + i),
            title: `Item ${i} with a fairly long product title as AliExpress has`,
            quantity: 1 + (i % 3),
          },
        ],
      }),
    );
    const big: PageSnapshot = snapshot({ readAt, orders });
    const timed = (s: PageSnapshot) => `(async () => {
      const message = ${JSON.stringify({ name: 'snapshot', data: s })};
      const t0 = performance.now();
      const answer = await chrome.runtime.sendMessage(message);
      return { answer, ms: performance.now() - t0 };
    })()`;
    const first = await inContentScript<{ answer: { ok: boolean; data: { changed: number } }; ms: number }>(
      h,
      page,
      timed(big),
    );
    expect(first.answer).toEqual({ ok: true, data: { accepted: true, changed: 1000, problems: [] } });
    // Alerts are planned after the answer; time until the soonest of the new orders has its alarm.
    const answeredAt = Date.now();
    await expect
      .poll(
        async () =>
          (await popup.evaluate(() => chrome.alarms.getAll())).some((a) => a.name.includes(':7000000000000000:')),
        {
          timeout: 30_000,
          interval: 25,
        },
      )
      .toBe(true);
    const replanMs = Date.now() - answeredAt;
    const again = await inContentScript<{ answer: { ok: boolean; data: { changed: number } }; ms: number }>(
      h,
      page,
      timed(big),
    );
    expect(again.answer).toEqual({ ok: true, data: { accepted: true, changed: 0, problems: [] } });
    const later = snapshot({
      readAt: new Date(Date.now() + 1000).toISOString(),
      orders: orders.map((o) => ({ ...o, status: 'completed' as const })),
    });
    const update = await inContentScript<{ answer: { ok: boolean; data: { changed: number } }; ms: number }>(
      h,
      page,
      timed(later),
    );
    expect(update.answer).toEqual({ ok: true, data: { accepted: true, changed: 1000, problems: [] } });
    expect((await tableCounts(h)).orders).toBeGreaterThanOrEqual(1000);
    console.log(
      `[bench] 1,000-order snapshot, content script -> background -> IndexedDB in Chromium (message, validation, merge, history, one transaction): ` +
        `new ${first.ms.toFixed(0)} ms, same again ${again.ms.toFixed(0)} ms, all changed ${update.ms.toFixed(0)} ms; ` +
        `alarms for the new orders planned ${replanMs} ms after the first answer`,
    );
    await page.close();
  }, 90_000);
});
