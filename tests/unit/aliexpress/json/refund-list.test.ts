import { describe, expect, it } from 'vitest';
import { PageDispute } from '../../../../src/model/index.ts';
import { readRefundList } from '../../../../src/aliexpress/json/refund-list.ts';
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

type Line = Record<string, unknown>;
type Json = { data: { module: { items: { reverseOrderLines: Line[] }[] } } };
/** A fresh copy of the real capture tests/fixtures/real/refund-list.json, to change in one test. */
const fresh = () => capture('refund-list') as Json;
/** The capture's first line alone, with `change` applied: the variants below are derived from it. */
function oneLine(change: (line: Line) => void): Json {
  const json = fresh();
  json.data.module.items = json.data.module.items.slice(0, 1);
  change(json.data.module.items[0]!.reverseOrderLines[0]!);
  return json;
}
const TEXT_FIELDS = ['reverseStatusText', 'reverseDetailStatusText', 'refundNewestStatus'];

describe('readRefundList on the real refund list capture', () => {
  const read = readRefundList(capture('refund-list'), ctx);

  it('reads every reverse order line as a dispute, field by field', () => {
    expect(read.problems).toEqual([]);
    expect(read.orders).toEqual([]);
    // Every line of the capture carries reverseStatus 4 and none of the status texts. SOURCE.md's
    // "reverseStatus: 1" is the request's filter (upstream src/aliexpress/refunds.ts: 1 = the whole
    // history, 4 = the completed tab), not a line's code. So `closed`: finished, and the list does not
    // say whether money came back.
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
    for (const d of read.disputes) expect(PageDispute.safeParse(d).success).toBe(true);
  });

  it('reads the same from the answer’s data alone', () => {
    expect(readRefundList(fresh().data, ctx)).toEqual(read);
  });

  it('reads items that are reverse lines themselves, not holders of reverseOrderLines', () => {
    // Derived from the capture: each item replaced by its only line.
    const json = fresh() as unknown as { data: { module: { items: unknown[] } } };
    json.data.module.items = fresh().data.module.items.map((i) => i.reverseOrderLines[0]);
    expect(readRefundList(json, ctx)).toEqual(read);
  });
});

describe('readRefundList statuses (lines derived from the capture)', () => {
  const cases: [number | string, string][] = [
    [1, 'open'],
    [2, 'open'],
    [3, 'open'],
    ['3', 'open'],
    [4, 'closed'],
  ];
  for (const [code, status] of cases) {
    it(`reverseStatus ${JSON.stringify(code)} without a text is ${status}, nobody named as awaited`, () => {
      const r = readRefundList(
        oneLine((l) => (l.reverseStatus = code)),
        ctx,
      );
      expect(r.problems).toEqual([]);
      expect(r.disputes).toHaveLength(1);
      expect(r.disputes[0]).toMatchObject({ status, awaiting: null, statusText: null });
      // gmtCreate still gives the clock its start.
      expect(r.disputes[0]!.openedAt).toBe('2022-03-24T00:14:47.108Z');
    });
  }

  it('names an unknown or missing code as unknown-status and keeps the dispute', () => {
    for (const code of [17, undefined]) {
      const r = readRefundList(
        oneLine((l) => (l.reverseStatus = code)),
        ctx,
      );
      expect(r.disputes.map((d) => [d.orderId, d.status])).toEqual([['8144543148947317', 'unknown']]);
      expect(r.problems).toEqual([
        { code: 'unknown-status', detail: `reverseStatus ${code ?? 'missing'}`, orderId: '8144543148947317' },
      ]);
    }
  });

  // Texts from rules/locales/en.json and pt-BR.json, the words the list and case pages show.
  for (const field of TEXT_FIELDS) {
    it(`takes the status and the awaited party from ${field} over the code`, () => {
      const seller = readRefundList(
        oneLine((l) => Object.assign(l, { reverseStatus: 2, [field]: "Waiting for seller's response" })),
        ctx,
      );
      expect(seller.problems).toEqual([]);
      expect(seller.disputes[0]).toMatchObject({
        status: 'awaiting-seller',
        awaiting: 'seller',
        statusText: "Waiting for seller's response",
      });
      const refunded = readRefundList(
        oneLine((l) => Object.assign(l, { reverseStatus: 4, [field]: 'Refund complete' })),
        ctx,
      );
      expect(refunded.disputes[0]).toMatchObject({ status: 'refunded', awaiting: null, statusText: 'Refund complete' });
      const buyer = readRefundList(
        oneLine((l) => Object.assign(l, { reverseStatus: 1, [field]: 'Aguardando sua resposta' })),
        ctx,
      );
      expect(buyer.disputes[0]).toMatchObject({ status: 'awaiting-buyer', awaiting: 'buyer' });
    });
  }

  it('reads the legacy "Refund Completed" as refunded', () => {
    // The legacy wording (intl.alipay.com, as the team's RULES-SOURCES.md notes it), written by hand into the line.
    const r = readRefundList(
      oneLine((l) => Object.assign(l, { reverseStatus: 4, reverseDetailStatusText: 'Refund Completed' })),
      ctx,
    );
    expect(r.disputes[0]).toMatchObject({ status: 'refunded', statusText: 'Refund Completed' });
  });

  it('reads who must act from a text that names only the party', () => {
    // "We're reviewing your request" is AliExpress's turn: escalated, awaiting AliExpress.
    const r = readRefundList(
      oneLine((l) => Object.assign(l, { reverseStatus: 2, reverseStatusText: "We're reviewing your request" })),
      ctx,
    );
    expect(r.disputes[0]).toMatchObject({ status: 'escalated', awaiting: 'aliexpress' });
  });

  it('prefers the first text that names a status, in field order', () => {
    const r = readRefundList(
      oneLine((l) =>
        Object.assign(l, {
          reverseStatus: 2,
          reverseStatusText: 'Returns & refunds',
          reverseDetailStatusText: 'Dispute closed',
          refundNewestStatus: 'Refund complete',
        }),
      ),
      ctx,
    );
    expect(r.disputes[0]).toMatchObject({ status: 'closed', statusText: 'Dispute closed' });
  });

  it('keeps an unknown text with the code’s status, and names both when the code is unknown too', () => {
    const known = readRefundList(
      oneLine((l) => Object.assign(l, { reverseStatus: 3, reverseStatusText: 'Em análise' })),
      ctx,
    );
    expect(known.problems).toEqual([]);
    expect(known.disputes[0]).toMatchObject({ status: 'open', statusText: 'Em análise', awaiting: null });
    const unknown = readRefundList(
      oneLine((l) => Object.assign(l, { reverseStatus: 9, reverseStatusText: 'Em análise' })),
      ctx,
    );
    expect(unknown.disputes[0]).toMatchObject({ status: 'unknown', statusText: 'Em análise' });
    expect(unknown.problems).toEqual([
      { code: 'unknown-status', detail: 'Em análise / reverseStatus 9', orderId: '8144543148947317' },
    ]);
  });

  it('ignores a text field that is not a string', () => {
    const r = readRefundList(
      oneLine((l) => Object.assign(l, { reverseStatus: 4, refundNewestStatus: { text: 'Refund complete' } })),
      ctx,
    );
    expect(r.disputes[0]).toMatchObject({ status: 'closed', statusText: null });
  });
});

describe('readRefundList ids (lines derived from the capture)', () => {
  it('keeps a line named only by its line and case, with an order-id-missing problem', () => {
    const json = fresh();
    json.data.module.items[2]!.reverseOrderLines[0]!.tradeOrderId = 'n/a';
    const r = readRefundList(json, ctx);
    expect(r.disputes).toHaveLength(3);
    expect(r.disputes[2]).toMatchObject({
      orderId: null,
      lineId: '8142306633611334',
      disputeId: '230619598499278',
      via: { lineId: 'json', disputeId: 'json' },
    });
    expect(r.disputes[2]!.via).not.toHaveProperty('orderId');
    expect(PageDispute.safeParse(r.disputes[2]).success).toBe(true);
    expect(r.problems).toEqual([
      { code: 'order-id-missing', detail: 'data.module.items[2].reverseOrderLines[0].tradeOrderId', orderId: null },
    ]);
  });

  it('skips a line with no id at all and says where it was', () => {
    const json = fresh();
    const line = json.data.module.items[2]!.reverseOrderLines[0]!;
    for (const k of ['tradeOrderId', 'tradeOrderLineId', 'reverseOrderLineId', 'buttonDTOList']) delete line[k];
    const r = readRefundList(json, ctx);
    expect(r.disputes.map((d) => d.orderId)).toEqual(['8144543148947317', '8143536486605361']);
    expect(r.problems).toEqual([
      { code: 'order-id-missing', detail: 'data.module.items[2].reverseOrderLines[0].tradeOrderId', orderId: null },
    ]);
  });

  it('reads ids of 12 and 19 digits as strings or safe numbers, and refuses a rounded number', () => {
    // 12 and 19 digits written by hand for this test; 19 digits only survive as a string.
    const r = readRefundList(
      oneLine((l) => Object.assign(l, { tradeOrderId: 814454314894, tradeOrderLineId: '8144101709301607123' })),
      ctx,
    );
    expect(r.disputes[0]).toMatchObject({ orderId: '814454314894', lineId: '8144101709301607123' });
    const rounded = readRefundList(
      oneLine((l) => (l.tradeOrderId = JSON.parse('8144543148947317123'))),
      ctx,
    );
    expect(rounded.disputes[0]!.orderId).toBeNull();
    expect(rounded.problems.map((p) => p.code)).toEqual(['order-id-missing']);
  });
});

describe('readRefundList on broken answers', () => {
  it('reports a missing module as json-invalid with its path', () => {
    const r = readRefundList({ data: {} }, ctx);
    expect(r.disputes).toEqual([]);
    expect(r.problems[0]).toMatchObject({ code: 'json-invalid' });
    expect(r.problems[0]!.detail).toContain('data.module');
  });

  it('names an item that is neither a holder of lines nor a line, and reads the others', () => {
    const json = fresh() as unknown as { data: { module: { items: unknown[] } } };
    json.data.module.items.splice(1, 0, { shopName: 'Banner' }, 'x');
    const r = readRefundList(json, ctx);
    expect(r.disputes).toHaveLength(3);
    expect(r.problems).toEqual([
      { code: 'order-id-missing', detail: 'data.module.items[1].tradeOrderId', orderId: null },
      { code: 'json-invalid', detail: 'data.module.items[2]: expected object', orderId: null },
    ]);
  });

  it('reads a line whose fields have unexpected types, leaving those null', () => {
    const r = readRefundList(
      oneLine((l) => Object.assign(l, { gmtCreate: { ms: 1 }, tradeOrderLineId: [1], reverseStatus: true })),
      ctx,
    );
    expect(r.disputes[0]).toMatchObject({
      orderId: '8144543148947317',
      lineId: null,
      openedAt: null,
      status: 'unknown',
    });
    expect(r.problems).toEqual([{ code: 'unknown-status', detail: 'reverseStatus true', orderId: '8144543148947317' }]);
  });
});
