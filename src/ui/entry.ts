import type { Dispute, Order, Timeline } from '../model/index.ts';

/** What the shopper did about an order (the store's Progress), as the UI needs it. */
export interface EntryProgress {
  refundStartedAt: string | null;
  reason: string | null;
  steps: Record<string, string>;
}

/** One order as the popup shows it: what was read, the dispute that matters now, and its timeline. */
export interface Entry {
  order: Order;
  dispute: Dispute | null;
  timeline: Timeline;
  progress: EntryProgress | null;
}

/** Phases with nothing for the shopper to do or watch. */
const QUIET = new Set<Timeline['phase']>(['no-problem', 'refunded', 'closed']);

/** Whether an entry belongs in "needs you": something to do or watch, or a refund the shopper started. */
export function needsShopper(entry: Entry): boolean {
  return (
    !QUIET.has(entry.timeline.phase) ||
    (entry.progress?.refundStartedAt != null && entry.timeline.phase === 'no-problem')
  );
}

/** Most urgent first (the timeline's urgency), ties by order id so the list does not jump. */
export function byUrgency(a: Entry, b: Entry): number {
  return a.timeline.urgency - b.timeline.urgency || a.order.orderId.localeCompare(b.order.orderId);
}
