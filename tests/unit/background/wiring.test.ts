import { IDBFactory } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import background from '../../../entrypoints/background.ts';
import { dispute, order, snapshot } from '../store/fixtures.ts';
import de from '../../../assets/locales/de.json';

const ORIGIN = 'chrome-extension://test-extension-id/';
const contentScript = {
  id: 'test-extension-id',
  url: 'https://www.aliexpress.com/p/order/index.html',
  tab: { url: 'https://www.aliexpress.com/p/order/index.html' },
};
const popup = { id: 'test-extension-id', url: `${ORIGIN}popup.html` };

async function message(name: string, data: unknown, sender: object) {
  const answers = await fakeBrowser.runtime.onMessage.trigger({ name, data }, sender);
  return (await answers[0]) as unknown as { ok: boolean; data?: unknown; error?: { code: string } };
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await probe();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition never met');
}

beforeEach(() => {
  fakeBrowser.reset();
  // The entrypoint opens the real database name: give each test an empty IndexedDB of its own.
  Dexie.dependencies.indexedDB = new IDBFactory();
  // fakeBrowser has no manifest; the background reads only its version.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Refund Radar',
    version: '0.1.0',
  });
  background.main();
});

describe('the background entrypoint', () => {
  it('stores snapshots from the content script and answers the popup', async () => {
    const s = snapshot({ readAt: new Date().toISOString(), disputes: [dispute()] });
    expect(await message('snapshot', s, contentScript)).toEqual({
      ok: true,
      data: { accepted: true, changed: 2, problems: [] },
    });
    expect(await message('snapshot', s, popup)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const summary = await message('dashboardSummary', { limit: 20 }, popup);
    expect(summary).toMatchObject({ ok: true, data: { tracked: 1, needing: 1 } });
  });

  it('plans alarms again on install and on browser start', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const shipped = order({
      dates: {
        shippedAt: new Date().toISOString(),
        completedAt: null,
        protectionEndsAt: soon,
        deliveryGuaranteeAt: null,
      },
    });
    await message('snapshot', snapshot({ readAt: new Date().toISOString(), orders: [shipped] }), contentScript);
    await browser.alarms.clearAll();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    const alarms = await until(
      () => browser.alarms.getAll(),
      (a) => a.length === 2,
    );
    expect(alarms.map((a) => a.name).every((n) => n.startsWith('rr:protection-ends:'))).toBe(true);
    await browser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(
      await until(
        () => browser.alarms.getAll(),
        (a) => a.length === 2,
      ),
    ).toHaveLength(2);
  });

  /** The page's countdown for the seller ran out an hour ago: the automatic refund is due, and an alarm fires. */
  async function refundDueNotification() {
    const silentSeller = dispute({
      status: 'awaiting-seller',
      deadline: new Date(Date.now() - 3_600_000).toISOString(),
      openedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
    });
    await message(
      'snapshot',
      snapshot({
        readAt: new Date().toISOString(),
        orders: [order({ status: 'in-dispute' })],
        disputes: [silentSeller],
      }),
      contentScript,
    );
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'rr:anything', scheduledTime: Date.now() });
    return until(
      () => browser.notifications.getAll(),
      (n) => Object.keys(n).length > 0,
    );
  }

  it('notifies when an alarm fires and opens the page on click; wiping clears alarms and badge', async () => {
    const shown = await refundDueNotification();
    const id = Object.keys(shown)[0]!;
    expect(id).toMatch(/^rr:refund-due:8212379857492017:/);
    const opened: string[] = [];
    browser.tabs.onCreated.addListener((tab) => void opened.push(tab.url ?? ''));
    await fakeBrowser.notifications.onClicked.trigger(id);
    await until(
      async () => opened,
      (o) => o.length === 1,
    );
    expect(opened[0]).toContain('trade.aliexpress.com/issue/fastissue/Detail.htm');

    await browser.alarms.create('rr:protection-ends:1:-:3d@2030-01-01T00:00:00.000Z', { when: Date.now() + 1e9 });
    expect(await message('wipe', { confirm: true }, popup)).toEqual({ ok: true, data: { wiped: true } });
    // Alerts follow the answer on their own queue.
    await until(
      () => browser.alarms.getAll(),
      (a) => a.length === 0,
    );
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it("words notifications in the language chosen in options, not the browser's", async () => {
    const saved = await message('settingsSet', { language: 'de' }, popup);
    expect(saved).toMatchObject({ ok: true, data: { saved: true, settings: { language: 'de' } } });
    const shown = await refundDueNotification();
    // fakeBrowser keeps the options a notification was created with (the real API answers `true`).
    const [notification] = Object.values(shown) as unknown as Array<{ title: string; message: string }>;
    expect(notification?.title).toBe(de.alertRefundDueTitle.message);
    expect(notification?.message).toContain('8212379857492017');
    expect(notification?.message.startsWith(de.alertRefundDueBody.message.split('$')[0]!)).toBe(true);
  });
});
