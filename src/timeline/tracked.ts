import type { Dispute, Eligibility, Order, Timeline } from '../model/index.ts';
import type { Policy } from '../rules/policy.ts';
import { timelineFor } from './timeline.ts';

/**
 * A dispute as the store keeps it, as far as its timeline reads it: since when its status holds
 * (an agreed return's ship-by date counts from it) and when it was last read.
 */
export type TrackedDispute = Dispute & { statusSince?: string; updatedAt?: string; escalateSeenAt?: string };

/** What the shopper did about an order (the store's Progress), as far as the views read it. */
export interface TrackedProgress {
  wentToDisputeAt: string | null;
  submittedAt: string | null;
  notSubmittedAt: string | null;
  reason: string | null;
  steps: Record<string, string>;
}

/** The store's view of one order (store/records TrackedOrder), as far as a timeline reads it. */
export interface Tracked {
  order: Order;
  disputes: readonly TrackedDispute[];
  progress: TrackedProgress | null;
}

/** One order as the popup and helper show it: what was read, the dispute that matters now, its timeline. */
export interface Entry {
  order: Order;
  dispute: TrackedDispute | null;
  timeline: Timeline;
  progress: TrackedProgress | null;
}

const FINISHED = new Set<Dispute['status']>(['refunded', 'closed']);

/** The dispute that matters now: the newest one still running, else the newest one. */
export function currentDispute<D extends TrackedDispute>(disputes: readonly D[]): D | null {
  const when = (d: D) => (d.updatedAt ? Date.parse(d.updatedAt) : -Infinity);
  const newest = [...disputes].sort((a, b) => when(b) - when(a) || 0);
  return newest.find((d) => !FINISHED.has(d.status)) ?? newest[0] ?? null;
}

/**
 * The timeline of an order with one of its disputes (or none) at `now`: the one place where
 * stored records become timeline input, so the popup, the page's helper and the reminders can
 * never disagree about a deadline.
 */
export function trackedTimeline(
  order: Order | null,
  dispute: TrackedDispute | null,
  progress: Pick<TrackedProgress, 'submittedAt'> | null,
  policy: Policy,
  now: Date,
): Timeline {
  return timelineFor({
    order,
    dispute,
    policy,
    now,
    submittedAt: progress?.submittedAt ?? null,
    // The return was agreed when the dispute turned awaiting-return.
    returnAgreedAt: dispute?.status === 'awaiting-return' ? (dispute.statusSince ?? null) : null,
    escalateSeenAt: dispute?.escalateSeenAt ?? null,
  });
}

/** One tracked order with its current dispute's timeline at `now`. */
export function trackedEntry({ order, disputes, progress }: Tracked, policy: Policy, now: Date): Entry {
  const dispute = currentDispute(disputes);
  return { order, dispute, progress, timeline: trackedTimeline(order, dispute, progress, policy, now) };
}

/** What the page's helper shows about one order: what the store has, its timeline now, and whether a dispute can be opened. */
export interface OrderFacts {
  order: Order | null;
  dispute: Dispute | null;
  timeline: Timeline | null;
  /** Always there for an order's facts; the dispute bar, which asks by case, does not read it. */
  eligibility?: Eligibility;
}

/** Phases with nothing for the shopper to do or watch. */
const QUIET = new Set<Timeline['phase']>(['no-problem', 'refunded', 'closed']);

/** Whether an entry belongs in "needs you": something to do or watch, or a question for the shopper. */
export function needsShopper(entry: Entry): boolean {
  return !QUIET.has(entry.timeline.phase) || asksIfSubmitted(entry) !== null;
}

/**
 * When the shopper went to open a dispute that no page has shown and they have not answered
 * about: the popup asks "did you submit it?" (the answer or a read dispute ends the question).
 */
export function asksIfSubmitted({
  order,
  dispute,
  progress,
}: Pick<Entry, 'order' | 'dispute' | 'progress'>): string | null {
  const went = progress?.wentToDisputeAt;
  if (!went || progress.submittedAt || dispute || order.status === 'in-dispute') return null;
  return progress.notSubmittedAt && progress.notSubmittedAt >= went ? null : went;
}

/** Most urgent first (the timeline's urgency), ties by order id so the list does not jump. */
export function byUrgency(a: Entry, b: Entry): number {
  return a.timeline.urgency - b.timeline.urgency || a.order.orderId.localeCompare(b.order.orderId);
}
