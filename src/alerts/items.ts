import type { Policy } from '../rules/policy.ts';
import type { TrackedOrder } from '../store/records.ts';
import { disputeUrl, orderDetailUrl } from '../timeline/index.ts';
import { trackedTimeline } from '../timeline/tracked.ts';
import type { PlanItem } from './plan.ts';

/** A plan item with the whole order and the case id when known: the calendar names the store. */
export type TrackedItem = PlanItem & {
  order: TrackedOrder['order'];
  dispute: (PlanItem['dispute'] & { disputeId?: string | null }) | null;
};

/**
 * One plan item per dispute, and one for the order while no dispute the page itself showed is
 * known: each dispute runs its own clock, and an order's protection only matters while nothing
 * was claimed for it.
 */
export function planItems(tracked: readonly TrackedOrder[], policy: Policy, now: Date): TrackedItem[] {
  return tracked.flatMap(({ order, disputes, progress }): TrackedItem[] => {
    const disputeItems = disputes.map((dispute): TrackedItem => {
      const timeline = trackedTimeline(order, dispute, progress, policy, now);
      return { order, dispute, timeline, url: disputeUrl(dispute) };
    });
    // Only a case the page itself showed ends the order's own reminders: any script on the page
    // can post JSON naming a case, and that alone must not silence protection (issue 14).
    if (disputes.some((d) => d.statusVia !== 'json')) return disputeItems;
    const submittedAt = progress?.submittedAt ?? null;
    const timeline = trackedTimeline(order, null, progress, policy, now);
    // A dispute the shopper says they submitted, or an order listed as in dispute, runs a dispute's
    // clock before its case page was ever read; the timeline counts it so, and so do the alerts.
    const pending =
      disputes.length === 0 && (submittedAt || order.status === 'in-dispute')
        ? {
            orderId: order.orderId,
            lineId: null,
            status: submittedAt ? ('awaiting-seller' as const) : ('unknown' as const),
          }
        : null;
    const own = { order, dispute: pending, timeline, url: timeline.nextStep.url ?? orderDetailUrl(order.orderId) };
    return [own, ...disputeItems];
  });
}
