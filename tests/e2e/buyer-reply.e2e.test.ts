import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../assets/locales/en.json';
import { dispute, order, snapshot } from '../unit/store/fixtures.ts';
import { inContentScript, launch, type Harness } from './harness.ts';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number }>> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
};

/**
 * Issue 15 in real Chromium: a dispute that waits for the shopper (a generated snapshot, as the
 * case page's reader sends it) plans the buyer-response alarms; the real alarm fires and the
 * worker shows the notification with "Open dispute" and "Remind me tomorrow"; the snooze
 * (sent as the popup sends it: a notification's buttons cannot be clicked headless, and both go
 * through the same snoozeAndReplan) plans its comeback once, and not again.
 */

const ORDER = '9000000000000051';
const LINE = '9000000000000061';
const HOUR = 3_600_000;

describe('the shopper’s reply reminders in Chromium', () => {
  let h: Harness;
  let popup: Page;
  beforeAll(async () => {
    h = await launch();
    popup = await h.openExtensionPage('popup.html');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('plans the buyer-response alarms, shows the reminder with its buttons when one fires, and snoozes it once', async () => {
    // Keep what the worker shows: chrome.notifications.getAll() answers ids only.
    await h.worker.evaluate(() => {
      const g = globalThis as unknown as { chrome: { notifications: { create(...a: unknown[]): unknown } } };
      const shown: unknown[][] = [];
      const create = g.chrome.notifications.create;
      g.chrome.notifications.create = (...a: unknown[]) => (shown.push(a), create.apply(g.chrome.notifications, a));
      (globalThis as unknown as { shown: unknown[][] }).shown = shown;
    });
    // The countdown ends 48 hours and at least 12 seconds from now, on a whole minute as the store
    // keeps it: the 48-hour reminder's alarm is set first, then fires.
    const due = new Date(Math.ceil((Date.now() + 48 * HOUR + 12_000) / 60_000) * 60_000);
    const at = due.toISOString();
    const s = snapshot({
      readAt: new Date().toISOString(),
      orders: [order({ orderId: ORDER, status: 'in-dispute' })],
      disputes: [
        dispute({
          orderId: ORDER,
          lineId: LINE,
          status: 'awaiting-buyer',
          awaiting: 'buyer',
          statusText: 'Awaiting your response',
          deadline: at,
          openedAt: new Date(Date.now() - 6 * 24 * HOUR).toISOString(),
        }),
      ],
    });
    const page = await h.context.newPage();
    await page.goto('http://www.aliexpress.com/p/order/index.html');
    await inContentScript(h, page, `chrome.runtime.sendMessage(${JSON.stringify({ name: 'snapshot', data: s })})`);

    const name = (lead: string) => `rr:buyer-response:${ORDER}:${LINE}:${lead}@${at}`;
    const alarms = async () =>
      (await popup.evaluate(() => chrome.alarms.getAll())).filter((a) => a.name.includes(ORDER));
    const mine = async () =>
      (await alarms()).filter((a) => a.name.includes(':buyer-response')).map((a) => [a.name, a.scheduledTime]);
    await expect
      .poll(async () => (await mine()).sort(), { timeout: 10_000 })
      .toEqual(
        [
          [name('48h'), due.getTime() - 48 * HOUR],
          [name('24h'), due.getTime() - 24 * HOUR],
          [name('6h'), due.getTime() - 6 * HOUR],
          [`rr:buyer-response-passed:${ORDER}:${LINE}@${at}`, due.getTime()],
        ].sort(),
      );

    // The real alarm fires (unpacked extensions get them on time) and the worker shows the reminder.
    await expect
      .poll(async () => Object.keys(await h.worker.evaluate(() => chrome.notifications.getAll())), {
        timeout: 100_000,
        interval: 500,
      })
      .toContain(name('48h'));
    const shown = (await h.worker.evaluate(() => (globalThis as unknown as { shown: unknown[][] }).shown)) as Array<
      [string, { title: string; message: string; buttons?: Array<{ title: string }> }]
    >;
    const [, note] = shown.find(([id]) => id === name('48h'))!;
    expect(note.title).toBe(en.alertBuyerReplyTitle.message);
    expect(note.message).toContain(ORDER);
    expect(note.buttons).toEqual([{ title: en.alertOpenDispute.message }, { title: en.alertSnooze.message }]);
    expect((await alarms()).map((a) => a.name)).not.toContain(name('48h'));

    // The popup lists it, and "Remind me tomorrow" plans its one comeback a day later.
    const recent = (await popup.evaluate(() => chrome.runtime.sendMessage({ name: 'recentAlerts', data: {} }))) as {
      ok: boolean;
      data: Array<{ id: string; snoozable: boolean }>;
    };
    expect(recent.data).toContainEqual(expect.objectContaining({ id: name('48h'), snoozable: true }));
    const before = Date.now();
    const snoozed = await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ name: 'snoozeAlert', data: { id } }),
      name('48h'),
    );
    expect(snoozed).toEqual({ ok: true, data: { result: 'snoozed' } });
    const comeback = async () => (await alarms()).filter((a) => a.name === `${name('48h')}#again`);
    await expect.poll(async () => (await comeback()).length, { timeout: 10_000 }).toBe(1);
    const [again] = await comeback();
    expect(again!.scheduledTime).toBeGreaterThanOrEqual(before + 24 * HOUR - 1000);
    expect(again!.scheduledTime).toBeLessThanOrEqual(Date.now() + 24 * HOUR);
    expect(Object.keys(await h.worker.evaluate(() => chrome.notifications.getAll()))).not.toContain(name('48h'));

    // Not again: a second snooze is refused and leaves the one comeback where it was.
    const twice = await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ name: 'snoozeAlert', data: { id } }),
      name('48h'),
    );
    expect(twice).toEqual({ ok: true, data: { result: 'already-snoozed' } });
    expect(await comeback()).toEqual([again]);

    // A page's script cannot snooze: the message is for the extension's own pages.
    const forged = await inContentScript(
      h,
      page,
      `chrome.runtime.sendMessage(${JSON.stringify({ name: 'snoozeAlert', data: { id: name('24h') } })})`,
    );
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await page.close();
  }, 150_000);
});
