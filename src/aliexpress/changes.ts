import type { Order, PageDispute, PageSnapshot, Problem } from '../model/index.ts';

/**
 * What the content script already sent, by item: the background needs only what changed since,
 * and the page re-reads often (every new card, every tapped answer).
 */
export type Sent = Map<string, string>;

export const orderSentKey = (o: Order) => `order:${o.orderId}`;
export const disputeSentKey = (d: PageDispute) => `dispute:${d.orderId ?? ''}:${d.lineId ?? ''}:${d.disputeId ?? ''}`;
const problemKey = (p: Problem) => `problem:${p.code}:${p.orderId ?? ''}:${p.detail ?? ''}`;

const prints = new WeakMap<object, string>();

/**
 * What an item says, to compare with what was sent. The readers build every item with its keys in
 * one order, so plain JSON compares them (a replacer that sorted keys cost 0.3 ms an order); an
 * item read from a card that did not change is the same object, and is printed once.
 */
export function fingerprint(value: object): string {
  let print = prints.get(value);
  if (print === undefined) {
    print = JSON.stringify(value);
    prints.set(value, print);
  }
  return print;
}

export interface Delta {
  /** The snapshot with only new or changed orders, disputes and problems; null when nothing changed. */
  snapshot: PageSnapshot | null;
  /** What to record with `markSent` once the background has it. */
  entries: [string, string][];
}

export function unsent(snapshot: PageSnapshot, sent: ReadonlyMap<string, string>): Delta {
  const entries: [string, string][] = [];
  const changed = <T extends object>(items: readonly T[], keyOf: (x: T) => string) =>
    items.filter((item) => {
      const key = keyOf(item);
      const print = fingerprint(item);
      if (sent.get(key) === print) return false;
      entries.push([key, print]);
      return true;
    });
  const orders = changed(snapshot.orders, orderSentKey);
  const disputes = changed(snapshot.disputes, disputeSentKey);
  const problems = changed(snapshot.problems, problemKey);
  if (orders.length + disputes.length + problems.length === 0) return { snapshot: null, entries };
  return { snapshot: { ...snapshot, orders, disputes, problems }, entries };
}

export function markSent(sent: Sent, entries: readonly [string, string][]): void {
  for (const [key, print] of entries) sent.set(key, print);
}
