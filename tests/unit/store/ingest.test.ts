import fc from 'fast-check';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RadarDb } from '../../../src/store/db.ts';
import { dumpAll } from '../../../src/store/dump.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { dispute, freshDb, order, snapshot } from './fixtures.ts';
import { allObservations } from '../../../src/store/history.ts';

const ID = '8212379857492017';
let db: RadarDb;

beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
});

describe('ingest', () => {
  it('stores a new order with its first reading in the history', async () => {
    expect(await ingest(db, snapshot())).toEqual({ changed: 1, flagged: 0 });
    const stored = await db.orders.get(ID);
    expect(stored).toMatchObject({
      status: 'shipped',
      storeName: 'Best Store',
      firstSeenAt: '2026-11-20T10:00:00.000Z',
    });
    const history = await allObservations(db);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ entity: 'order', entityId: ID, orderId: ID, kind: 'order-list', flagged: null });
    expect(history[0]!.changes.status).toEqual({ from: 'unknown', to: 'shipped' });
  });

  it('changes nothing, and records nothing, when the same snapshot comes twice', async () => {
    const s = snapshot({ disputes: [dispute()] });
    expect((await ingest(db, s)).changed).toBe(2);
    const before = await dumpAll(db);
    expect(await ingest(db, s)).toEqual({ changed: 0, flagged: 0 });
    expect(await dumpAll(db)).toEqual(before);
  });

  it('lets a newer reading win per field and records only what changed', async () => {
    await ingest(db, snapshot());
    const later = snapshot({
      readAt: '2026-11-21T10:00:00.000Z',
      orders: [order({ storeName: 'Renamed Store' })],
    });
    expect((await ingest(db, later)).changed).toBe(1);
    expect((await db.orders.get(ID))?.storeName).toBe('Renamed Store');
    const last = (await allObservations(db)).at(-1)!;
    expect(last.changes).toEqual({ storeName: { from: 'Best Store', to: 'Renamed Store' } });
    expect(last.readAt).toBe('2026-11-21T10:00:00.000Z');
  });

  it('does not erase a value a newer page did not show', async () => {
    await ingest(db, snapshot());
    const sparse = order({
      storeName: null,
      total: null,
      placedAt: null,
      lines: [],
      actions: [],
      status: 'unknown',
      statusText: null,
      dates: {
        shippedAt: null,
        completedAt: null,
        protectionEndsAt: '2026-12-30T00:00:00.000Z',
        deliveryGuaranteeAt: null,
      },
    });
    await ingest(db, snapshot({ kind: 'order-detail', readAt: '2026-11-22T00:00:00.000Z', orders: [sparse] }));
    const stored = await db.orders.get(ID);
    expect(stored).toMatchObject({
      status: 'shipped',
      statusText: 'Awaiting delivery',
      storeName: 'Best Store',
      total: { amount: 12.5, currency: 'USD' },
      actions: ['track', 'confirm-received'],
      dates: { shippedAt: '2026-11-05T10:00:00.000Z', protectionEndsAt: '2026-12-30T00:00:00.000Z' },
    });
    expect(stored?.lines).toHaveLength(1);
    expect(stored?.updatedAt).toBe('2026-11-22T00:00:00.000Z');
  });

  it('keeps a line title read elsewhere when a page shows the line without it', async () => {
    await ingest(db, snapshot());
    const line = { lineId: '8212379857502017', title: null, quantity: 3 };
    await ingest(db, snapshot({ readAt: '2026-11-22T00:00:00.000Z', orders: [order({ lines: [line] })] }));
    expect((await db.orders.get(ID))?.lines).toEqual([{ lineId: '8212379857502017', title: 'USB cable', quantity: 3 }]);
  });

  it('flags an order status that moves backwards instead of applying it, once', async () => {
    await ingest(db, snapshot({ orders: [order({ status: 'completed', statusText: 'Completed' })] }));
    const stale = snapshot({
      readAt: '2026-11-21T00:00:00.000Z',
      orders: [order({ status: 'shipped', storeName: 'New name' })],
    });
    expect(await ingest(db, stale)).toEqual({ changed: 1, flagged: 1 });
    const stored = await db.orders.get(ID);
    expect(stored?.status).toBe('completed');
    expect(stored?.statusText).toBe('Completed');
    expect(stored?.storeName).toBe('New name');
    const flagged = (await allObservations(db)).filter((o) => o.flagged);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.flagged).toContain('completed -> shipped');
    expect(flagged[0]!.changes.status).toEqual({ from: 'completed', to: 'shipped' });

    const count = (await allObservations(db)).length;
    expect(await ingest(db, stale)).toEqual({ changed: 0, flagged: 0 });
    expect(await allObservations(db)).toHaveLength(count);
    // The stale page viewed again later is still the same flag, not a new one per view.
    const staleAgain = snapshot({
      readAt: '2026-11-24T00:00:00.000Z',
      url: 'https://m.aliexpress.com/p/order/index.html',
      orders: [order({ status: 'shipped', storeName: 'New name' })],
    });
    expect(await ingest(db, staleAgain)).toEqual({ changed: 0, flagged: 0 });
    expect(await allObservations(db)).toHaveLength(count);
    expect((await db.orders.get(ID))?.status).toBe('completed');
  });

  it('flags a dispute going from refunded back to awaiting the seller', async () => {
    await ingest(db, snapshot({ disputes: [dispute({ status: 'refunded', awaiting: null })] }));
    const stale = snapshot({ readAt: '2026-11-23T00:00:00.000Z', disputes: [dispute({ status: 'awaiting-seller' })] });
    expect((await ingest(db, stale)).flagged).toBe(1);
    expect((await db.disputes.toArray())[0]?.status).toBe('refunded');
  });

  it('accepts the moves a dispute really makes: into a dispute and out of it, negotiation both ways', async () => {
    await ingest(db, snapshot({ orders: [order({ status: 'completed' })] }));
    await ingest(db, snapshot({ readAt: '2026-11-21T00:00:00.000Z', orders: [order({ status: 'in-dispute' })] }));
    expect((await db.orders.get(ID))?.status).toBe('in-dispute');
    await ingest(db, snapshot({ readAt: '2026-11-22T00:00:00.000Z', orders: [order({ status: 'completed' })] }));
    expect((await db.orders.get(ID))?.status).toBe('completed');
    await ingest(
      db,
      snapshot({ readAt: '2026-11-22T00:00:00.000Z', orders: [], disputes: [dispute({ status: 'awaiting-buyer' })] }),
    );
    await ingest(
      db,
      snapshot({ readAt: '2026-11-23T00:00:00.000Z', orders: [], disputes: [dispute({ status: 'awaiting-seller' })] }),
    );
    expect((await db.disputes.toArray())[0]?.status).toBe('awaiting-seller');
    expect((await allObservations(db)).filter((o) => o.flagged !== null)).toEqual([]);
  });

  it('lets a reading older than the stored one fill gaps but not overwrite', async () => {
    await ingest(
      db,
      snapshot({ readAt: '2026-11-21T00:00:00.000Z', orders: [order({ storeName: 'Current', placedAt: null })] }),
    );
    const old = snapshot({
      readAt: '2026-11-19T00:00:00.000Z',
      orders: [order({ storeName: 'Old name', status: 'to-ship' })],
    });
    expect((await ingest(db, old)).changed).toBe(1);
    const stored = await db.orders.get(ID);
    expect(stored?.storeName).toBe('Current');
    expect(stored?.status).toBe('shipped');
    expect(stored?.placedAt).toBe('2026-11-03T10:00:00.000Z');
    expect(stored?.updatedAt).toBe('2026-11-21T00:00:00.000Z');
    expect(stored?.firstSeenAt).toBe('2026-11-19T00:00:00.000Z');
    expect((await allObservations(db)).filter((o) => o.flagged !== null)).toEqual([]);
  });

  it('remembers since when a dispute status holds', async () => {
    await ingest(db, snapshot({ disputes: [dispute()] }));
    await ingest(
      db,
      snapshot({ readAt: '2026-11-24T00:00:00.000Z', disputes: [dispute({ status: 'awaiting-return' })] }),
    );
    await ingest(
      db,
      snapshot({
        readAt: '2026-11-25T00:00:00.000Z',
        disputes: [dispute({ status: 'awaiting-return', awaiting: 'buyer' })],
      }),
    );
    expect((await db.disputes.toArray())[0]?.statusSince).toBe('2026-11-24T00:00:00.000Z');
  });

  it('tracks an order seen only on a dispute page, with a placeholder its own page fills later', async () => {
    expect((await ingest(db, snapshot({ kind: 'dispute-detail', orders: [], disputes: [dispute()] }))).changed).toBe(2);
    expect((await db.orders.get(ID))?.status).toBe('unknown');
    await ingest(db, snapshot({ readAt: '2026-11-20T09:00:00.000Z' }));
    expect((await db.orders.get(ID))?.status).toBe('shipped');
  });

  it('merges a line-less dispute reading into the order’s only dispute, and gives a line-less record its line', async () => {
    await ingest(db, snapshot({ disputes: [dispute({ lineId: null, disputeId: null })] }));
    expect((await db.disputes.toArray()).map((d) => d.key)).toEqual([`${ID}:-`]);
    await ingest(db, snapshot({ readAt: '2026-11-21T00:00:00.000Z', disputes: [dispute()] }));
    const all = await db.disputes.toArray();
    expect(all.map((d) => d.key)).toEqual([`${ID}:8212379857502017`]);
    expect(all[0]?.disputeId).toBe('5012345678901234');
    await ingest(
      db,
      snapshot({ readAt: '2026-11-22T00:00:00.000Z', disputes: [dispute({ lineId: null, status: 'escalated' })] }),
    );
    expect((await db.disputes.toArray()).map((d) => [d.key, d.status])).toEqual([
      [`${ID}:8212379857502017`, 'escalated'],
    ]);
  });

  it('writes nothing at all when any part of the transaction fails', async () => {
    await ingest(db, snapshot());
    const before = await dumpAll(db);
    vi.spyOn(db.readings, 'bulkAdd').mockImplementation(() => Dexie.Promise.reject(new Error('disk full')) as never);
    const next = snapshot({
      readAt: '2026-11-21T00:00:00.000Z',
      orders: [order({ storeName: 'Other' }), order({ orderId: '1234567890' })],
      disputes: [dispute()],
    });
    await expect(ingest(db, next)).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect(await dumpAll(db)).toEqual(before);
  });

  it('counts every order and dispute that changed in a big list page', async () => {
    const orders = Array.from({ length: 50 }, (_, i) => order({ orderId: String(8212379857492100 + i) }));
    expect((await ingest(db, snapshot({ orders }))).changed).toBe(50);
    const renamed = orders.map((o, i) => (i % 5 === 0 ? { ...o, storeName: 'Other' } : o));
    expect((await ingest(db, snapshot({ readAt: '2026-11-21T00:00:00.000Z', orders: renamed }))).changed).toBe(10);
  });
});

describe('ingest, whatever order the readings arrive in', () => {
  const names = [null, 'Alpha', 'Beta', 'Gamma'] as const;
  const reading = fc.record({
    hour: fc.integer({ min: 0, max: 500 }),
    storeName: fc.constantFrom(...names),
    protectionEndsAt: fc.constantFrom(null, '2026-12-01T00:00:00.000Z', '2026-12-20T00:00:00.000Z'),
  });

  it('ends with, per field, the value of the newest reading that showed one; and the last reading again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(reading, { minLength: 1, maxLength: 6, selector: (r) => r.hour }),
        async (readings) => {
          const local = freshDb();
          try {
            const snaps = readings.map((r) =>
              snapshot({
                readAt: new Date(Date.UTC(2026, 10, 1) + r.hour * 3_600_000).toISOString(),
                orders: [
                  order({
                    storeName: r.storeName,
                    dates: {
                      shippedAt: null,
                      completedAt: null,
                      protectionEndsAt: r.protectionEndsAt,
                      deliveryGuaranteeAt: null,
                    },
                  }),
                ],
              }),
            );
            for (const s of snaps) await ingest(local, s);
            const byTime = [...readings].sort((a, b) => b.hour - a.hour);
            const stored = await local.orders.get(ID);
            expect(stored?.storeName).toBe(byTime.find((r) => r.storeName !== null)?.storeName ?? null);
            expect(stored?.dates.protectionEndsAt).toBe(
              byTime.find((r) => r.protectionEndsAt !== null)?.protectionEndsAt ?? null,
            );
            const before = await dumpAll(local);
            expect((await ingest(local, snaps.at(-1)!)).changed).toBe(0);
            expect(await dumpAll(local)).toEqual(before);
          } finally {
            local.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the first sighting of the Escalate button', () => {
  // Written by hand: the same case page read on three days, the button shown from the second.
  const day = (d: number) => `2026-11-2${d}T10:00:00.000Z`;
  const visit = (d: number, canEscalate: boolean) =>
    snapshot({ readAt: day(d), orders: [], disputes: [dispute({ canEscalate, status: 'awaiting-buyer' })] });

  it('is kept from the first reading that showed it, through later visits', async () => {
    await ingest(db, visit(1, false));
    expect((await db.disputes.toArray())[0]!.escalateSeenAt).toBeUndefined();
    await ingest(db, visit(2, true));
    await ingest(db, visit(3, true));
    expect((await db.disputes.toArray())[0]!.escalateSeenAt).toBe(day(2));
  });

  it('moves earlier when an older reading that showed it arrives late', async () => {
    await ingest(db, visit(3, true));
    await ingest(db, visit(2, true));
    expect((await db.disputes.toArray())[0]!.escalateSeenAt).toBe(day(2));
  });
});
