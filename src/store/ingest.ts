import { blankOrder } from '../model/blank.ts';
import type { Dispute, PageDispute, PageSnapshot } from '../model/index.ts';
import type { Observation, RadarDb, StoredDispute, StoredOrder } from './db.ts';
import { addObservations, newFlags } from './history.ts';
import { disputeKey, mergeDispute, mergeOrder, type Reading } from './merge.ts';

/**
 * Whether reading a whole table beats looking `keys` records up: bulkGet is one request per key and
 * `anyOf` walks its index a step per key, so when a page brings a good part of the table (more than
 * 50 keys, a third of it or more), one read of the table is several times faster in Chrome.
 */
async function wholeTableIsCheaper(table: { count(): PromiseLike<number> }, keys: number): Promise<boolean> {
  return keys > 50 && keys * 3 >= (await table.count());
}

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
  const fromJson: Reading = { ...reading, via: 'json' };
  const fromPage: Reading = { ...reading, via: 'dom' };
  return ingestRecords(
    db,
    snapshot.orders,
    snapshot.disputes,
    (r) => (r.statusVia === 'json' ? fromJson : fromPage),
    options,
  );
}

/** The merge behind `ingest`, where each record may carry its own reading time (backups do). */
export function ingestRecords<O extends PageSnapshot['orders'][number], D extends PageDispute>(
  db: RadarDb,
  orders: O[],
  pageDisputes: D[],
  readingOf: (record: O | D) => Reading,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const observe = options.observe ?? true;
  return db.transaction('rw', [db.orders, db.disputes, db.readings, db.held], async () => {
    const joined = await joinDisputes(db, orders, pageDisputes, readingOf);
    const disputes = joined.map((j) => j.dispute);
    const readingOfDispute = new Map(joined.map((j) => [j.dispute, j.reading]));
    // One read and one write per table: a list page brings hundreds of orders at once, and a
    // round trip to IndexedDB per order would cost more than all the merging.
    const orderIds = [...new Set([...orders.map((o) => o.orderId), ...disputes.map((d) => d.orderId)])];
    const orderOf = new Map<string, StoredOrder | undefined>();
    if (await wholeTableIsCheaper(db.orders, orderIds.length)) {
      const wanted = new Set(orderIds);
      for (const o of await db.orders.toArray()) if (wanted.has(o.orderId)) orderOf.set(o.orderId, o);
    } else {
      const stored = await db.orders.bulkGet(orderIds);
      orderIds.forEach((id, i) => orderOf.set(id, stored[i]));
    }
    const disputeOrderIds = [...new Set(disputes.map((d) => d.orderId))];
    const disputesOf = new Map<string, StoredDispute[]>();
    if (disputeOrderIds.length) {
      const wanted = new Set(disputeOrderIds);
      const stored = (await wholeTableIsCheaper(db.disputes, disputeOrderIds.length))
        ? (await db.disputes.toArray()).filter((d) => wanted.has(d.orderId))
        : await db.disputes.where('orderId').anyOf(disputeOrderIds).toArray();
      for (const d of stored) {
        const list = disputesOf.get(d.orderId);
        if (list) list.push(d);
        else disputesOf.set(d.orderId, [d]);
      }
    }
    const orderWrites = new Map<string, StoredOrder>();
    const disputeWrites = new Map<string, StoredDispute>();
    const disputeDeletes = new Set<string>();
    const changedOrders = new Set<string>();
    const changedDisputes = new Set<string>();
    const pending: Observation[] = [];

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
      const reading = readingOfDispute.get(incoming)!;
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
    // A stale page (a cached tab, a list the shopper keeps open) is read again and again: the
    // history keeps its first sighting, not one entry per page view.
    const flags = await newFlags(db, flagCandidates);
    pending.push(...flags);
    // Every write is issued before any is awaited: IndexedDB runs them in this order all the same,
    // and the history's record is serialised here while the orders are being written.
    await Promise.all([
      disputeDeletes.size && db.disputes.bulkDelete([...disputeDeletes]),
      orderWrites.size && db.orders.bulkPut([...orderWrites.values()]),
      disputeWrites.size && db.disputes.bulkPut([...disputeWrites.values()]),
      // The whole history of this ingest is one request, and one record per reading (readings.ts).
      observe && addObservations(db, pending),
    ]);
    return { changed: changedOrders.size + changedDisputes.size, flagged: flags.length };
  });
}

/** A dispute whose order is known, with the reading it came from. */
interface Joined {
  dispute: Dispute;
  reading: Reading;
}

/** More held disputes than any shopper has open: the oldest go first. */
export const MAX_HELD = 100;

const heldKey = (d: Pick<PageDispute, 'lineId' | 'disputeId'>) =>
  d.lineId !== null ? `line:${d.lineId}` : `case:${d.disputeId}`;

/** The reading's dispute as the store keeps it: with its order, without the reading's notes. */
function withOrder(d: PageDispute, orderId: string): Dispute {
  const { via: _via, statusVia: _statusVia, ...dispute } = d;
  return { ...dispute, orderId };
}

/**
 * Gives each dispute its order. One a page named only by its line or case is joined through the
 * lines and cases already known (this reading's orders and disputes, then the stored ones); when
 * none or more than one order claims it, it is held, never guessed. Disputes held earlier join
 * the orders and disputes of this reading that claim them.
 */
async function joinDisputes<O extends PageSnapshot['orders'][number], D extends PageDispute>(
  db: RadarDb,
  orders: readonly O[],
  disputes: readonly D[],
  readingOf: (record: O | D) => Reading,
): Promise<Joined[]> {
  const out: Joined[] = [];
  const byLine = new Map<string, Set<string>>();
  const byCase = new Map<string, Set<string>>();
  const claim = (map: Map<string, Set<string>>, id: string | null, orderId: string) => {
    if (id !== null) map.set(id, (map.get(id) ?? new Set()).add(orderId));
  };
  for (const o of orders) for (const line of o.lines) claim(byLine, line.lineId, o.orderId);
  for (const d of disputes) {
    if (d.orderId === null) continue;
    claim(byLine, d.lineId, d.orderId);
    claim(byCase, d.disputeId, d.orderId);
  }
  const only = (owners: Set<string> | undefined) => (owners?.size === 1 ? [...owners][0]! : null);

  const orphans: { dispute: D; reading: Reading }[] = [];
  for (const d of disputes) {
    if (d.orderId !== null) out.push({ dispute: withOrder(d, d.orderId), reading: readingOf(d) });
    else orphans.push({ dispute: d, reading: readingOf(d) });
  }

  // Held disputes this reading's orders and disputes claim; the table is tiny, usually empty.
  if (byLine.size || byCase.size) {
    const held = await db.held.toArray();
    const claimed = held.flatMap((h) => {
      const orderId =
        only(h.lineId !== null ? byLine.get(h.lineId) : undefined) ??
        only(h.disputeId !== null ? byCase.get(h.disputeId) : undefined);
      return orderId ? [{ h, orderId }] : [];
    });
    if (claimed.length) await db.held.bulkDelete(claimed.map((c) => c.h.key));
    for (const { h, orderId } of claimed) {
      const via = h.dispute.statusVia === 'json' ? 'json' : 'dom';
      out.unshift({
        dispute: withOrder(h.dispute, orderId),
        reading: { readAt: h.readAt, url: h.url, kind: h.kind, via },
      });
    }
  }

  let heldSome = false;
  for (const { dispute, reading } of orphans) {
    const orderId = await ownerOf(db, dispute, byLine, byCase);
    if (orderId) {
      out.push({ dispute: withOrder(dispute, orderId), reading });
      continue;
    }
    const key = heldKey(dispute);
    const before = await db.held.get(key);
    const { via: _via, ...incoming }: PageDispute = dispute;
    const newer = !before || Date.parse(reading.readAt) >= Date.parse(before.readAt);
    // The newer reading wins where it shows a value; the older one fills its gaps.
    const kept = before ? (newer ? filled(incoming, before.dispute) : filled(before.dispute, incoming)) : incoming;
    const at = newer ? reading : { readAt: before!.readAt, url: before!.url, kind: before!.kind };
    await db.held.put({ key, lineId: kept.lineId, disputeId: kept.disputeId, ...at, dispute: kept });
    heldSome = true;
  }
  // Only a reading that held something can have taken the table past its cap.
  if (heldSome) {
    const excess = (await db.held.count()) - MAX_HELD;
    if (excess > 0) await db.held.orderBy('readAt').limit(excess).delete();
  }
  return out;
}

/** `a` with the gaps it leaves (null, `unknown`) filled from `b`. */
function filled<T extends object>(a: T, b: T): T {
  const out: Record<string, unknown> = { ...(b as Record<string, unknown>) };
  for (const [k, v] of Object.entries(a)) if (v !== null && v !== 'unknown') out[k] = v;
  return out as T;
}

/** The one order that claims a dispute's line or case, from this reading or the store; else null. */
async function ownerOf(
  db: RadarDb,
  d: PageDispute,
  byLine: ReadonlyMap<string, Set<string>>,
  byCase: ReadonlyMap<string, Set<string>>,
): Promise<string | null> {
  const owners = new Set<string>();
  if (d.lineId !== null) {
    for (const o of byLine.get(d.lineId) ?? []) owners.add(o);
    for (const s of await db.disputes.where('lineId').equals(d.lineId).toArray()) owners.add(s.orderId);
    if (owners.size === 0) {
      const lineId = d.lineId;
      for (const o of await db.orders.filter((o) => o.lines.some((l) => l.lineId === lineId)).toArray())
        owners.add(o.orderId);
    }
  }
  if (d.disputeId !== null) {
    for (const o of byCase.get(d.disputeId) ?? []) owners.add(o);
    for (const s of await db.disputes.where('disputeId').equals(d.disputeId).toArray()) owners.add(s.orderId);
  }
  return owners.size === 1 ? [...owners][0]! : null;
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
