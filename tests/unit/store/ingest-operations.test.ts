// Input: generated snapshots (orders and disputes built from tests/unit/store/fixtures.ts with
// numbered ids). Counts the requests ingest makes to the database through a Dexie DBCore
// middleware: a list page of hundreds of orders must cost the same few bulk requests as a page
// of five, never one request per order.
import type { DBCore, DBCoreTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { RadarDb } from '../../../src/store/db.ts';
import { allObservations } from '../../../src/store/history.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { dispute, freshDb, order, snapshot } from './fixtures.ts';

const OPS = ['mutate', 'get', 'getMany', 'query', 'openCursor', 'count'] as const;

/** A fresh database that logs every request its tables receive into `log`. */
function countingDb(log: string[]): RadarDb {
  const db = freshDb();
  db.use({
    stack: 'dbcore',
    name: 'count-requests',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        const wrapped = { ...table } as Record<string, unknown>;
        for (const op of OPS) {
          const original = table[op] as (req: { type?: string }) => unknown;
          wrapped[op] = (req: { type?: string }) => {
            log.push(`${name}.${op}${op === 'mutate' ? `.${req.type}` : ''}`);
            return original.call(table, req);
          };
        }
        return wrapped as unknown as DBCoreTable;
      },
    }),
  });
  return db;
}

/** `n` orders with numbered ids, every fifth with a dispute, read at `readAt`. */
function page(n: number, readAt = '2026-11-20T10:00:00.000Z', storeName = 'Best Store') {
  const ids = Array.from({ length: n }, (_, i) => String(8_212_379_857_000_000 + i * 100));
  return snapshot({
    readAt,
    orders: ids.map((orderId, i) =>
      order({ orderId, storeName, lines: [{ lineId: String(Number(orderId) + 1), title: `Item ${i}`, quantity: 1 }] }),
    ),
    disputes: ids
      .filter((_, i) => i % 5 === 0)
      .map((orderId) => dispute({ orderId, lineId: String(Number(orderId) + 1), disputeId: `50${orderId.slice(2)}` })),
  });
}

const open: RadarDb[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

/** The requests of each ingest: new orders, the same page again, then every order changed. */
async function requestsFor(n: number): Promise<string[][]> {
  const log: string[] = [];
  const db = countingDb(log);
  open.push(db);
  const steps = [page(n), page(n), page(n, '2026-11-21T10:00:00.000Z', 'Renamed Store')];
  const out: string[][] = [];
  for (const s of steps) {
    log.length = 0;
    const result = await ingest(db, s);
    out.push([...log]);
    expect(result.flagged).toBe(0);
  }
  expect(await db.orders.count()).toBe(n);
  // New orders and disputes, then the renamed store on every order: the history records each,
  // as one record per reading that changed something (the unchanged page adds none).
  expect(await allObservations(db)).toHaveLength(2 * n + Math.ceil(n / 5));
  expect(await db.readings.count()).toBe(2);
  return out;
}

describe('ingest: bulk requests, however many orders a page brings', () => {
  it('makes the same requests for 600 new, unchanged and changed orders as for 300, and as few for 5', async () => {
    const tiny = await requestsFor(5);
    const small = await requestsFor(300);
    const big = await requestsFor(600);
    expect(big).toEqual(small);
    // Past 50 orders (and 50 orders with disputes) the stored ones are read with one count and one
    // scan per table instead of one bulkGet and one index walk.
    tiny.forEach((list, i) => expect(list.length).toBe(big[i]!.length - 2));
    for (const list of big) expect(list.length).toBeLessThanOrEqual(8);
    // New orders: their writes are one bulk request per table.
    expect(big[0]!.filter((c) => c.startsWith('orders.mutate'))).toEqual(['orders.mutate.put']);
    // The history: one request per ingest that changed something, none for the unchanged page.
    expect(big.map((list) => list.filter((c) => c.startsWith('readings.mutate')))).toEqual([
      ['readings.mutate.add'],
      [],
      ['readings.mutate.add'],
    ]);
  });
});
