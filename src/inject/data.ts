import type { Dispute, Order, Timeline } from '../model/index.ts';
import type { Policy } from '../rules/policy.ts';
import { currentDispute } from '../ui/entries.ts';
import { policyFor } from '../ui/policy.ts';
import { request as send } from '../ui/request.ts';
import { timelineFor } from '../timeline/timeline.ts';

/** What the helper knows about one order: what the store has, and its timeline now. */
export interface OrderFacts {
  order: Order | null;
  dispute: Dispute | null;
  timeline: Timeline | null;
}

/** Everything the injected helper needs from outside the page, injectable for tests. */
export interface HelperDeps {
  order(orderId: string): Promise<OrderFacts>;
  /** The dispute a case page is about, found by the ids in its URL. */
  dispute(ids: { lineId: string | null; disputeId: string | null }): Promise<OrderFacts | null>;
  startRefund(orderId: string, reason: string): Promise<unknown>;
  copy(text: string): Promise<void>;
  /** The interface language setting ('auto' or a tag). */
  language(): Promise<string>;
  now(): number;
}

async function policy(): Promise<{ policy: Policy; language: string }> {
  const settings = await send('settingsGet', {});
  return { policy: policyFor(settings.rules), language: settings.language };
}

function facts(
  order: Order | null,
  disputes: Array<Dispute & { updatedAt: string }>,
  p: Policy,
  refundStartedAt: string | null,
): OrderFacts {
  const dispute = currentDispute(disputes);
  if (!order && !dispute) return { order, dispute, timeline: null };
  return { order, dispute, timeline: timelineFor({ order, dispute, policy: p, now: new Date(), refundStartedAt }) };
}

export const messagingDeps: HelperDeps = {
  async order(orderId) {
    const [view, { policy: p }] = await Promise.all([send('order', { orderId }), policy()]);
    if (!view) return { order: null, dispute: null, timeline: null };
    return facts(view.order, view.disputes, p, view.progress?.refundStartedAt ?? null);
  },
  async dispute({ lineId, disputeId }) {
    const [tracked, { policy: p }] = await Promise.all([send('dashboard', {}), policy()]);
    for (const t of tracked) {
      const match = t.disputes.filter(
        (d) => (disputeId && d.disputeId === disputeId) || (!disputeId && lineId && d.lineId === lineId),
      );
      if (match.length) return facts(t.order, match, p, t.progress?.refundStartedAt ?? null);
    }
    return null;
  },
  startRefund: (orderId, reason) => send('refundStarted', { orderId, reason }),
  async copy(text) {
    await navigator.clipboard.writeText(text);
  },
  async language() {
    return (await send('settingsGet', {})).language;
  },
  now: () => Date.now(),
};
