import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type RadarDb } from '../../../src/store/db.ts';
import { wipeAll } from '../../../src/store/dump.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { wentToDispute, tickStep } from '../../../src/store/progress.ts';
import { dashboard } from '../../../src/store/queries.ts';
import { writeSettings } from '../../../src/store/settings.ts';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema.ts';
import { dispute, freshDb, order, snapshot } from './fixtures.ts';

const ID = '8212379857492017';
let db: RadarDb;

beforeEach(() => {
  db = freshDb();
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const ids = (list: Awaited<ReturnType<typeof dashboard>>) => list.map((t) => t.order.orderId);

describe('the dashboard, kept between reads', () => {
  it('is read from the database once while nothing changes', async () => {
    await ingest(db, snapshot({ disputes: [dispute()] }));
    const reads = vi.spyOn(db.orders, 'toArray');
    const first = await dashboard(db);
    expect(first).toHaveLength(1);
    expect(first[0]!.disputes).toHaveLength(1);
    expect(await dashboard(db)).toBe(first);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('is read again after an ingest, with what it brought', async () => {
    await ingest(db, snapshot());
    const before = await dashboard(db);
    await ingest(db, snapshot({ readAt: '2026-11-21T10:00:00.000Z', orders: [order({ orderId: '1111111111' })] }));
    const after = await dashboard(db);
    expect(after).not.toBe(before);
    expect(ids(after)).toEqual(['1111111111', ID]);
  });

  it('is read again after a dispute, progress or wipe, and not after a settings change', async () => {
    await ingest(db, snapshot());
    const a = await dashboard(db);
    await writeSettings(db, { ...DEFAULT_SETTINGS, language: 'fr' });
    expect(await dashboard(db)).toBe(a);

    await ingest(db, snapshot({ readAt: '2026-11-21T10:00:00.000Z', disputes: [dispute()] }));
    const b = await dashboard(db);
    expect(b).not.toBe(a);
    expect(b[0]!.disputes).toHaveLength(1);

    await tickStep(db, ID, 'photos', true, '2026-11-22T10:00:00.000Z');
    const c = await dashboard(db);
    expect(c).not.toBe(b);
    expect(c[0]!.progress?.steps).toEqual({ photos: '2026-11-22T10:00:00.000Z' });

    await wentToDispute(db, ID, 'not-received', '2026-11-22T11:00:00.000Z');
    const d = await dashboard(db);
    expect(d[0]!.progress?.wentToDisputeAt).toBe('2026-11-22T11:00:00.000Z');

    await wipeAll(db);
    expect(await dashboard(db)).toEqual([]);
  });

  it('sees a write made through another connection to the same database', async () => {
    await ingest(db, snapshot());
    expect(await dashboard(db)).toHaveLength(1);
    const other = openDb(db.name);
    await other.orders.delete(ID);
    other.close();
    expect(await dashboard(db)).toEqual([]);
  });

  it('is not confused by another database’s writes', async () => {
    await ingest(db, snapshot());
    const first = await dashboard(db);
    const other = freshDb();
    await ingest(other, snapshot());
    expect(await dashboard(db)).toBe(first);
    other.close();
  });

  it('does not keep a read that a write overtook', async () => {
    await ingest(db, snapshot());
    const pending = dashboard(db);
    await ingest(db, snapshot({ readAt: '2026-11-21T10:00:00.000Z', orders: [order({ orderId: '1111111111' })] }));
    await pending;
    expect(ids(await dashboard(db))).toEqual(['1111111111', ID]);
  });
});
