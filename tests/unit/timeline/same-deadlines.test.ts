/**
 * The popup's list, the page helper's facts and the reminders' plan are three views of one order:
 * over generated stored records they must carry the same deadlines, to the second, with the same
 * sources. Records are generated here (fast-check), written to a fake IndexedDB and read back
 * the way each view reads them.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { planItems } from '../../../src/alerts/items.ts';
import { DisputeStatus, type Deadline, type OrderStatus } from '../../../src/model/index.ts';
import { policyOf } from '../../../src/rules/overrides.ts';
import type { StoredDispute, StoredOrder } from '../../../src/store/db.ts';
import { helperFacts } from '../../../src/store/facts.ts';
import { dashboard } from '../../../src/store/queries.ts';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema.ts';
import { writeSettings } from '../../../src/store/settings.ts';
import { summarize } from '../../../src/timeline/summary.ts';
import { currentDispute } from '../../../src/timeline/tracked.ts';
import { freshDb } from '../store/fixtures.ts';

const NOW = Date.parse('2026-11-27T10:00:00.000Z');
const DAY = 86_400_000;
const ORDER = '8212379857492017';
const db = freshDb();
afterAll(() => db.close());

const when = (min: number, max: number) =>
  fc.integer({ min: min * 60, max: max * 60 }).map((minutes) => new Date(NOW + minutes * 60_000).toISOString());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const orderStatus = fc.constantFrom<OrderStatus>('to-ship', 'shipped', 'completed', 'in-dispute', 'unknown');
const disputeStatus = fc.constantFrom(...DisputeStatus.options);

const storedOrder = fc.record({
  status: orderStatus,
  placedAt: maybe(when(-80 * 24, -1)),
  shippedAt: maybe(when(-60 * 24, -1)),
  completedAt: maybe(when(-20 * 24, -1)),
  protectionEndsAt: maybe(when(-5 * 24, 60 * 24)),
  deliveryGuaranteeAt: maybe(when(-5 * 24, 60 * 24)),
});

const storedDispute = fc.record({
  line: fc.integer({ min: 10, max: 13 }),
  status: disputeStatus,
  awaiting: maybe(fc.constantFrom('seller' as const, 'buyer' as const, 'aliexpress' as const)),
  deadline: maybe(when(-2 * 24, 6 * 24)),
  canEscalate: maybe(fc.boolean()),
  openedAt: maybe(when(-30 * 24, 0)),
  statusSince: when(-15 * 24, 0),
  escalateSeenAt: maybe(when(-6 * 24, 0)),
  updatedAt: when(-10 * 24, 0),
});

const settings = fc.record({
  pack: fc.constantFrom('guide' as const, 'official-legacy' as const),
  overrides: fc.oneof(fc.constant({}), fc.record({ sellerResponse: fc.constantFrom(3, 7.5) })),
});

const seconds = (deadlines: readonly Deadline[]) =>
  deadlines.map((d) => [d.kind, Math.floor(Date.parse(d.at) / 1000), d.source, d.rule]);

describe('the popup, the page helper and the reminders agree', () => {
  it('on every deadline of every generated order, to the second, with its source', async () => {
    let compared = 0;
    let withDispute = 0;
    await fc.assert(
      fc.asyncProperty(
        storedOrder,
        fc.array(storedDispute, { maxLength: 3 }),
        maybe(when(-10 * 24, 0)),
        settings,
        async (o, ds, submittedAt, rules) => {
          const stamp = { firstSeenAt: new Date(NOW - 90 * DAY).toISOString(), updatedAt: new Date(NOW).toISOString() };
          const order: StoredOrder = {
            orderId: ORDER,
            status: o.status,
            statusText: null,
            placedAt: o.placedAt,
            storeName: null,
            total: null,
            lines: [{ lineId: `${ORDER}10`, title: null, quantity: 1 }],
            actions: [],
            dates: {
              shippedAt: o.shippedAt,
              completedAt: o.completedAt,
              protectionEndsAt: o.protectionEndsAt,
              deliveryGuaranteeAt: o.deliveryGuaranteeAt,
            },
            ...stamp,
          };
          const disputes: StoredDispute[] = [...new Map(ds.map((d) => [d.line, d])).values()].map((d) => ({
            key: `${ORDER}:${ORDER}${d.line}`,
            orderId: ORDER,
            lineId: `${ORDER}${d.line}`,
            disputeId: null,
            status: d.status,
            statusText: null,
            awaiting: d.awaiting,
            deadline: d.deadline,
            canEscalate: d.canEscalate,
            openedAt: d.openedAt,
            reason: null,
            solution: null,
            firstSeenAt: stamp.firstSeenAt,
            updatedAt: d.updatedAt,
            statusSince: d.statusSince,
            ...(d.escalateSeenAt && { escalateSeenAt: d.escalateSeenAt }),
          }));
          await Promise.all([db.orders.clear(), db.disputes.clear(), db.progress.clear()]);
          await db.orders.put(order);
          await db.disputes.bulkPut(disputes);
          if (submittedAt)
            await db.progress.put({
              orderId: ORDER,
              wentToDisputeAt: submittedAt,
              submittedAt,
              notSubmittedAt: null,
              reason: null,
              steps: {},
            });
          await writeSettings(db, { ...DEFAULT_SETTINGS, rules });

          const now = new Date(NOW);
          const { policy } = policyOf(rules);
          const tracked = await dashboard(db);
          const facts = await helperFacts(db, { orderId: ORDER }, now);
          const popup = summarize(tracked, policy, now, 10).entries[0];
          const current = currentDispute(disputes);
          const alerts = planItems(tracked, policy, now).find((item) =>
            current ? item.dispute?.lineId === current.lineId : item.dispute === null || item.dispute.lineId === null,
          );

          expect(facts?.timeline).toBeTruthy();
          expect(alerts).toBeDefined();
          expect(seconds(alerts!.timeline.deadlines)).toEqual(seconds(facts!.timeline!.deadlines));
          // The popup lists only orders that need the shopper; when it lists this one, it agrees too.
          if (popup) {
            expect(seconds(popup.timeline.deadlines)).toEqual(seconds(facts!.timeline!.deadlines));
            compared += 1;
          }
          if (current) withDispute += 1;
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
    // The comparisons above ran on enough cases of each kind to mean something.
    expect(compared).toBeGreaterThan(100);
    expect(withDispute).toBeGreaterThan(150);
  }, 120_000);
});
