import type { Dispute, Order } from '../model/index.ts';
import type { Policy } from '../rules/policy.ts';
import { timelineFor } from '../timeline/timeline.ts';
import type { Entry, EntryProgress } from './entry.ts';

/** The store's view of one order (store/records TrackedOrder), as far as the popup reads it. */
export interface Tracked {
  order: Order;
  disputes: Array<Dispute & { updatedAt: string }>;
  progress: EntryProgress | null;
}

const FINISHED = new Set<Dispute['status']>(['refunded', 'closed']);

/** The dispute that matters now: the newest one still running, else the newest one. */
export function currentDispute<D extends Dispute & { updatedAt: string }>(disputes: D[]): D | null {
  const newest = [...disputes].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return newest.find((d) => !FINISHED.has(d.status)) ?? newest[0] ?? null;
}

/** Every tracked order with its timeline at `now`. */
export function toEntries(tracked: Tracked[], policy: Policy, now: Date): Entry[] {
  return tracked.map(({ order, disputes, progress }) => {
    const dispute = currentDispute(disputes);
    const timeline = timelineFor({ order, dispute, policy, now, refundStartedAt: progress?.refundStartedAt ?? null });
    return { order, dispute, timeline, progress };
  });
}
