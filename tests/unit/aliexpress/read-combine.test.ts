import { describe, expect, it } from 'vitest';
import type { Dispute, Order } from '../../../src/model/index.ts';
import { combineDisputes, combineOrders, combineProblems } from '../../../src/aliexpress/combine.ts';
import { read } from '../../../src/aliexpress/read.ts';
import { FIXTURE_CLOCK } from '../../site/data.ts';
import { ALL_PAGES, loadFixture } from './dom/fixtures.ts';

const order = (over: Partial<Order>): Order => ({
  orderId: '8212313961591322',
  status: 'unknown',
  statusText: null,
  placedAt: null,
  storeName: null,
  total: null,
  lines: [],
  actions: [],
  dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
  ...over,
});

const dispute = (over: Partial<Dispute>): Dispute => ({
  orderId: '8144543148947317',
  lineId: null,
  disputeId: null,
  status: 'unknown',
  statusText: null,
  awaiting: null,
  deadline: null,
  canEscalate: null,
  openedAt: null,
  reason: null,
  solution: null,
  ...over,
});

describe('combineOrders', () => {
  it('fills what one source lacks and never overwrites a value with null', () => {
    const dom = order({ status: 'completed', statusText: 'Completed', storeName: 'Vega Store' });
    const json = order({ placedAt: '2026-07-15T00:00:00.000Z', total: { amount: 132.74, currency: 'BRL' } });
    const both = {
      status: 'completed',
      statusText: 'Completed',
      storeName: 'Vega Store',
      placedAt: '2026-07-15T00:00:00.000Z',
    };
    expect(combineOrders([dom], [json])[0]).toMatchObject({ ...both, total: { amount: 132.74, currency: 'BRL' } });
    expect(combineOrders([json], [dom])[0]).toMatchObject(both);
  });

  it('keeps the first source where both have a value', () => {
    const [m] = combineOrders(
      [order({ storeName: 'A', status: 'shipped' })],
      [order({ storeName: 'B', status: 'completed' })],
    );
    expect(m).toMatchObject({ storeName: 'A', status: 'shipped' });
  });

  it('merges lines by id, by position when one side lacks ids, and unions actions', () => {
    const a = order({ lines: [{ lineId: null, title: 'T1', quantity: null }], actions: ['track'] });
    const b = order({
      lines: [{ lineId: '8212840438652111', title: null, quantity: 1 }],
      actions: ['buy-again', 'track'],
    });
    expect(combineOrders([a], [b])[0]).toMatchObject({
      lines: [{ lineId: '8212840438652111', title: 'T1', quantity: 1 }],
      actions: ['track', 'buy-again'],
    });
    const c = order({ lines: [{ lineId: '1111111111', title: 'A', quantity: 1 }] });
    const d = order({
      lines: [
        { lineId: '2222222222', title: 'B', quantity: 1 },
        { lineId: '1111111111', title: 'A2', quantity: 3 },
      ],
    });
    expect(combineOrders([c], [d])[0]!.lines).toEqual([
      { lineId: '1111111111', title: 'A', quantity: 1 },
      { lineId: '2222222222', title: 'B', quantity: 1 },
    ]);
  });

  it('keeps different orders apart, in first-seen order', () => {
    const ids = combineOrders(
      [order({ orderId: '111111111' })],
      [order({ orderId: '222222222' }), order({ orderId: '111111111' })],
    );
    expect(ids.map((o) => o.orderId)).toEqual(['111111111', '222222222']);
  });
});

describe('combineDisputes', () => {
  it('merges by order id and line id', () => {
    const list = dispute({ lineId: '8144101709301607', disputeId: '6239649418962814', status: 'closed' });
    const page = dispute({ lineId: '8144101709301607', awaiting: 'seller', canEscalate: false });
    const other = dispute({ lineId: '8144101709309999' });
    const merged = combineDisputes([list, other], [page]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      disputeId: '6239649418962814',
      status: 'closed',
      awaiting: 'seller',
      canEscalate: false,
    });
  });

  it('joins a dispute without a line id to the lone dispute of its order only', () => {
    const lone = combineDisputes([dispute({ lineId: '8144101709301607' })], [dispute({ reason: 'Not received' })]);
    expect(lone).toEqual([dispute({ lineId: '8144101709301607', reason: 'Not received' })]);
    const two = combineDisputes(
      [dispute({ lineId: '1111111111' }), dispute({ lineId: '2222222222' })],
      [dispute({ reason: 'x' })],
    );
    expect(two).toHaveLength(3);
  });
});

describe('combineProblems', () => {
  it('drops exact repeats only', () => {
    const p = { code: 'unknown-status' as const, detail: 'X', orderId: '1' };
    expect(combineProblems([p], [p, { ...p, orderId: '2' }])).toEqual([p, { ...p, orderId: '2' }]);
  });
});

describe('read() on a dispute page with its own answer', () => {
  const page = loadFixture(ALL_PAGES.find((p) => p.lang === 'en' && p.name === 'dispute-detail')!);
  // Written by hand: the case answer of that page, naming the dispute by its line only.
  const answer = (lineId: string) => ({
    data: { module: { tradeOrderLineId: lineId, gmtCreate: '1788000000000', reverseStatusText: 'Refund complete' } },
  });
  const api = 'mtop.aliexpress.issue.detail.get';

  it('merges the DOM dispute and the JSON dispute of the same line into one', () => {
    const s = read(page.doc, page.url, FIXTURE_CLOCK, { tapped: [{ json: answer('8100009876553128'), api }] });
    expect(s.disputes).toHaveLength(1);
    expect(s.disputes[0]).toMatchObject({
      orderId: '8100009876543128',
      lineId: '8100009876553128',
      disputeId: '5100007901234568',
      // The page's own status stays: the DOM was read first.
      status: 'awaiting-buyer',
      canEscalate: true,
      openedAt: new Date(1788000000000).toISOString(),
    });
    expect(s.disputes[0]!.deadline).not.toBeNull();
  });

  it('keeps a JSON dispute of another line apart', () => {
    const s = read(page.doc, page.url, FIXTURE_CLOCK, { tapped: [{ json: answer('8100009876559999'), api }] });
    expect(s.disputes.map((d) => [d.orderId, d.lineId, d.status])).toEqual([
      ['8100009876543128', '8100009876553128', 'awaiting-buyer'],
      [null, '8100009876559999', 'refunded'],
    ]);
  });
});
