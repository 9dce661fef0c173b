import type { PageDispute } from '../model/index.ts';
import { checkEntry, STATUS_OF_PARTY, type EntryCheck, type EntryForm } from '../timeline/entry.ts';
import { currentDispute } from '../timeline/tracked.ts';
import type { Observation, Progress, RadarDb, StoredDispute, StoredOrder } from './db.ts';
import { restoreObservations, takeObservations } from './history.ts';
import { ingestRecords, type IngestResult } from './ingest.ts';
import type { Reading } from './merge.ts';

/** The history's page kind for what the shopper entered or answered in a form. */
export const SHOPPER_KIND = 'shopper-entry';

/** Where the shopper entered it: the case page's address, or the popup's. */
export interface EnteredAt {
  url: string;
  lineId: string | null;
  disputeId: string | null;
}

const shopperReading = (now: Date, url: string): Reading => ({
  readAt: now.toISOString(),
  url,
  kind: SHOPPER_KIND,
  via: 'shopper',
});

/** A calendar day's start where the shopper is: the background runs on their device. */
function startOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/**
 * Stores a dispute as the shopper told it, checked again here (whatever the form checked, a
 * message can say anything). Refused: nothing is written and each field says why. Stored as a
 * reading from the shopper: a later reading of the page wins field by field (store/merge.ts),
 * and the entry stays in the history.
 */
export async function enterDispute(
  db: RadarDb,
  form: EntryForm,
  at: EnteredAt,
  now: Date,
): Promise<EntryCheck & { changed: number }> {
  const check = checkEntry(form, now);
  if (!check.ok) return { ...check, changed: 0 };
  const { entry } = check;
  const known = await db.disputes.where('orderId').equals(entry.orderId).toArray();
  const same = known.find((d) => (at.lineId !== null && d.lineId === at.lineId) || d.lineId === null);
  const dispute: PageDispute = {
    orderId: entry.orderId,
    lineId: at.lineId,
    disputeId: at.disputeId,
    status: STATUS_OF_PARTY[entry.awaiting],
    statusText: null,
    awaiting: entry.awaiting,
    deadline: entry.leftMs === null ? null : new Date(now.getTime() + entry.leftMs).toISOString(),
    canEscalate: null,
    // "Today if unknown", unless a page or an earlier entry told the day already.
    openedAt: entry.openedOn ? startOfDay(entry.openedOn) : same?.openedAt ? null : now.toISOString(),
    reason: null,
    solution: null,
    statusVia: 'shopper',
  };
  const result = await ingestRecords(db, [], [dispute], () => shopperReading(now, at.url));
  return { ...check, changed: result.changed };
}

/** "Refund received": the shopper closes the order's running dispute as refunded, in their own words. */
export async function markRefunded(db: RadarDb, orderId: string, now: Date, url: string): Promise<IngestResult> {
  const current = currentDispute(await db.disputes.where('orderId').equals(orderId).toArray());
  if (!current) throw new Error(`order ${orderId} has no dispute`);
  const { key: _key, firstSeenAt: _f, updatedAt: _u, statusSince: _s, readAtByField: _r, claim: _c, ...rest } = current;
  const { escalateSeenAt: _e, entered: _n, ...dispute } = rest;
  return ingestRecords(db, [], [{ ...dispute, status: 'refunded', statusText: null, statusVia: 'shopper' }], () =>
    shopperReading(now, url),
  );
}

/** Everything stored about one order: what "Stop tracking" removes and Undo puts back exactly. */
export interface Forgotten {
  order: StoredOrder;
  disputes: StoredDispute[];
  progress: Progress | null;
  observations: Observation[];
}

/** Removes an order and all that hangs on it in one transaction; null when it was not tracked. */
export function forgetOrder(db: RadarDb, orderId: string): Promise<Forgotten | null> {
  return db.transaction('rw', [db.orders, db.disputes, db.progress, db.readings], async () => {
    const order = await db.orders.get(orderId);
    if (!order) return null;
    const disputes = await db.disputes.where('orderId').equals(orderId).toArray();
    const progress = (await db.progress.get(orderId)) ?? null;
    await db.orders.delete(orderId);
    await db.disputes.bulkDelete(disputes.map((d) => d.key));
    await db.progress.delete(orderId);
    const observations = await takeObservations(db, orderId);
    return { order, disputes, progress, observations };
  });
}

/** Undo: the records exactly as they were (an order read again meanwhile gets its old record back). */
export function restoreOrder(db: RadarDb, records: Forgotten): Promise<void> {
  return db.transaction('rw', [db.orders, db.disputes, db.progress, db.readings], async () => {
    await db.orders.put(records.order);
    await db.disputes.where('orderId').equals(records.order.orderId).delete();
    await db.disputes.bulkPut(records.disputes);
    if (records.progress) await db.progress.put(records.progress);
    else await db.progress.delete(records.order.orderId);
    await restoreObservations(db, records.observations);
  });
}
