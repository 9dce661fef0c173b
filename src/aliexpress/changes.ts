import type { Order, PageDispute, PageSnapshot, Problem } from '../model/index.ts';

/**
 * What the content script already sent, by item: the item itself. The background needs only what
 * changed since, and the page re-reads often (every new card, every tapped answer). An item read
 * from a card that did not change is the same object (the card reader keeps it), so most items
 * are told apart without printing them, and nothing is kept here that the reader does not keep.
 */
export type Sent = Map<string, object>;

export const orderSentKey = (o: Order) => `order:${o.orderId}`;
export const disputeSentKey = (d: PageDispute) => `dispute:${d.orderId ?? ''}:${d.lineId ?? ''}:${d.disputeId ?? ''}`;
const problemKey = (p: Problem) => `problem:${p.code}:${p.orderId ?? ''}:${p.detail ?? ''}`;

/**
 * What an item says, to compare two objects that may say the same. The readers build every item
 * with its keys in one order, so plain JSON compares them (a replacer that sorted keys cost 0.3 ms
 * an order). Only items whose object changed are printed, and the prints are not kept.
 */
export const fingerprint = (value: object): string => JSON.stringify(value);

export interface Delta {
  /** The snapshot with only new or changed orders, disputes and problems; null when nothing changed. */
  snapshot: PageSnapshot | null;
  /** What to record with `markSent` once the background has it. */
  entries: [string, object][];
}

/**
 * The items of `snapshot` the background does not have yet. An item that says what was sent, in a
 * new object (its card re-rendered the same), replaces the sent one in `sent` at once: the old
 * object can then go, and the next read finds the new one the same without printing it.
 */
export function unsent(snapshot: PageSnapshot, sent: Sent): Delta {
  const entries: [string, object][] = [];
  const changed = <T extends object>(items: readonly T[], keyOf: (x: T) => string) =>
    items.filter((item) => {
      const key = keyOf(item);
      const before = sent.get(key);
      if (before === item) return false;
      if (before !== undefined && fingerprint(before) === fingerprint(item)) {
        sent.set(key, item);
        return false;
      }
      entries.push([key, item]);
      return true;
    });
  const orders = changed(snapshot.orders, orderSentKey);
  const disputes = changed(snapshot.disputes, disputeSentKey);
  const problems = changed(snapshot.problems, problemKey);
  if (orders.length + disputes.length + problems.length === 0) return { snapshot: null, entries };
  return { snapshot: { ...snapshot, orders, disputes, problems }, entries };
}

export function markSent(sent: Sent, entries: readonly [string, object][]): void {
  for (const [key, item] of entries) sent.set(key, item);
}
