import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tKey } from '../../../src/i18n/index.ts';
import { browserAlertEffects, type AlertEffects } from '../../../src/platform/alert-effects.ts';
import {
  GROUP_PREFIX,
  handleNotificationClick,
  MAX_NOTIFICATIONS,
  refreshAlerts,
  type AlertDeps,
} from '../../../src/platform/alert-runner.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { addObservations, allObservations, pruneHistory } from '../../../src/store/history.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { backgroundFor, SENDERS } from '../messages/background-under-test.ts';
import { dispute, freshDb, order, snapshot } from '../store/fixtures.ts';

// Every order, dispute and alert here is written by hand for this test (tests/unit/store/fixtures.ts).
const NOW = new Date('2026-11-22T12:00:00.000Z');
let db: RadarDb;

/** `n` shipped orders whose protection ends in two days: each has its 3-day reminder due now. */
function endingSoon(n: number) {
  return Array.from({ length: n }, (_, i) =>
    order({
      orderId: String(8_300_000_000_000_000 + i),
      lines: [],
      dates: {
        shippedAt: '2026-11-05T10:00:00.000Z',
        completedAt: null,
        protectionEndsAt: '2026-11-24T12:00:00.000Z',
        deliveryGuaranteeAt: null,
      },
    }),
  );
}

const shownIds = async () => Object.keys(await browser.notifications.getAll());
const depsWith = (effects: AlertEffects): AlertDeps => ({ db, effects, translatorFor: async () => tKey });

beforeEach(() => {
  fakeBrowser.reset();
  db = freshDb();
});
afterEach(() => db.close());

describe('reminders', () => {
  it(`a 300-order snapshot makes at most ${MAX_NOTIFICATIONS} notifications, the rest in one, all recorded`, async () => {
    await ingest(db, snapshot({ readAt: '2026-11-22T11:00:00.000Z', orders: endingSoon(300) }));
    const run = await refreshAlerts(depsWith(browserAlertEffects()), NOW);
    const ids = await shownIds();
    expect(ids.length).toBeLessThanOrEqual(MAX_NOTIFICATIONS);
    expect(run.notified).toEqual(ids);
    const group = ids.find((id) => id.startsWith(GROUP_PREFIX))!;
    const shown = (await browser.notifications.getAll()) as unknown as Record<string, { message: string }>;
    expect(shown[group]!.message).toBe(
      `More reminders due: ${300 - (MAX_NOTIFICATIONS - 1)}. Click to open Refund Radar.`,
    );
    expect(await db.alerts.count()).toBe(300);
    expect((await refreshAlerts(depsWith(browserAlertEffects()), NOW)).notified).toEqual([]);
  });

  it('one failed notifications.create costs nothing else: the others show, alarms and badge are set, it comes back', async () => {
    await ingest(db, snapshot({ readAt: '2026-11-22T11:00:00.000Z', orders: endingSoon(2) }));
    await ingest(
      db,
      snapshot({ readAt: '2026-11-22T11:00:00.000Z', orders: [], disputes: [dispute({ canEscalate: false })] }),
    );
    const real = browserAlertEffects();
    let failures = 1;
    const effects: AlertEffects = {
      ...real,
      notify: async (id, title, body) => {
        if (failures-- > 0) throw new Error('notifications.create failed');
        return real.notify(id, title, body);
      },
    };
    await browser.action.setBadgeText({ text: 'stale' });
    const run = await refreshAlerts(depsWith(effects), NOW);
    expect(run.notified).toHaveLength(1);
    expect(await db.alerts.count()).toBe(1);
    expect(run.alarms).toBeGreaterThan(0);
    expect((await browser.alarms.getAll()).length).toBe(run.alarms);
    expect(await browser.action.getBadgeText({})).toBe(run.badge > 0 ? String(run.badge) : '');
    const again = await refreshAlerts(depsWith(effects), new Date(NOW.getTime() + 60_000));
    expect(again.notified).toHaveLength(1);
    expect(await db.alerts.count()).toBe(2);
  });

  it('a click on the grouped notification opens the popup', async () => {
    const opened: string[] = [];
    browser.tabs.onCreated.addListener((tab) => void opened.push(tab.url ?? ''));
    expect(await handleNotificationClick(depsWith(browserAlertEffects()), `${GROUP_PREFIX}1`)).toBe(true);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/^chrome-extension:\/\/[^/]+\/popup\.html$/);
  });

  it.each([
    ['javascript:alert(1)', false],
    ['https://evil.example/p/order/detail.html', false],
    ['http://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017', false],
    ['https://aliexpress.com.evil.example/', false],
    ['https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017', true],
  ])('a click opens %s: %s', async (url, opens) => {
    const id = 'rr:refund-due:8212379857492017:-@2026-11-20T00:00:00.000Z';
    await db.alerts.put({
      id,
      key: 'refund-due:8212379857492017:-',
      at: '2026-11-20T00:00:00.000Z',
      firedAt: '2026-11-20T00:00:00.000Z',
      url,
    });
    const opened: string[] = [];
    browser.tabs.onCreated.addListener((tab) => void opened.push(tab.url ?? ''));
    expect(await handleNotificationClick(depsWith(browserAlertEffects()), id)).toBe(opens);
    expect(opened).toEqual(opens ? [url] : []);
  });

  it('five readings of a countdown 300 ms apart store one change and keep one alarm name', async () => {
    const bg = backgroundFor(db, NOW);
    const names = new Set<string>();
    // The countdown read as deadline = readAt + shown time: it moves with each reading, across a minute.
    const base = Date.parse('2026-11-25T12:00:59.500Z');
    for (let i = 0; i < 5; i++) {
      const readAt = new Date(NOW.getTime() - 10_000 + i * 300).toISOString();
      const deadline = new Date(base + i * 300).toISOString();
      const s = snapshot({ readAt, kind: 'dispute-detail', orders: [], disputes: [dispute({ deadline })] });
      expect(await bg.send('snapshot', s, SENDERS.contentScript)).toMatchObject({ ok: true });
      await refreshAlerts(depsWith(browserAlertEffects()), NOW);
      for (const a of await browser.alarms.getAll()) if (a.name.startsWith('rr:refund-due')) names.add(a.name);
    }
    expect((await allObservations(db)).filter((o) => o.entity === 'dispute')).toHaveLength(1);
    expect([...names]).toEqual(['rr:refund-due:8212379857492017:8212379857502017@2026-11-25T12:01:00.000Z']);
  });

  it('prunes history by age and by count, oldest first', async () => {
    const obs = (i: number, readAt: string) => ({
      orderId: '8212379857492017',
      entity: 'order' as const,
      entityId: '8212379857492017',
      readAt,
      url: 'https://www.aliexpress.com/p/order/index.html',
      kind: 'order-list',
      changes: { storeName: { from: null, to: `Store ${i}` } },
      flagged: null,
    });
    await addObservations(db, [
      obs(0, '2025-01-01T00:00:00.000Z'),
      ...Array.from({ length: 6 }, (_, i) => obs(i + 1, new Date(NOW.getTime() - (6 - i) * 60_000).toISOString())),
    ]);
    await db.alerts.bulkAdd([
      {
        id: 'old',
        key: 'k1',
        at: '2026-01-01T00:00:00.000Z',
        firedAt: '2026-01-01T00:00:00.000Z',
        url: 'https://www.aliexpress.com/',
      },
      {
        id: 'new',
        key: 'k2',
        at: '2026-11-20T00:00:00.000Z',
        firedAt: '2026-11-20T00:00:00.000Z',
        url: 'https://www.aliexpress.com/',
      },
    ]);
    const dropped = await pruneHistory(db, NOW, { observationDays: 365, observations: 4, alertDays: 90, alerts: 10 });
    expect(dropped).toBe(4);
    const left = await allObservations(db);
    expect(left.map((o) => o.changes.storeName!.to)).toEqual(['Store 3', 'Store 4', 'Store 5', 'Store 6']);
    expect((await db.alerts.toArray()).map((a) => a.id)).toEqual(['new']);
  });
});
