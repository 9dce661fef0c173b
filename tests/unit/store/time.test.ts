import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RadarDb } from '../../../src/store/db.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { backgroundFor, SENDERS } from '../messages/background-under-test.ts';
import { freshDb, order, snapshot } from './fixtures.ts';

// Every snapshot here is written by hand for this test (tests/unit/store/fixtures.ts).
const ID = '8212379857492017';
let db: RadarDb;

beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

describe('times are compared as instants, not as text', () => {
  it('keeps a newer value over an older one written with a +14:00 offset', async () => {
    await ingest(db, snapshot({ readAt: '2026-11-21T10:00:00.000Z', orders: [order({ storeName: 'Newer' })] }));
    // 20:00 at +14:00 is 06:00 UTC: four hours older, though it sorts later as text.
    const older = snapshot({ readAt: '2026-11-21T20:00:00+14:00', orders: [order({ storeName: 'Older' })] });
    await ingest(db, older);
    const stored = await db.orders.get(ID);
    expect(stored?.storeName).toBe('Newer');
    expect(stored?.updatedAt).toBe('2026-11-21T10:00:00.000Z');
  });

  it('normalises a reading with an offset to UTC on arrival', async () => {
    const bg = backgroundFor(db, new Date('2026-11-22T12:00:00.000Z'));
    const answer = await bg.send('snapshot', snapshot({ readAt: '2026-11-21T20:00:00+14:00' }), SENDERS.contentScript);
    expect(answer).toMatchObject({ ok: true, data: { accepted: true } });
    expect((await db.orders.get(ID))?.updatedAt).toBe('2026-11-21T06:00:00.000Z');
  });

  it('refuses a reading made more than a day in the future, and stores nothing of it', async () => {
    const bg = backgroundFor(db, new Date('2026-11-22T12:00:00.000Z'));
    const answer = await bg.send('snapshot', snapshot({ readAt: '2026-11-23T13:00:00.000Z' }), SENDERS.contentScript);
    expect(answer).toEqual({ ok: true, data: { accepted: false, changed: 0, problems: [] } });
    expect(await db.orders.count()).toBe(0);
    const soon = await bg.send('snapshot', snapshot({ readAt: '2026-11-23T11:00:00.000Z' }), SENDERS.contentScript);
    expect(soon).toMatchObject({ ok: true, data: { accepted: true, changed: 1 } });
  });
});
