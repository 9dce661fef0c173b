import type { Dispute, Order } from '../model/index.ts';
import { toEntries, type Tracked } from './entries.ts';
import { byUrgency, needsShopper, type Entry } from './entry.ts';
import { policyFor } from './policy.ts';

/**
 * The popup's list as the background works it out: the orders that need the shopper, most urgent
 * first, only as many as the popup shows, with the counts it needs for the rest. The popup used
 * to be sent every tracked order (800 KB for 1,000) and work out every timeline itself, twice;
 * it draws 20 cards.
 */
export interface Summary {
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
function slimDispute(dispute: Dispute | null): Dispute | null {
  if (!dispute) return null;
  const {
    key: _k,
    firstSeenAt: _f,
    updatedAt: _u,
    statusSince: _s,
    readAtByField: _r,
    ...rest
  } = dispute as Dispute & Partial<StoredOnly & { key: string; statusSince: string }>;
  return rest;
}
interface StoredOnly {
  firstSeenAt: string;
  updatedAt: string;
  readAtByField: Record<string, string>;
}

/** The rules setting the timelines are worked out under (settings' `rules`). */
export type RulesSetting = Parameters<typeof policyFor>[0];

/**
 * How long a worked-out list is reused for the same orders and rules. Timelines move with the
 * clock, but the popup keeps the ones it was given for as long as it stays open and refreshes only
 * its countdowns each minute; a list up to a minute old is what it showed anyway. Any change to
 * the orders makes a new `tracked` list (src/store/queries.ts), and so a new summary.
 */
export const SUMMARY_FRESH_MS = 60_000;

interface Worked {
  rules: string;
  at: number;
  needing: Entry[];
}
const worked = new WeakMap<readonly Tracked[], Worked>();

export function summarize(tracked: readonly Tracked[], rules: RulesSetting, now: Date, limit: number): Summary {
  const key = JSON.stringify(rules ?? null);
  let list = worked.get(tracked);
  const age = now.getTime() - (list?.at ?? Number.NaN);
  if (!list || list.rules !== key || !(age >= 0 && age < SUMMARY_FRESH_MS)) {
    const needing = toEntries(tracked as Tracked[], policyFor(rules), now).filter(needsShopper);
    // A partial selection would do for 20 of 1,000, but sorting a few hundred entries is well under a millisecond.
    needing.sort(byUrgency);
    list = { rules: key, at: now.getTime(), needing: needing.map(slim) };
    worked.set(tracked, list);
  }
  return { tracked: tracked.length, needing: list.needing.length, entries: list.needing.slice(0, limit) };
}

function slim({ order, dispute, timeline, progress }: Entry): Entry {
  return {
    order: slimOrder(order),
    dispute: slimDispute(dispute),
    timeline,
    progress: progress && { refundStartedAt: progress.refundStartedAt, reason: progress.reason, steps: progress.steps },
  };
}
