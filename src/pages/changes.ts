import type { Dispute, Order, PageSnapshot, Problem } from '../model/index.ts';

/**
 * What the content script already sent, by item: the background needs only what changed since,
 * and the page re-reads often (every new card, every tapped answer).
 */
export type Sent = Map<string, string>;

export const orderKey = (o: Order) => `order:${o.orderId}`;
export const disputeKey = (d: Dispute) => `dispute:${d.orderId}:${d.lineId ?? ''}`;
const problemKey = (p: Problem) => `problem:${p.code}:${p.orderId ?? ''}:${p.detail ?? ''}`;

/** Key order of plain objects does not matter; array order does (lines, actions). */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export interface Delta {
  /** The snapshot with only new or changed orders, disputes and problems; null when nothing changed. */
  snapshot: PageSnapshot | null;
  /** What to record with `markSent` once the background has it. */
  entries: [string, string][];
}

export function unsent(snapshot: PageSnapshot, sent: ReadonlyMap<string, string>): Delta {
  const entries: [string, string][] = [];
  const changed = <T>(items: readonly T[], keyOf: (x: T) => string) =>
    items.filter((item) => {
      const key = keyOf(item);
      const print = fingerprint(item);
      if (sent.get(key) === print) return false;
      entries.push([key, print]);
      return true;
    });
  const orders = changed(snapshot.orders, orderKey);
  const disputes = changed(snapshot.disputes, disputeKey);
  const problems = changed(snapshot.problems, problemKey);
  if (orders.length + disputes.length + problems.length === 0) return { snapshot: null, entries };
  return { snapshot: { ...snapshot, orders, disputes, problems }, entries };
}

export function markSent(sent: Sent, entries: readonly [string, string][]): void {
  for (const [key, print] of entries) sent.set(key, print);
}
