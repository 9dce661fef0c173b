import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { tKey } from '../../../src/i18n/index.ts';
import { CAPS, DisputeStatus, OrderAction, OrderStatus } from '../../../src/model/index.ts';
import { browserAlertEffects, type AlertEffects } from '../../../src/platform/alert-effects.ts';
import { MAX_NOTIFICATIONS, refreshAlerts } from '../../../src/platform/alert-runner.ts';
import { dumpAll } from '../../../src/store/dump.ts';
import { disputeStatusFinal, orderStatusFinal } from '../../../src/store/status-order.ts';
import { dispute, freshDb, order, snapshot } from '../store/fixtures.ts';
import { backgroundFor, SENDERS } from './background-under-test.ts';

/**
 * Forged readings are generated (fast-check, fixed seed); genuine ones are written by hand
 * (tests/unit/store/fixtures.ts). A page script can only post answers to the tap; whatever the
 * content script makes of them is marked as read from JSON (src/aliexpress/read.ts), so every
 * forged item here carries statusVia 'json', and everything else about it is the forger's choice.
 */
const GENUINE = ['8400000000000001', '8400000000000002', '8400000000000003', '8400000000000004'];
const LINES = ['8400000000000101', '8400000000000102'];
const HOUR = 3_600_000;
const START = Date.parse('2026-11-20T00:00:00.000Z');

const huge = (cap: number) => fc.constant('z'.repeat(cap + 1));
const text = (cap: number) =>
  fc.oneof({ weight: 8, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: huge(cap) });
const id = fc.oneof(fc.constantFrom(...GENUINE), fc.stringMatching(/^\d{6,24}$/));
const instant = fc.option(
  fc.integer({ min: START - 400 * 24 * HOUR, max: START + 400 * 24 * HOUR }).map((t) => new Date(t).toISOString()),
);

const forgedOrder = fc.record({
  orderId: id,
  status: fc.constantFrom(...OrderStatus.options),
  statusText: fc.option(text(CAPS.label)),
  placedAt: instant,
  storeName: fc.option(text(CAPS.label)),
  total: fc.constant(null),
  lines: fc.array(
    fc.record({
      lineId: fc.option(fc.constantFrom(...LINES)),
      title: fc.option(text(CAPS.title)),
      quantity: fc.option(fc.integer({ min: 1, max: 9 })),
    }),
    { maxLength: 3 },
  ),
  actions: fc.subarray([...OrderAction.options]),
  dates: fc.record({
    shippedAt: instant,
    completedAt: instant,
    protectionEndsAt: instant,
    deliveryGuaranteeAt: instant,
  }),
  statusVia: fc.constant('json' as const),
});

const forgedDispute = fc.record({
  orderId: fc.option(id),
  lineId: fc.option(fc.constantFrom(...LINES)),
  disputeId: fc.option(fc.stringMatching(/^\d{6,24}$/)),
  status: fc.constantFrom(...DisputeStatus.options),
  statusText: fc.option(text(CAPS.label)),
  awaiting: fc.option(fc.constantFrom('seller' as const, 'buyer' as const, 'aliexpress' as const)),
  deadline: instant,
  canEscalate: fc.option(fc.boolean()),
  openedAt: instant,
  reason: fc.option(text(CAPS.label)),
  solution: fc.option(text(CAPS.label)),
  statusVia: fc.constant('json' as const),
});

const forgedSnapshot = fc.record({
  kind: fc.constantFrom('order-list' as const, 'order-detail' as const, 'dispute-detail' as const, 'other' as const),
  /** Hours from the genuine clock: most in the past, some far enough ahead to be refused. */
  hoursAhead: fc.integer({ min: -72, max: 30 }),
  orders: fc.array(fc.oneof({ weight: 9, arbitrary: forgedOrder }, { weight: 1, arbitrary: fc.anything() }), {
    maxLength: 3,
  }),
  disputes: fc.array(forgedDispute, { maxLength: 2 }),
});

/** The shopper's own pages: every genuine order shipped, two of them with a case awaiting the seller. */
function genuineReading(readAt: string) {
  return snapshot({
    readAt,
    kind: 'order-list',
    orders: GENUINE.map((orderId, i) =>
      order({
        orderId,
        lines: i < LINES.length ? [{ lineId: LINES[i]!, title: 'cable', quantity: 1 }] : [],
        dates: {
          shippedAt: '2026-11-05T10:00:00.000Z',
          completedAt: null,
          protectionEndsAt: null,
          deliveryGuaranteeAt: null,
        },
      }),
    ),
    disputes: LINES.map((lineId, i) => dispute({ orderId: GENUINE[i]!, lineId, disputeId: null })),
  });
}

function longestString(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((m: number, v) => Math.max(m, longestString(v)), 0);
  if (value && typeof value === 'object') return longestString([...Object.keys(value), ...Object.values(value)]);
  return 0;
}

describe('10,000 forged snapshots through the background, between genuine readings', () => {
  it('end no genuine record, store no string over its cap and show no more than the cap of notifications', async () => {
    fakeBrowser.reset();
    const db = freshDb();
    let clock = START;
    const bg = backgroundFor(db, new Date(START), { now: () => new Date(clock) });
    const real = browserAlertEffects();
    let perRun = 0;
    let mostPerRun = 0;
    const effects: AlertEffects = { ...real, notify: (...args) => ((perRun += 1), real.notify(...args)) };
    const deps = { db, effects, translatorFor: async () => tKey };

    const forged = fc.sample(forgedSnapshot, { seed: 14, numRuns: 10_000 });
    let refused = 0;
    for (const [i, f] of forged.entries()) {
      if (i % 100 === 0) {
        clock += HOUR;
        const answer = await bg.send('snapshot', genuineReading(new Date(clock).toISOString()), SENDERS.contentScript);
        expect(answer).toMatchObject({ ok: true, data: { accepted: true } });
      }
      const { hoursAhead, ...rest } = f;
      const s = {
        ...rest,
        url: 'https://www.aliexpress.com/p/order/index.html',
        locale: 'en',
        problems: [],
        readAt: new Date(clock + hoursAhead * HOUR).toISOString(),
      };
      const answer = await bg.send('snapshot', s, SENDERS.contentScript);
      expect(answer.ok).toBe(true);
      if (answer.ok && !(answer.data as { accepted: boolean }).accepted) refused += 1;
      if (i % 1000 === 999) {
        perRun = 0;
        await refreshAlerts(deps, new Date(clock));
        mostPerRun = Math.max(mostPerRun, perRun);
      }
    }

    const all = await dumpAll(db);
    for (const orderId of GENUINE) expect(orderStatusFinal((await db.orders.get(orderId))!.status)).toBe(false);
    for (const [i, lineId] of LINES.entries()) {
      const d = await db.disputes.get(`${GENUINE[i]}:${lineId}`);
      expect(disputeStatusFinal(d!.status)).toBe(false);
    }
    expect(longestString(all)).toBeLessThanOrEqual(CAPS.url);
    for (const o of await db.orders.toArray())
      for (const l of o.lines) expect((l.title ?? '').length).toBeLessThanOrEqual(CAPS.title);
    expect(mostPerRun).toBeLessThanOrEqual(MAX_NOTIFICATIONS);
    // The forgeries did reach the store and the clock check: the test exercised both.
    expect(refused).toBeGreaterThan(0);
    expect(await db.orders.count()).toBeGreaterThan(GENUINE.length);
    db.close();
  }, 600_000);
});
