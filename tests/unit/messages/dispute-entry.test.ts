import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { protocol } from '../../../src/messages/protocol.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { dumpAll } from '../../../src/store/dump.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { dispute, freshDb, order, snapshot } from '../store/fixtures.ts';
import { backgroundFor, SENDERS, type BackgroundUnderTest } from './background-under-test.ts';
import { allObservations } from '../../../src/store/history.ts';

// Hand-written: the form values a shopper types on a case page the readers could not read
// (tests/unit/store/fixtures.ts gives the order and the later, readable page's dispute).
const ORDER = '8212379857492017';
const LINE = '8212379857502017';
const CASE = '5012345678901234';
const NOW = new Date('2026-11-22T12:00:00.000Z');
const HOUR = 3_600_000;

let db: RadarDb;
let bg: BackgroundUnderTest;
beforeEach(() => {
  db = freshDb();
  bg = backgroundFor(db, NOW);
});
afterEach(() => db.close());

const form = (over: Record<string, string> = {}) => ({
  awaiting: 'seller',
  daysLeft: '3',
  hoursLeft: '4',
  openedOn: '2026-11-20',
  orderId: ORDER,
  ...over,
});
const entered = (over: Record<string, string> = {}, sender = SENDERS.contentScript) =>
  bg.send('disputeEntered', { form: form(over), lineId: LINE, disputeId: CASE }, sender);

async function ok(name: string, data: unknown, sender = SENDERS.popup) {
  const answer = await bg.send(name, data, sender);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
  expect(protocol[name as keyof typeof protocol].response.safeParse(answer.data).success).toBe(true);
  return answer.data as never;
}

describe('a dispute the shopper tracks themselves', () => {
  it('is stored from the bar as the shopper’s reading, with its countdown, joined to its order', async () => {
    expect(await entered()).toEqual({ ok: true, data: { saved: true, errors: {} } });
    const [stored] = await db.disputes.toArray();
    expect(stored).toMatchObject({
      key: `${ORDER}:${LINE}`,
      disputeId: CASE,
      status: 'awaiting-seller',
      awaiting: 'seller',
      statusVia: 'shopper',
      deadline: new Date(NOW.getTime() + (3 * 24 + 4) * HOUR).toISOString(),
      entered: ['status', 'awaiting', 'deadline', 'openedAt'],
    });
    expect(await db.orders.get(ORDER)).toMatchObject({ orderId: ORDER, status: 'unknown' });
    const [history] = await allObservations(db);
    expect(history).toMatchObject({ via: 'shopper', kind: 'shopper-entry', entity: 'dispute' });
    expect(bg.changes).toEqual(['data']);
  });

  it('gives its deadline in the popup as "you entered this"', async () => {
    await entered();
    const answer = await ok('dashboardSummary', { limit: 20 });
    const entry = (answer as { entries: Array<{ timeline: { deadlines: Array<{ kind: string; source: string }> } }> })
      .entries[0]!;
    expect(entry.timeline.deadlines.find((d) => d.kind === 'seller-response')).toMatchObject({ source: 'shopper' });
  });

  it.each([
    ['negative days', { daysLeft: '-2' }, { daysLeft: 'negative' }],
    ['400 days', { daysLeft: '400' }, { daysLeft: 'too-many-days' }],
    ['a date in the future', { openedOn: '2026-12-30' }, { openedOn: 'date-future' }],
    ['an order number of letters', { orderId: 'ORDERNUMBER' }, { orderId: 'order-not-digits' }],
  ])('refuses a forged message with %s, storing nothing', async (_label, over, errors) => {
    expect(await entered(over)).toEqual({ ok: true, data: { saved: false, errors } });
    expect(await db.disputes.count()).toBe(0);
    expect(await db.orders.count()).toBe(0);
    expect(await allObservations(db)).toEqual([]);
    expect(bg.changes).toEqual([]);
  });

  it('refuses a message that is not the form at all', async () => {
    const answer = await bg.send(
      'disputeEntered',
      { form: { awaiting: 'seller' }, lineId: LINE },
      SENDERS.contentScript,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await db.disputes.count()).toBe(0);
  });

  it('gives way to a later reading of the page, field by field, and keeps the entry in the history', async () => {
    await entered({ daysLeft: '3', awaiting: 'buyer' });
    const page = dispute({
      status: 'awaiting-seller',
      awaiting: 'seller',
      deadline: '2026-11-24T08:00:00.000Z',
      openedAt: null,
    });
    await ingest(
      db,
      snapshot({
        kind: 'dispute-detail',
        url: 'https://trade.aliexpress.com/issue/fastissue/Detail.htm',
        readAt: '2026-11-22T13:00:00.000Z',
        orders: [],
        disputes: [{ ...page, statusVia: 'dom' }],
      }),
    );
    const [stored] = await db.disputes.toArray();
    expect(stored).toMatchObject({
      status: 'awaiting-seller',
      awaiting: 'seller',
      deadline: '2026-11-24T08:00:00.000Z',
      statusVia: 'dom',
      // The page did not show the opening day: the shopper's stays, still marked theirs.
      entered: ['openedAt'],
    });
    const history = await allObservations(db);
    expect(history.map((h) => h.via)).toEqual(['shopper', 'dom']);
    expect(history[0]!.changes.awaiting).toEqual({ from: null, to: 'buyer' });
  });

  it('lets the page move a status the shopper entered backwards (the page knows better)', async () => {
    await entered({ awaiting: 'aliexpress' });
    await ingest(
      db,
      snapshot({
        kind: 'dispute-detail',
        readAt: '2026-11-22T13:00:00.000Z',
        orders: [],
        disputes: [{ ...dispute({ status: 'awaiting-buyer', awaiting: 'buyer' }), statusVia: 'dom' }],
      }),
    );
    expect((await db.disputes.toArray())[0]).toMatchObject({ status: 'awaiting-buyer', awaiting: 'buyer' });
  });

  it('does not let page JSON overrule what the shopper entered', async () => {
    await entered({ awaiting: 'aliexpress' });
    await ingest(
      db,
      snapshot({
        kind: 'dispute-detail',
        readAt: '2026-11-22T13:00:00.000Z',
        orders: [],
        disputes: [{ ...dispute({ status: 'awaiting-seller', awaiting: null, deadline: null }), statusVia: 'json' }],
      }),
    );
    expect((await db.disputes.toArray())[0]).toMatchObject({ status: 'escalated', statusVia: 'shopper' });
  });
});

describe('popup actions', () => {
  beforeEach(async () => {
    await ingest(db, snapshot({ orders: [order()], disputes: [{ ...dispute(), statusVia: 'dom' }] }));
    await bg.send('stepTicked', { orderId: ORDER, stepId: 'photos', done: true });
    bg.changes.length = 0;
  });

  it('"Add a dispute" for a typed order number works from the popup too', async () => {
    const answer = await ok('disputeEntered', {
      form: form({ orderId: '8212379857499999' }),
      lineId: null,
      disputeId: null,
    });
    expect(answer).toEqual({ saved: true, errors: {} });
    expect(await db.disputes.get('8212379857499999:-')).toMatchObject({ statusVia: 'shopper', awaiting: 'seller' });
  });

  it('"Refund received" closes the running dispute as refunded, in the shopper’s words', async () => {
    expect(await ok('disputeRefunded', { orderId: ORDER })).toEqual({ changed: true });
    expect(await db.disputes.get(`${ORDER}:${LINE}`)).toMatchObject({ status: 'refunded', statusVia: 'shopper' });
    expect(bg.changes).toEqual(['data']);
  });

  it('"Stop tracking" forgets the order and Undo restores the exact records', async () => {
    const before = await dumpAll(db);
    const { forgotten } = (await ok('orderForget', { orderId: ORDER })) as { forgotten: unknown };
    expect(await db.orders.count()).toBe(0);
    expect(await db.disputes.count()).toBe(0);
    expect(await db.progress.count()).toBe(0);
    expect(await allObservations(db)).toEqual([]);
    // Through JSON, as runtime messaging carries it.
    expect(await ok('orderRestore', JSON.parse(JSON.stringify(forgotten)))).toEqual({ restored: true });
    expect(await dumpAll(db)).toEqual(before);
  });

  it('refuses a restore whose records belong to another order', async () => {
    const { forgotten } = (await ok('orderForget', { orderId: ORDER })) as {
      forgotten: { disputes: Array<{ orderId: string }> };
    };
    forgotten.disputes[0]!.orderId = '8212379857490000';
    const answer = await bg.send('orderRestore', forgotten);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await db.orders.count()).toBe(0);
  });

  it.each(['disputeRefunded', 'orderForget', 'orderRestore'])('refuses %s from a content script', async (name) => {
    expect(await bg.send(name, { orderId: ORDER }, SENDERS.contentScript)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await db.orders.count()).toBe(1);
  });
});
