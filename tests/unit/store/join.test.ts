/**
 * Disputes a page names only by their order line or case (a case page whose order number is not
 * readable): held until an order or dispute with that line or case claims them, never guessed.
 * Inputs are written by hand here, from the shapes in ./fixtures.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PageDispute } from '../../../src/model/index.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { ingest, MAX_HELD } from '../../../src/store/ingest.ts';
import { dispute, freshDb, order, snapshot } from './fixtures.ts';
import { allObservations } from '../../../src/store/history.ts';

const ORDER = '8212379857492017';
const LINE = '8212379857502017';
const CASE = '5012345678901234';
const CASE_URL = `https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${LINE}&reverseOrderLineId=${CASE}`;

let db: RadarDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

/** What a case page without a readable order number gives: the line and case from its URL. */
function orphan(over: Partial<PageDispute> = {}): PageDispute {
  return {
    ...dispute({ status: 'awaiting-buyer', awaiting: 'buyer', deadline: '2026-11-24T10:00:00.000Z' }),
    orderId: null,
    via: { lineId: 'url', disputeId: 'url' },
    ...over,
  };
}

const casePage = (d: PageDispute, readAt = '2026-11-22T10:00:00.000Z') =>
  snapshot({ kind: 'dispute-detail', url: CASE_URL, readAt, orders: [], disputes: [d] });

describe('a dispute known only by its line or case', () => {
  it('joins the stored order whose line it names, and keeps no reading notes', async () => {
    await ingest(db, snapshot());
    expect(await ingest(db, casePage(orphan()))).toEqual({ changed: 1, flagged: 0 });
    const stored = await db.disputes.get(`${ORDER}:${LINE}`);
    expect(stored).toMatchObject({ orderId: ORDER, lineId: LINE, status: 'awaiting-buyer', awaiting: 'buyer' });
    expect(stored).not.toHaveProperty('via');
    expect(await db.held.count()).toBe(0);
    const history = (await allObservations(db)).filter(
      (o) => o.entity === 'dispute' && o.entityId === `${ORDER}:${LINE}`,
    );
    expect(history).toHaveLength(1);
  });

  it('joins through a stored dispute with the same case when the page names only the case', async () => {
    // The refund list stored the case with its order and line first.
    await ingest(db, snapshot({ orders: [], disputes: [dispute({ status: 'open', awaiting: null })] }));
    await ingest(db, casePage(orphan({ lineId: null, via: { disputeId: 'url' } })));
    const all = await db.disputes.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ key: `${ORDER}:${LINE}`, status: 'awaiting-buyer', awaiting: 'buyer' });
  });

  it('is held when no order is known, and joins the order when it is read later', async () => {
    await ingest(db, casePage(orphan()));
    expect(await db.disputes.count()).toBe(0);
    expect(await db.orders.count()).toBe(0);
    const held = await db.held.toArray();
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ key: `line:${LINE}`, lineId: LINE, disputeId: CASE, url: CASE_URL });

    // My orders, a day later: the order shows the line.
    await ingest(db, snapshot({ readAt: '2026-11-23T10:00:00.000Z' }));
    expect(await db.held.count()).toBe(0);
    const joined = await db.disputes.get(`${ORDER}:${LINE}`);
    // The held reading keeps its own time: the countdown it read is the page's, from that moment.
    expect(joined).toMatchObject({
      orderId: ORDER,
      status: 'awaiting-buyer',
      deadline: '2026-11-24T10:00:00.000Z',
      firstSeenAt: '2026-11-22T10:00:00.000Z',
    });
  });

  it('fills a held reading from an older one and lets the newer win', async () => {
    await ingest(db, casePage(orphan({ reason: 'not-received', deadline: null }), '2026-11-22T10:00:00.000Z'));
    await ingest(
      db,
      casePage(orphan({ reason: null, status: 'escalated', awaiting: 'aliexpress' }), '2026-11-23T10:00:00.000Z'),
    );
    // An older page read late (a tab left open) does not undo the newer reading.
    await ingest(db, casePage(orphan({ status: 'awaiting-seller', awaiting: 'seller' }), '2026-11-21T10:00:00.000Z'));
    const [held] = await db.held.toArray();
    expect(held).toMatchObject({
      readAt: '2026-11-23T10:00:00.000Z',
      dispute: { status: 'escalated', awaiting: 'aliexpress', reason: 'not-received' },
    });
  });

  it('never guesses: two orders claiming the same line leave the dispute held', async () => {
    const other = '8212379857492099';
    await ingest(db, snapshot({ orders: [order(), order({ orderId: other })] }));
    await ingest(db, casePage(orphan()));
    expect(await db.disputes.count()).toBe(0);
    expect(await db.held.count()).toBe(1);
  });

  it('is not joined to an order whose lines do not include it', async () => {
    await ingest(
      db,
      snapshot({ orders: [order({ lines: [{ lineId: '8212379857509999', title: null, quantity: 1 }] })] }),
    );
    await ingest(db, casePage(orphan()));
    expect(await db.disputes.count()).toBe(0);
    expect(await db.held.count()).toBe(1);
  });

  it('joins within one reading when the same page also shows the order', async () => {
    const page = snapshot({ kind: 'dispute-detail', url: CASE_URL, orders: [order()], disputes: [orphan()] });
    await ingest(db, page);
    expect(await db.disputes.get(`${ORDER}:${LINE}`)).toMatchObject({ status: 'awaiting-buyer' });
    expect(await db.held.count()).toBe(0);
  });

  it(`keeps at most ${MAX_HELD} held disputes, dropping the oldest readings`, async () => {
    for (let i = 0; i < MAX_HELD + 5; i++) {
      const line = String(8212379857600000 + i);
      const readAt = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
      await ingest(db, casePage(orphan({ lineId: line, disputeId: null, via: { lineId: 'url' } }), readAt));
    }
    expect(await db.held.count()).toBe(MAX_HELD);
    expect(await db.held.get('line:8212379857600000')).toBeUndefined();
    expect(await db.held.get(`line:${8212379857600000 + MAX_HELD + 4}`)).toBeDefined();
  });
});

describe("the refund list's open case (status 'open', party unknown)", () => {
  const list = (readAt: string) =>
    snapshot({
      kind: 'dispute-list',
      readAt,
      orders: [],
      disputes: [dispute({ status: 'open', statusText: null, awaiting: null, deadline: null })],
    });

  it('fills a status no page gave yet', async () => {
    await ingest(db, list('2026-11-21T10:00:00.000Z'));
    expect((await db.disputes.get(`${ORDER}:${LINE}`))?.status).toBe('open');
  });

  it('never replaces a status that says whose turn it is, and is not flagged as going backwards', async () => {
    await ingest(db, casePage({ ...orphan(), orderId: ORDER }, '2026-11-21T10:00:00.000Z'));
    expect(await ingest(db, list('2026-11-22T10:00:00.000Z'))).toEqual({ changed: 0, flagged: 0 });
    expect(await db.disputes.get(`${ORDER}:${LINE}`)).toMatchObject({ status: 'awaiting-buyer', awaiting: 'buyer' });
  });

  it('is flagged when it would reopen a refunded case', async () => {
    await ingest(db, casePage({ ...orphan(), orderId: ORDER, status: 'refunded' }, '2026-11-21T10:00:00.000Z'));
    expect(await ingest(db, list('2026-11-22T10:00:00.000Z'))).toMatchObject({ flagged: 1 });
    expect((await db.disputes.get(`${ORDER}:${LINE}`))?.status).toBe('refunded');
  });
});
