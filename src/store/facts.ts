import { policyOf } from '../rules/overrides.ts';
import { eligibility, offerOf, type Offer } from '../timeline/eligibility.ts';
import { currentDispute, trackedTimeline, type OrderFacts } from '../timeline/tracked.ts';

export type { OrderFacts } from '../timeline/tracked.ts';
import type { RadarDb } from './db.ts';
import { readSettings } from './settings.ts';

/** One order by its id, or the dispute a case page shows by the ids in its URL. */
export type FactsQuery = { orderId: string } | { lineId: string | null; disputeId: string | null };

/**
 * The helper's facts, worked out here rather than in the page: the timeline needs the rules, and
 * the page's script would otherwise carry the whole policy and clock. The page learns about the
 * one order it asks for, never the rest of the store. Null when no dispute matches a case page's ids.
 */
export async function helperFacts(db: RadarDb, query: FactsQuery, now: Date): Promise<OrderFacts | null> {
  const [settings, found] = await Promise.all([
    readSettings(db),
    db.transaction('r', db.orders, db.disputes, db.progress, async () => {
      let disputes;
      if ('orderId' in query) {
        disputes = await db.disputes.where('orderId').equals(query.orderId).toArray();
      } else {
        const { lineId, disputeId } = query;
        if (!lineId && !disputeId) return null;
        // A case page names its dispute; a line id alone is enough only when it does not.
        disputes = await (
          disputeId ? db.disputes.where('disputeId').equals(disputeId) : db.disputes.where('lineId').equals(lineId!)
        ).toArray();
        if (disputes.length === 0) return null;
      }
      const orderId = 'orderId' in query ? query.orderId : disputes[0]!.orderId;
      const [order, progress] = await Promise.all([db.orders.get(orderId), db.progress.get(orderId)]);
      return { orderId, order: order ?? null, disputes, progress };
    }),
  ]);
  if (!found) return null;
  const dispute = currentDispute(found.disputes);
  const timeline =
    found.order || dispute
      ? trackedTimeline(found.order, dispute, found.progress ?? null, policyOf(settings.rules).policy, now)
      : null;
  const facts = { order: found.order, dispute, timeline };
  return { ...facts, eligibility: eligibility(found.orderId, facts, now.getTime()) };
}

/**
 * Which of a page's order cards get Start refund, and where it leads: worked out from what the
 * store holds for each, so an unpaid, closed or never-read order gets none. Only these ids are read.
 */
export async function helperOffers(
  db: RadarDb,
  orderIds: readonly string[],
  now: Date,
): Promise<Record<string, Offer>> {
  const [settings, found] = await Promise.all([
    readSettings(db),
    db.transaction('r', db.orders, db.disputes, db.progress, () =>
      Promise.all([
        db.orders.bulkGet([...orderIds]),
        db.disputes
          .where('orderId')
          .anyOf([...orderIds])
          .toArray(),
        db.progress.bulkGet([...orderIds]),
      ]),
    ),
  ]);
  const [orders, disputes, progress] = found;
  const { policy } = policyOf(settings.rules);
  const offers: Record<string, Offer> = {};
  orderIds.forEach((orderId, i) => {
    const order = orders[i] ?? null;
    if (!order) return void (offers[orderId] = 'none');
    const dispute = currentDispute(disputes.filter((d) => d.orderId === orderId));
    const timeline = trackedTimeline(order, dispute, progress[i] ?? null, policy, now);
    offers[orderId] = offerOf(eligibility(orderId, { order, dispute, timeline }, now.getTime()), order.status);
  });
  return offers;
}
