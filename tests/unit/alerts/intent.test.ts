import { describe, expect, it } from 'vitest';
import { planItems } from '../../../src/alerts/items.ts';
import { planAlerts } from '../../../src/alerts/plan.ts';
import type { TrackedOrder } from '../../../src/store/records.ts';
import { order, policy } from '../timeline/build.ts';

// Written by hand for this test: a shipped order after "Take me there", before and after "Yes".
const NOW = new Date('2026-12-02T12:00:00.000Z');
const WENT = '2026-12-02T09:00:00.000Z';
const tracked = (submittedAt: string | null): TrackedOrder => ({
  order: {
    ...order({ status: 'shipped', dates: { shippedAt: '2026-11-25T00:00:00.000Z' } }),
    firstSeenAt: '2026-11-26T00:00:00.000Z',
    updatedAt: '2026-11-26T00:00:00.000Z',
  },
  disputes: [],
  progress: {
    orderId: order().orderId,
    wentToDisputeAt: WENT,
    submittedAt,
    notSubmittedAt: null,
    reason: 'not-received',
    steps: {},
  },
});
const alarmsOf = (t: TrackedOrder) =>
  planAlerts({ items: planItems([t], policy('guide'), NOW), leadDays: [3, 1], now: NOW, sent: [] }).alarms.map(
    (a) => a.name,
  );

describe('reminders after "Take me there"', () => {
  it('plans no dispute reminder from the visit alone, and the seller’s time once the shopper says they submitted it', () => {
    expect(planItems([tracked(null)], policy('guide'), NOW)[0]!.dispute).toBeNull();
    const kinds = (names: string[]) => [...new Set(names.map((n) => n.split(':')[1]))].sort();
    // The visit leaves the order's own clock: protection.
    expect(kinds(alarmsOf(tracked(null)))).toEqual(['protection-ends']);
    // "Yes": the seller's time (its end means a refund is due) and escalation, from the shopper's word.
    expect(kinds(alarmsOf(tracked(WENT)))).toEqual(['escalation-open', 'refund-due']);
  });
});
