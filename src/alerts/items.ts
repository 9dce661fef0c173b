import type { Policy } from '../rules/policy.ts';
import type { TrackedOrder } from '../store/records.ts';
import { disputeUrl, orderDetailUrl } from '../timeline/index.ts';
import { trackedTimeline } from '../timeline/tracked.ts';
import type { PlanItem } from './plan.ts';

/**
 * One plan item per dispute, or one for the order when it has none: each dispute runs its own
 * clock, and an order's protection only matters while nothing was claimed for it.
 */
export function planItems(tracked: readonly TrackedOrder[], policy: Policy, now: Date): PlanItem[] {
  return tracked.flatMap(({ order, disputes, progress }): PlanItem[] => {
    if (disputes.length === 0) {
      const submittedAt = progress?.submittedAt ?? null;
      const timeline = trackedTimeline(order, null, progress, policy, now);
      // A dispute the shopper says they submitted, or an order listed as in dispute, runs a dispute's clock
      // before its case page was ever read; the timeline counts it so, and so do the alerts.
      const pending =
        submittedAt || order.status === 'in-dispute'
          ? {
              orderId: order.orderId,
              lineId: null,
              status: submittedAt ? ('awaiting-seller' as const) : ('unknown' as const),
            }
          : null;
      return [{ order, dispute: pending, timeline, url: timeline.nextStep.url ?? orderDetailUrl(order.orderId) }];
    }
    return disputes.map((dispute) => {
      const timeline = trackedTimeline(order, dispute, progress, policy, now);
      return { order, dispute, timeline, url: disputeUrl(dispute) };
    });
  });
}
