import { describe, expect, it } from 'vitest';
import { Dispute } from '../../../../src/model/index.ts';
import { readRefundList } from '../../../../src/pages/json/refund-list.ts';
import { capture } from './fixtures.ts';

const ctx = {
  url: 'https://m.aliexpress.com/p/refund-dispute/list.html',
  locale: null,
  readAt: new Date('2026-09-07T12:00:00Z'),
};
const blank = {
  statusText: null,
  awaiting: null,
  deadline: null,
  canEscalate: null,
  reason: null,
  solution: null,
  via: { orderId: 'json', lineId: 'json', disputeId: 'json' },
};

describe('readRefundList on the real refund list capture', () => {
  const read = readRefundList(capture('refund-list'), ctx);

  it('reads every reverse order line as a dispute, field by field', () => {
    expect(read.problems).toEqual([]);
    expect(read.orders).toEqual([]);
    // openedAt is gmtCreate as epoch ms (the anonymizer remapped those digits, so it differs from gmtCreateFormat).
    expect(read.disputes).toEqual([
      {
        ...blank,
        orderId: '8144543148947317',
        lineId: '8144101709301607',
        disputeId: '6239649418962814',
        status: 'closed',
        openedAt: '2022-03-24T00:14:47.108Z',
      },
      {
        ...blank,
        orderId: '8143536486605361',
        lineId: '8143355043086413',
        disputeId: '6234417803672596',
        status: 'closed',
        openedAt: '2022-01-31T13:07:59.884Z',
      },
      {
        ...blank,
        orderId: '8142247025479021',
        lineId: '8142306633611334',
        disputeId: '230619598499278',
        status: 'closed',
        openedAt: '2021-12-17T03:15:02.986Z',
      },
    ]);
    for (const d of read.disputes) expect(Dispute.safeParse(d).success).toBe(true);
  });

  type Json = { data: { module: { items: { reverseOrderLines: Record<string, unknown>[] }[] } } };

  it('keeps an in-progress dispute unknown without a problem, and names an unknown code', () => {
    const json = capture('refund-list') as Json;
    json.data.module.items[0]!.reverseOrderLines[0]!.reverseStatus = 2;
    json.data.module.items[1]!.reverseOrderLines[0]!.reverseStatus = 17;
    const r = readRefundList(json, ctx);
    expect(r.disputes.map((d) => d.status)).toEqual(['unknown', 'unknown', 'closed']);
    expect(r.problems).toEqual([{ code: 'unknown-status', detail: 'reverseStatus 17', orderId: '8143536486605361' }]);
  });

  it('skips a line without an order id and reports where it was', () => {
    const json = capture('refund-list') as Json;
    json.data.module.items[2]!.reverseOrderLines[0]!.tradeOrderId = 'n/a';
    const r = readRefundList(json, ctx);
    expect(r.disputes).toHaveLength(2);
    expect(r.problems).toEqual([
      { code: 'order-id-missing', detail: 'data.module.items[2].reverseOrderLines[0].tradeOrderId', orderId: null },
    ]);
  });

  it('reports a missing module as json-invalid with its path', () => {
    const r = readRefundList({ data: {} }, ctx);
    expect(r.disputes).toEqual([]);
    expect(r.problems[0]).toMatchObject({ code: 'json-invalid' });
    expect(r.problems[0]!.detail).toContain('data.module');
  });
});
