import { blankOrder } from '../model/blank.ts';
import type { PageSnapshot } from '../model/index.ts';
import type { Observation, RadarDb, StoredDispute, StoredOrder } from './db.ts';
import { disputeKey, mergeDispute, mergeOrder, type Reading } from './merge.ts';

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
export function ingest(db: RadarDb, snapshot: PageSnapshot, options: IngestOptions = {}): Promise<IngestResult> {
  const reading: Reading = { readAt: snapshot.readAt, url: snapshot.url, kind: snapshot.kind };
  return ingestRecords(db, snapshot.orders, snapshot.disputes, () => reading, options);
}

/** The merge behind `ingest`, where each record may carry its own reading time (backups do). */
export function ingestRecords<O extends PageSnapshot['orders'][number], D extends PageSnapshot['disputes'][number]>(
  db: RadarDb,
  orders: O[],
  disputes: D[],
  readingOf: (record: O | D) => Reading,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const observe = options.observe ?? true;
  return db.transaction('rw', db.orders, db.disputes, db.observations, async () => {
    // One read and one write per table: a list page brings hundreds of orders at once, and a
    // round trip to IndexedDB per order would cost more than all the merging.
    const orderIds = [...new Set([...orders, ...disputes].map((r) => r.orderId))];
    const orderOf = new Map<string, StoredOrder | undefined>();
    // bulkGet is one request per key; when a page brings a good part of the table, reading the
    // whole table in one request is several times faster in Chrome.
    const total = orderIds.length > 50 ? await db.orders.count() : Infinity;
    if (orderIds.length * 3 >= total) {
      const wanted = new Set(orderIds);
      for (const o of await db.orders.toArray()) if (wanted.has(o.orderId)) orderOf.set(o.orderId, o);
    } else {
      const stored = await db.orders.bulkGet(orderIds);
      orderIds.forEach((id, i) => orderOf.set(id, stored[i]));
    }
    const disputeOrderIds = [...new Set(disputes.map((d) => d.orderId))];
    const disputesOf = new Map<string, StoredDispute[]>();
    if (disputeOrderIds.length) {
      for (const d of await db.disputes.where('orderId').anyOf(disputeOrderIds).toArray()) {
        disputesOf.set(d.orderId, [...(disputesOf.get(d.orderId) ?? []), d]);
      }
    }
    const orderWrites = new Map<string, StoredOrder>();
    const disputeWrites = new Map<string, StoredDispute>();
    const disputeDeletes = new Set<string>();
    const changedOrders = new Set<string>();
    const changedDisputes = new Set<string>();
    const pending: Observation[] = [];
    let flagged = 0;

    const flagCandidates: Observation[] = [];
    const record = (observations: Observation[]) => {
      for (const o of observations) (o.flagged ? flagCandidates : pending).push(o);
    };

    const putOrder = (order: StoredOrder) => {
      orderOf.set(order.orderId, order);
      orderWrites.set(order.orderId, order);
    };

    for (const incoming of orders) {
      const result = mergeOrder(orderOf.get(incoming.orderId), incoming, readingOf(incoming));
      if (result.next) putOrder(result.next);
      if (result.changed) changedOrders.add(incoming.orderId);
      record(result.observations);
    }

    for (const incoming of disputes) {
      const reading = readingOf(incoming);
      const ofOrder = disputesOf.get(incoming.orderId) ?? [];
      const existing = findDispute(ofOrder, incoming.orderId, incoming.lineId);
      const result = mergeDispute(existing?.record, incoming, reading);
      const next = result.next ?? (existing?.rekeyFrom ? existing.record : null);
      if (existing?.rekeyFrom) {
        disputeDeletes.add(existing.rekeyFrom);
        disputeWrites.delete(existing.rekeyFrom);
      }
      if (next) {
        disputeDeletes.delete(next.key);
        disputeWrites.set(next.key, next);
        const others = ofOrder.filter((d) => d.key !== next.key && d.key !== existing?.rekeyFrom);
        disputesOf.set(incoming.orderId, [...others, next]);
      }
      if (next && (result.changed || existing?.rekeyFrom)) changedDisputes.add(next.key);
      record(result.observations);
      if (!orderOf.get(incoming.orderId)) {
        putOrder(mergeOrder(undefined, blankOrder(incoming.orderId), reading).next!);
        changedOrders.add(incoming.orderId);
      }
    }

    // Only Dexie's own promises are awaited in here: awaiting anything else lets IndexedDB
    // commit the transaction under us in a real browser (fake-indexeddb never shows it).
    for (const o of flagCandidates) {
      // A stale page (a cached tab, a list the shopper keeps open) is read again and again: the
      // history keeps its first sighting, not one entry per page view.
      if (pending.some((p) => sameFlag(p, o)) || (await hasFlag(db, o))) continue;
      flagged += 1;
      pending.push(o);
    }
    if (disputeDeletes.size) await db.disputes.bulkDelete([...disputeDeletes]);
    if (orderWrites.size) await db.orders.bulkPut([...orderWrites.values()]);
    if (disputeWrites.size) await db.disputes.bulkPut([...disputeWrites.values()]);
    if (observe && pending.length) await db.observations.bulkAdd(pending);
    return { changed: changedOrders.size + changedDisputes.size, flagged };
  });
}

/**
 * The stored dispute a reading belongs to. A list page may not know the order line: it then
 * belongs to the order's only dispute; a line-less record is given its line once a page shows it.
 */
function findDispute(
  ofOrder: StoredDispute[],
  orderId: string,
  lineId: string | null,
): { record: StoredDispute; rekeyFrom?: string } | undefined {
  const key = disputeKey(orderId, lineId);
  const exact = ofOrder.find((d) => d.key === key);
  if (exact) return { record: exact };
  if (lineId === null) return ofOrder.length === 1 ? { record: ofOrder[0]! } : undefined;
  const lineless = ofOrder.find((d) => d.lineId === null);
  if (!lineless) return undefined;
  return { record: { ...lineless, key, lineId }, rekeyFrom: lineless.key };
}

/** Flags say "stored X, page showed Y": the same pair on the same record is the same flag. */
function sameFlag(a: Observation, b: Observation): boolean {
  return a.entity === b.entity && a.entityId === b.entityId && a.flagged === b.flagged;
}

function hasFlag(db: RadarDb, o: Observation) {
  return db.observations
    .where('[entity+entityId]')
    .equals([o.entity, o.entityId])
    .filter((h) => sameFlag(h, o))
    .count()
    .then((n) => n > 0);
}
