import type { Order } from '../model/index.ts';
import type { Policy } from '../rules/policy.ts';
import { byUrgency, needsShopper, trackedEntry, type Entry, type Tracked, type TrackedDispute } from './tracked.ts';

/**
 * The popup's list as the background works it out: the orders that need the shopper, most urgent
 * first, only as many as the popup shows (it draws 20 cards), with the counts it needs for the rest.
 */
export interface DashboardSummary {
  /** Every tracked order. */
  tracked: number;
  /** How many of them need the shopper: `entries` is the first `limit` of those. */
  needing: number;
  entries: Entry[];
}

/** What the store keeps and the popup never reads: first-seen and per-field reading times. */
function slimOrder({
  firstSeenAt: _f,
  updatedAt: _u,
  readAtByField: _r,
  ...order
}: Order & Partial<StoredOnly>): Order {
  return order;
}
/** `statusSince` stays: an agreed return's ship-by date counts from it, and the popup's cache works timelines out again. */
function slimDispute(dispute: TrackedDispute | null): TrackedDispute | null {
  if (!dispute) return null;
  const {
    key: _k,
    firstSeenAt: _f,
    updatedAt: _u,
    readAtByField: _r,
    ...rest
  } = dispute as TrackedDispute & Partial<StoredOnly & { key: string }>;
  return rest;
}
interface StoredOnly {
  firstSeenAt: string;
  updatedAt: string;
  readAtByField: Record<string, string>;
}

/**
 * How long a worked-out list is reused for the same orders and rules. Timelines move with the
 * clock, but the popup keeps the ones it was given for as long as it stays open and refreshes only
 * its countdowns each minute; a list up to a minute old is what it showed anyway. Any change to
 * the orders makes a new `tracked` list (src/store/queries.ts), and any change to the rules a new
 * policy (src/rules policyOf), and so a new summary.
 */
export const SUMMARY_FRESH_MS = 60_000;

interface Worked {
  policy: Policy;
  at: number;
  needing: Entry[];
}
const worked = new WeakMap<readonly Tracked[], Worked>();

export function summarize(tracked: readonly Tracked[], policy: Policy, now: Date, limit: number): DashboardSummary {
  let list = worked.get(tracked);
  const age = now.getTime() - (list?.at ?? Number.NaN);
  if (!list || list.policy !== policy || !(age >= 0 && age < SUMMARY_FRESH_MS)) {
    const needing = tracked.map((t) => trackedEntry(t, policy, now)).filter(needsShopper);
    // A partial selection would do for 20 of 1,000, but sorting a few hundred entries is well under a millisecond.
    needing.sort(byUrgency);
    list = { policy, at: now.getTime(), needing: needing.map(slim) };
    worked.set(tracked, list);
  }
  return { tracked: tracked.length, needing: list.needing.length, entries: list.needing.slice(0, limit) };
}

function slim({ order, dispute, timeline, progress }: Entry): Entry {
  return {
    order: slimOrder(order),
    dispute: slimDispute(dispute),
    timeline,
    progress: progress && {
      wentToDisputeAt: progress.wentToDisputeAt,
      submittedAt: progress.submittedAt,
      notSubmittedAt: progress.notSubmittedAt,
      reason: progress.reason,
      steps: progress.steps,
    },
  };
}
