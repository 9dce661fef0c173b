import type { PageSnapshot } from '../model/index.ts';
import type { Observation, RadarDb, StoredDispute, StoredOrder } from './db.ts';
import { disputeKey, emptyOrder, mergeDispute, mergeOrder, sameValue, type Reading } from './merge.ts';

export interface IngestResult {
  /** Orders and disputes created or with at least one field changed. */
  changed: number;
  /** Readings kept in the history but not applied (e.g. a status moving backwards). */
  flagged: number;
}

export interface IngestOptions {
  /** Write observations (history). A backup import brings its own history and turns this off. */
  observe?: boolean;
}

/** Merges one page's reading into the stored state in one transaction: all of it or none. */
export async function ingest(db: RadarDb, snapshot: PageSnapshot, options: IngestOptions = {}): Promise<IngestResult> {
  const reading: Reading = { readAt: snapshot.readAt, url: snapshot.url, kind: snapshot.kind };
  return ingestRecords(db, snapshot.orders, snapshot.disputes, () => reading, options);
}

/** The merge behind `ingest`, where each record may carry its own reading time (backups do). */
export async function ingestRecords<
  O extends PageSnapshot['orders'][number],
  D extends PageSnapshot['disputes'][number],
>(
  db: RadarDb,
  orders: O[],
  disputes: D[],
  readingOf: (record: O | D) => Reading,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const observe = options.observe ?? true;
  return db.transaction('rw', db.orders, db.disputes, db.observations, async () => {
    const orderCache = new Map<string, StoredOrder | undefined>();
    const changedOrders = new Set<string>();
    const changedDisputes = new Set<string>();
    const pending: Observation[] = [];
    let flagged = 0;

    const loadOrder = async (orderId: string) => {
      if (!orderCache.has(orderId)) orderCache.set(orderId, await db.orders.get(orderId));
      return orderCache.get(orderId);
    };

    const record = async (observations: Observation[]) => {
      for (const o of observations) {
        if (o.flagged) {
          // The same stale page read twice is one flag in the history, not two.
          if ((await hasObservation(db, o)) || pending.some((p) => sameObservation(p, o))) continue;
          flagged += 1;
        }
        pending.push(o);
      }
    };

    for (const incoming of orders) {
      const stored = await loadOrder(incoming.orderId);
      const result = mergeOrder(stored, incoming, readingOf(incoming));
      if (result.next) {
        await db.orders.put(result.next);
        orderCache.set(incoming.orderId, result.next);
      }
      if (result.changed) changedOrders.add(incoming.orderId);
      await record(result.observations);
    }

    for (const incoming of disputes) {
      const reading = readingOf(incoming);
      const existing = await findDispute(db, incoming.orderId, incoming.lineId);
      const result = mergeDispute(existing?.record, incoming, reading);
      const next = result.next ?? (existing?.rekeyFrom ? existing.record : null);
      if (existing?.rekeyFrom) await db.disputes.delete(existing.rekeyFrom);
      if (next) await db.disputes.put(next);
      if (next && (result.changed || existing?.rekeyFrom)) changedDisputes.add(next.key);
      await record(result.observations);
      if (!(await loadOrder(incoming.orderId))) {
        const placeholder = mergeOrder(undefined, emptyOrder(incoming.orderId), reading);
        await db.orders.put(placeholder.next!);
        orderCache.set(incoming.orderId, placeholder.next!);
        changedOrders.add(incoming.orderId);
      }
    }

    if (observe && pending.length) await db.observations.bulkAdd(pending);
    return { changed: changedOrders.size + changedDisputes.size, flagged };
  });
}

/**
 * The stored dispute a reading belongs to. A list page may not know the order line: it then
 * belongs to the order's only dispute; a line-less record is given its line once a page shows it.
 */
async function findDispute(
  db: RadarDb,
  orderId: string,
  lineId: string | null,
): Promise<{ record: StoredDispute; rekeyFrom?: string } | undefined> {
  const exact = await db.disputes.get(disputeKey(orderId, lineId));
  if (exact) return { record: exact };
  const ofOrder = await db.disputes.where('orderId').equals(orderId).toArray();
  if (lineId === null) return ofOrder.length === 1 ? { record: ofOrder[0]! } : undefined;
  const lineless = ofOrder.find((d) => d.lineId === null);
  if (!lineless) return undefined;
  const key = disputeKey(orderId, lineId);
  return { record: { ...lineless, key, lineId }, rekeyFrom: lineless.key };
}

function sameObservation(a: Observation, b: Observation): boolean {
  return (
    a.entityId === b.entityId &&
    a.readAt === b.readAt &&
    a.flagged === b.flagged &&
    a.url === b.url &&
    sameValue(a.changes, b.changes)
  );
}

async function hasObservation(db: RadarDb, o: Observation): Promise<boolean> {
  const history = await db.observations.where('[entity+entityId]').equals([o.entity, o.entityId]).toArray();
  return history.some((h) => sameObservation(h, o));
}
