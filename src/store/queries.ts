import type { OrderView, TrackedOrder } from './records.ts';
import type { RadarDb } from './db.ts';

/** One order with its disputes, history (oldest first) and progress; null when never seen. */
export async function orderView(db: RadarDb, orderId: string): Promise<OrderView | null> {
  return db.transaction('r', db.orders, db.disputes, db.observations, db.progress, async () => {
    const order = await db.orders.get(orderId);
    if (!order) return null;
    const [disputes, observations, progress] = await Promise.all([
      db.disputes.where('orderId').equals(orderId).toArray(),
      db.observations.where('orderId').equals(orderId).sortBy('readAt'),
      db.progress.get(orderId),
    ]);
    return { order, disputes, observations, progress: progress ?? null };
  });
}

/**
 * Every tracked order with its disputes and progress, newest reading first. Three table scans
 * joined in memory: with 1,000 orders that is far cheaper than a query per order.
 */
export async function dashboard(db: RadarDb): Promise<TrackedOrder[]> {
  return db.transaction('r', db.orders, db.disputes, db.progress, async () => {
    const [orders, disputes, progress] = await Promise.all([
      // A reverse index walk is one cursor step per record; a plain table read is one request.
      db.orders.toArray((all) =>
        all.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)),
      ),
      db.disputes.toArray(),
      db.progress.toArray(),
    ]);
    const disputesOf = new Map<string, TrackedOrder['disputes']>();
    for (const d of disputes) disputesOf.set(d.orderId, [...(disputesOf.get(d.orderId) ?? []), d]);
    const progressOf = new Map(progress.map((p) => [p.orderId, p]));
    return orders.map((order) => ({
      order,
      disputes: disputesOf.get(order.orderId) ?? [],
      progress: progressOf.get(order.orderId) ?? null,
    }));
  });
}
