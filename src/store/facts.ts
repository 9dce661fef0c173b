import { policyOf } from '../rules/overrides.ts';
import { currentDispute, trackedTimeline, type OrderFacts } from '../timeline/tracked.ts';

export type { OrderFacts } from '../timeline/tracked.ts';
import type { RadarDb } from './db.ts';
import { readSettings } from './settings.ts';

/** One order by its id, or the dispute a case page shows by the ids in its URL. */
export type FactsQuery = { orderId: string } | { lineId: string | null; disputeId: string | null };

const NOTHING: OrderFacts = { order: null, dispute: null, timeline: null };

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
      return { order: order ?? null, disputes, progress };
    }),
  ]);
  if (!found) return null;
  const dispute = currentDispute(found.disputes);
  if (!found.order && !dispute) return NOTHING;
  const timeline = trackedTimeline(found.order, dispute, found.progress ?? null, policyOf(settings.rules).policy, now);
  return { order: found.order, dispute, timeline };
}
