import type { Order, PageReading } from '../../src/model/index.ts';

const ORDERS_URL = 'http://www.aliexpress.com/p/order/index.html';

/**
 * Orders shaped like the stand-in's, for when read() on the page found fewer than the bench
 * needs (a reader still being built): ingest and the popup are then still measured at the size
 * asked, and the results say how many orders were synthesized.
 */
export function synthesizedOrders(count: number, from: number, now: Date): Order[] {
  const statuses: Order['status'][] = ['shipped', 'completed', 'to-ship', 'in-dispute', 'shipped'];
  const day = 86_400_000;
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const placed = new Date(now.getTime() - (i % 90) * day - 3_600_000);
    const status = statuses[i % statuses.length]!;
    const shipped = status === 'to-ship' ? null : new Date(placed.getTime() + 2 * day).toISOString();
    return {
      orderId: String(8_190_000_000_000_000 + i),
      status,
      statusText: null,
      placedAt: placed.toISOString(),
      storeName: `Store ${i % 37}`,
      total: { amount: 3 + (i % 50), currency: 'USD' },
      lines: [{ lineId: String(8_290_000_000_000_000 + i), title: `Item ${i}`, quantity: 1 }],
      actions: status === 'shipped' ? ['track', 'confirm-received', 'returns-refunds'] : ['buy-again'],
      dates: {
        shippedAt: shipped,
        completedAt: status === 'completed' ? new Date(placed.getTime() + 20 * day).toISOString() : null,
        protectionEndsAt: status === 'shipped' ? new Date(now.getTime() + ((i % 60) + 1) * day).toISOString() : null,
        deliveryGuaranteeAt: null,
      },
    };
  });
}

/** How many orders a reading holds: its cards (My orders as the content script sends it) and its orders. */
export const ordersIn = (reading: PageReading) => (reading.cards?.items.length ?? 0) + reading.orders.length;

/**
 * `read` topped up to `count` orders; `synthesized` says how many were not read from the page. The
 * page's cards stay cards, as the content script sends them: the background reads them on arrival,
 * and that is part of what a My orders page costs it.
 */
export function snapshotOf(
  read: PageReading | null,
  count: number,
  now: Date,
): { snapshot: PageReading; synthesized: number } {
  const cards = (read?.cards?.items ?? []).slice(0, count);
  const orders = (read?.orders ?? []).slice(0, count - cards.length);
  const synthesized = count - cards.length - orders.length;
  orders.push(...synthesizedOrders(synthesized, orders.length, now));
  return {
    snapshot: {
      kind: 'order-list',
      url: read?.url ?? ORDERS_URL,
      locale: read?.locale ?? 'en',
      readAt: now.toISOString(),
      orders,
      disputes: read?.disputes ?? [],
      problems: [],
      ...(cards.length && { cards: { locale: read?.cards?.locale ?? 'en', items: cards } }),
    },
    synthesized,
  };
}

/** The first `count` orders of a snapshot (its cards first), with the disputes of those orders. */
export function firstOrders(snapshot: PageReading, count: number): PageReading {
  const cards = (snapshot.cards?.items ?? []).slice(0, count);
  const orders = snapshot.orders.slice(0, count - cards.length);
  const ids = new Set([...cards, ...orders].map((o) => o.orderId));
  return {
    ...snapshot,
    orders,
    disputes: snapshot.disputes.filter((d) => d.orderId !== null && ids.has(d.orderId)),
    ...(snapshot.cards && { cards: { ...snapshot.cards, items: cards } }),
  };
}
