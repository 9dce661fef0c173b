// Input: generated. Observations and snapshots built here and in ./fixtures.ts with numbered ids:
// the history is checked as the store keeps it (one record per reading) and as everything else
// reads it (one observation per order or dispute and reading).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Observation, RadarDb } from '../../../src/store/db.ts';
import { forgetOrder, restoreOrder } from '../../../src/store/entry.ts';
import {
  addObservations,
  allObservations,
  newFlags,
  pruneHistory,
  restoreObservations,
  takeObservations,
} from '../../../src/store/history.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { freshDb, order, snapshot } from './fixtures.ts';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const LIST = 'https://www.aliexpress.com/p/order/index.html';

/** One order's change from a reading at `readAt`. */
function obs(orderId: string, readAt: string, to: string, flagged: string | null = null): Observation {
  return {
    orderId,
    entity: 'order',
    entityId: orderId,
    readAt,
    url: LIST,
    kind: 'order-list',
    via: 'dom',
    changes: { storeName: { from: null, to } },
    flagged,
  };
}

/** A reading of `n` orders at `minutesAgo` before NOW. */
function reading(n: number, minutesAgo: number, tag: string): Observation[] {
  const at = new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
  return Array.from({ length: n }, (_, i) => obs(String(8_212_379_857_000_000 + i), at, `${tag} ${i}`));
}

let db: RadarDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('the history: one record per reading', () => {
  it('stores a reading of many orders as one record and reads it back as one observation each', async () => {
    const list = reading(3, 5, 'A');
    await addObservations(db, list);
    expect(await db.readings.count()).toBe(1);
    const [stored] = await db.readings.toArray();
    expect(stored).toMatchObject({ readAt: list[0]!.readAt, url: LIST, kind: 'order-list', size: 3, flags: [] });
    expect((await allObservations(db)).map(({ id: _id, ...o }) => o)).toEqual(list);
  });

  it('prunes by entries, not readings: whole readings go, oldest first, never more than the limit stays', async () => {
    // Readings of 3, 2, 4 and 1 entries, oldest first; 6 entries allowed.
    for (const [n, ago, tag] of [
      [3, 40, 'A'],
      [2, 30, 'B'],
      [4, 20, 'C'],
      [1, 10, 'D'],
    ] as const)
      await addObservations(db, reading(n, ago, tag));
    const limits = { observationDays: 365, observations: 6, alertDays: 90, alerts: 10 };
    // D (1) and C (4) fit; B would make 7: B and everything older go.
    expect(await pruneHistory(db, NOW, limits)).toBe(5);
    const left = await allObservations(db);
    expect(left.map((o) => o.changes.storeName!.to)).toEqual(['C 0', 'C 1', 'C 2', 'C 3', 'D 0']);
    // Pruning again drops nothing.
    expect(await pruneHistory(db, NOW, limits)).toBe(0);
  });

  it('prunes readings older than the age limit, however few entries the history holds', async () => {
    await addObservations(db, [...reading(2, 366 * 24 * 60, 'old'), ...reading(1, 60, 'new')]);
    expect(await pruneHistory(db, NOW)).toBe(2);
    expect((await allObservations(db)).map((o) => o.changes.storeName!.to)).toEqual(['new 0']);
  });

  it('finds a flag already in the history, and each new flag once', async () => {
    const reason = 'status moved backwards: completed -> shipped';
    await addObservations(db, [obs('1111111111', '2026-11-20T10:00:00.000Z', 'x', reason)]);
    const again = obs('1111111111', '2026-11-21T10:00:00.000Z', 'x', reason);
    const other = obs('2222222222', '2026-11-21T10:00:00.000Z', 'x', reason);
    const otherReason = obs('1111111111', '2026-11-21T10:00:00.000Z', 'x', 'refunded read only from page JSON');
    expect(await newFlags(db, [again, other, { ...other }, otherReason])).toEqual([other, otherReason]);
    expect(await newFlags(db, [])).toEqual([]);
  });

  it('takes one order out of a shared reading and puts it back; a second restore adds nothing', async () => {
    const list = reading(3, 5, 'A');
    await addObservations(db, list);
    await addObservations(db, [obs(list[1]!.orderId, '2026-11-22T11:58:00.000Z', 'B')]);
    const before = await allObservations(db);
    const taken = await db.transaction('rw', db.readings, () => takeObservations(db, list[1]!.orderId));
    expect(taken.map((o) => o.changes.storeName!.to)).toEqual(['A 1', 'B']);
    // The reading only it was in goes; the shared one keeps the other orders.
    expect(await db.readings.count()).toBe(1);
    expect((await db.readings.toArray())[0]).toMatchObject({ size: 2 });
    for (let i = 0; i < 2; i++) {
      await db.transaction('rw', db.readings, () => restoreObservations(db, taken));
      const sorted = (list: Observation[]) =>
        [...list].sort((a, b) => a.orderId.localeCompare(b.orderId) || a.readAt.localeCompare(b.readAt));
      expect(sorted(await allObservations(db))).toEqual(sorted(before));
      expect(await db.readings.count()).toBe(2);
    }
  });

  it('adds observations whose id names another reading as a reading of their own', async () => {
    await addObservations(db, reading(1, 5, 'A'));
    const [stored] = await db.readings.toArray();
    // Forged: the id of the stored reading, with another time.
    const forged = { ...obs('3333333333', '2026-11-01T00:00:00.000Z', 'Z'), id: stored!.id! };
    await db.transaction('rw', db.readings, () => restoreObservations(db, [forged]));
    expect(await db.readings.get(stored!.id!)).toEqual(stored);
    expect((await allObservations(db)).map((o) => o.changes.storeName!.to)).toEqual(['A 0', 'Z']);
  });

  it('keeps "Stop tracking" and Undo exact for an order read in a list with others', async () => {
    const ids = ['8212379857492017', '8212379857492018'];
    await ingest(db, snapshot({ orders: ids.map((orderId) => order({ orderId })) }));
    const before = await allObservations(db);
    const forgotten = await forgetOrder(db, ids[0]!);
    expect(forgotten?.observations.map((o) => o.orderId)).toEqual([ids[0]]);
    expect((await allObservations(db)).map((o) => o.orderId)).toEqual([ids[1]]);
    await restoreOrder(db, forgotten!);
    const key = (o: Observation) => o.orderId;
    expect((await allObservations(db)).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(before);
  });
});
