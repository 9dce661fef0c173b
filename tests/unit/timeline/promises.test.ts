/**
 * The late-delivery coupon and the free-return window as deadlines (generated orders, dates as
 * the readers keep them), and the reminders planned from them (src/alerts/plan.ts).
 */
import { describe, expect, it } from 'vitest';
import { planAlerts } from '../../../src/alerts/plan.ts';
import { planItems } from '../../../src/alerts/items.ts';
import { timelineFor } from '../../../src/timeline/index.ts';
import type { StoredOrder, TrackedOrder } from '../../../src/store/records.ts';
import { dispute, order, policy } from './build.ts';

const guide = policy('guide');
const coupon = { by: '2026-12-10', amount: { amount: 5, currency: 'BRL' } };
const deadlinesOf = (o: ReturnType<typeof order>, now: string) =>
  timelineFor({ order: o, dispute: null, policy: guide, now: new Date(now) }).deadlines.filter((d) =>
    ['late-coupon', 'free-return-ends'].includes(d.kind),
  );

describe('late-coupon and free-return-ends deadlines', () => {
  it('the coupon day is a page deadline with its amount and currency', () => {
    expect(deadlinesOf(order({ dates: { lateCoupon: coupon } }), '2026-12-01T12:00:00Z')).toEqual([
      { kind: 'late-coupon', at: '2026-12-10', source: 'page', rule: null, amount: { amount: 5, currency: 'BRL' } },
    ]);
    expect(
      deadlinesOf(order({ dates: { lateCoupon: { by: '2026-12-10', amount: null } } }), '2026-12-01T12:00:00Z'),
    ).toEqual([{ kind: 'late-coupon', at: '2026-12-10', source: 'page', rule: null }]);
  });

  it('the free-return window counts from the delivery the tracking answer showed (page), else from receipt (estimated)', () => {
    const delivered = order({
      status: 'completed',
      dates: { freeReturnDays: 15, deliveredAt: '2026-11-28T18:39:00.000Z', completedAt: '2026-11-30' },
    });
    expect(deadlinesOf(delivered, '2026-12-01T12:00:00Z')).toEqual([
      { kind: 'free-return-ends', at: '2026-12-13T18:39:00.000Z', source: 'page', rule: null },
    ]);
    const confirmed = order({ status: 'completed', dates: { freeReturnDays: 15, completedAt: '2026-11-30' } });
    expect(deadlinesOf(confirmed, '2026-12-01T12:00:00Z')).toEqual([
      { kind: 'free-return-ends', at: '2026-12-15', source: 'rule', rule: null },
    ]);
  });

  it("no free-return deadline without a delivery day, and none invented without the page's days", () => {
    expect(deadlinesOf(order({ dates: { freeReturnDays: 15 } }), '2026-12-01T12:00:00Z')).toEqual([]);
    expect(
      deadlinesOf(order({ status: 'completed', dates: { completedAt: '2026-11-30' } }), '2026-12-01T12:00:00Z'),
    ).toEqual([]);
  });
});

function tracked(patch: Parameters<typeof order>[0]): TrackedOrder {
  return { order: order(patch) as StoredOrder, disputes: [], progress: null };
}

const plan = (t: TrackedOrder[], now: string, sent: Array<{ key: string; at: string }> = []) =>
  planAlerts({ items: planItems(t, guide, new Date(now)), leadDays: [3, 1], now: new Date(now), sent });

describe('reminders of the coupon and the free return', () => {
  const late = tracked({ status: 'shipped', dates: { lateCoupon: coupon } });
  // 48 hours from the start of the coupon's day, as the real detail capture says ("you can collect
  // a R$5 coupon after 48 hours of that date"); UTC's day here, as no zone is given.
  const collect = Date.parse('2026-12-12T00:00:00.000Z');

  it('reminds once to claim the coupon when its day has passed and the parcel has not arrived', () => {
    const before = plan([late], '2026-12-01T12:00:00Z');
    const alarm = before.alarms.find((a) => a.name.includes('late-coupon'));
    expect(alarm?.when).toBe(collect);
    const due = plan([late], '2026-12-12T08:00:00Z').due.filter((a) => a.kind === 'late-coupon');
    expect(due).toHaveLength(1);
    expect(due[0]!.text).toMatchObject({
      title: 'alertLateCouponTitle',
      body: 'alertLateCouponBody',
      date: '2026-12-10',
    });
    // Once shown, never again.
    const again = plan([late], '2026-12-13T08:00:00Z', [{ key: due[0]!.key, at: due[0]!.at }]);
    expect(again.due.filter((a) => a.kind === 'late-coupon')).toEqual([]);
    expect(again.alarms.filter((a) => a.name.includes('late-coupon'))).toEqual([]);
  });

  it('no coupon reminder when the parcel was delivered by its day, or the order is in dispute', () => {
    const onTime = tracked({
      status: 'shipped',
      dates: { lateCoupon: coupon, deliveredAt: '2026-12-09T10:00:00.000Z' },
    });
    const received = tracked({ status: 'completed', dates: { lateCoupon: coupon, completedAt: '2026-12-08' } });
    const disputed: TrackedOrder = {
      ...late,
      disputes: [{ ...dispute(), statusVia: 'dom' } as TrackedOrder['disputes'][number]],
    };
    for (const t of [onTime, received, disputed]) {
      const p = plan([t], '2026-12-12T08:00:00Z');
      expect(
        [...p.due.map((a) => a.kind), ...p.alarms.map((a) => a.name)].filter((k) => k.includes('late-coupon')),
      ).toEqual([]);
    }
    // Delivered after its day: the coupon is still due.
    const lateDelivery = tracked({
      status: 'shipped',
      dates: { lateCoupon: coupon, deliveredAt: '2026-12-11T10:00:00.000Z' },
    });
    expect(plan([lateDelivery], '2026-12-12T08:00:00Z').due.map((a) => a.kind)).toEqual(['late-coupon']);
  });

  it('reminds 3 days and 1 day before the free-return window ends', () => {
    const t = tracked({
      status: 'completed',
      dates: { freeReturnDays: 15, deliveredAt: '2026-11-28T18:39:00.000Z', completedAt: '2026-11-30' },
    });
    const ends = Date.parse('2026-12-13T18:39:00.000Z');
    const alarms = plan([t], '2026-12-01T12:00:00Z').alarms.filter((a) => a.name.includes('free-return-ends'));
    expect(alarms.map((a) => a.when)).toEqual([ends - 3 * 86_400_000, ends - 86_400_000]);
    const due = plan([t], new Date(ends - 2 * 86_400_000).toISOString()).due;
    expect(due.map((a) => [a.kind, a.leadDays, a.text.title])).toEqual([
      ['free-return-ends', 3, 'alertFreeReturnTitle'],
    ]);
  });
});
