import type { Order, OrderCard, PageDispute, PageReading, Problem } from '../model/index.ts';

/**
 * What the content script already sent, by item: the item itself. The background needs only what
 * changed since, and the page re-reads often (every new card, every tapped answer). An item read
 * from a card that did not change is the same object (the card reader keeps it), so most items
 * are told apart without printing them, and nothing is kept here that the reader does not keep.
 * A card the background stored is kept as a mark only (`holdSent`), as the reader lets go of it.
 */
export type Sent = Map<string, object>;

export const orderSentKey = (o: Order) => `order:${o.orderId}`;
export const disputeSentKey = (d: PageDispute) => `dispute:${d.orderId ?? ''}:${d.lineId ?? ''}:${d.disputeId ?? ''}`;
/** A card's order id as it is (digits only, so no other key's prefix can meet it): a key string of its own per card cost 500 cards 17 KB. */
const cardSentKey = (c: OrderCard) => c.orderId;
const problemKey = (p: Problem) => `problem:${p.code}:${p.orderId ?? ''}:${p.detail ?? ''}`;

/**
 * What an item says, to compare two objects that may say the same. The readers build every item
 * with its keys in one order, so plain JSON compares them (a replacer that sorted keys cost 0.3 ms
 * an order). Only items whose object changed are printed, and the prints are not kept.
 */
export const fingerprint = (value: object): string => JSON.stringify(value);

export interface Delta {
  /** The snapshot with only new or changed orders, cards, disputes and problems; null when nothing changed. */
  snapshot: PageReading | null;
  /** What to record with `markSent` once the background has it. */
  entries: [string, object][];
}

/**
 * The items of `snapshot` the background does not have yet. An item that says what was sent, in a
 * new object (its card re-rendered the same), replaces the sent one in `sent` at once: the old
 * object can then go, and the next read finds the new one the same without printing it.
 *
 * On My orders an order goes whole: its card, and what the page's JSON said of it, together when
 * either changed. The background combines them there, the card first, as read() does; a JSON
 * answer sent alone would otherwise have its word taken over the card's.
 */
export function unsent(snapshot: PageReading, sent: Sent): Delta {
  const entries: [string, object][] = [];
  const fresh = new Set<object>();
  const check = <T extends object>(items: readonly T[], keyOf: (x: T) => string) => {
    for (const item of items) {
      const key = keyOf(item);
      const before = sent.get(key);
      if (before === item) continue;
      if (before !== undefined && fingerprint(before) === fingerprint(item)) sent.set(key, item);
      else {
        entries.push([key, item]);
        fresh.add(item);
      }
    }
  };
  const { cards, ...rest } = snapshot;
  check(rest.orders, orderSentKey);
  check(rest.disputes, disputeSentKey);
  check(rest.problems, problemKey);
  if (cards) check(cards.items, cardSentKey);
  if (!fresh.size) return { snapshot: null, entries };
  const ids = new Set<string | null>();
  if (cards) for (const x of fresh) ids.add((x as { orderId: string | null }).orderId);
  ids.delete(null);
  const keep = <T extends { orderId: string | null }>(items: readonly T[]) =>
    items.filter((x) => fresh.has(x) || ids.has(x.orderId));
  const items = cards ? keep(cards.items) : [];
  return {
    snapshot: {
      ...rest,
      orders: keep(rest.orders),
      disputes: keep(rest.disputes),
      problems: rest.problems.filter((p) => fresh.has(p)),
      ...(items.length && { cards: { ...cards!, items } }),
    },
    entries,
  };
}

export function markSent(sent: Sent, entries: readonly [string, object][]): void {
  for (const [key, item] of entries) sent.set(key, item);
}

/**
 * What `sent` keeps of a card once the background stored it and the reader let go of its texts
 * (dom/order-list.ts `letGoCards`). It prints as no card does, so the card read again whole is
 * sent again.
 */
const HELD: object = Object.freeze({ held: true });

/**
 * Marks as held the cards of an answered send that are still what `sent` has for their orders
 * (or a card a later read put in their place, saying the same), and returns those `sent` had, for
 * the reader to let go of.
 */
export function holdSent(sent: Sent, cards: readonly OrderCard[]): OrderCard[] {
  const held: OrderCard[] = [];
  for (const card of cards) {
    const key = cardSentKey(card);
    const now = sent.get(key);
    if (now === undefined || now === HELD || (now !== card && fingerprint(now) !== fingerprint(card))) continue;
    sent.set(key, HELD);
    held.push(now as OrderCard);
  }
  return held;
}

/**
 * The orders `delta` would send something of (an order, a dispute, a problem) without their
 * cards, which were held: an order goes whole, so those cards must be read again
 * (`ReadOptions.whole`) and go with it. Empty off My orders.
 */
export function heldCardsOf(snapshot: PageReading, delta: PageReading, sent: Sent): Set<string> {
  const ids = new Set<string>();
  if (!snapshot.cards) return ids;
  const going = new Set(delta.cards?.items.map(cardSentKey));
  for (const items of [delta.orders, delta.disputes, delta.problems])
    for (const { orderId } of items)
      // A card's key in `sent` is its order id.
      if (orderId !== null && !going.has(orderId) && sent.get(orderId) === HELD) ids.add(orderId);
  return ids;
}
