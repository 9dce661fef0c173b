import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageDispute, Problem } from '../../../../src/model/index.ts';
import { MAX_NODES, readDisputeAnswer } from '../../../../src/aliexpress/json/dispute.ts';
import { readJson, type JsonContext } from '../../../../src/aliexpress/json/index.ts';
import { read } from '../../../../src/aliexpress/read.ts';

const URL_CASE =
  'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8100009876553128&reverseOrderLineId=5100007901234568';
const readAt = new Date('2026-09-07T12:00:00.000Z');
const ctx = (locale: string | null = null): JsonContext => ({ url: URL_CASE, locale, readAt });
const later = (ms: number) => new Date(readAt.getTime() + ms).toISOString();

/** Every result is what the model accepts, and every id it holds is a run of digits the answer contained. */
function checked(json: unknown, result: ReturnType<typeof readJson>) {
  const text = JSON.stringify(json);
  for (const d of result.disputes) {
    expect(PageDispute.safeParse(d).success, JSON.stringify(d)).toBe(true);
    for (const id of [d.orderId, d.lineId, d.disputeId]) if (id !== null) expect(text).toContain(id);
  }
  for (const p of result.problems) expect(Problem.safeParse(p).success).toBe(true);
  return result;
}

// Written by hand for this test: a case page answer as AliExpress's mtop answers are shaped
// (envelope, data.module, ids as strings, times as ms strings, a countdown in ms), texts in pt-BR.
const CASE_PT_BR = {
  api: 'mtop.aliexpress.issue.detail.get',
  v: '1.0',
  ret: ['SUCCESS::call succeeded'],
  data: {
    module: {
      issueInfo: {
        issueId: 6239649418962814,
        reverseOrderLineId: '5100007901234568',
        tradeOrderLineId: '8100009876553128',
        reverseStatusText: 'Aguardando resposta do vendedor',
        reverseDetailStatusText: 'Aguardando a resposta do vendedor',
        gmtCreate: '1788000000000',
        gmtModified: '1788300000000',
        countdown: 273_600_000,
      },
      orderInfo: { tradeOrderId: '8100009876543128', storeName: 'Cute Phone Case Store' },
      buttonList: [
        { type: 'CANCEL_REQUEST', text: 'Cancelar solicitação' },
        { type: 'ESCALATE_DISPUTE', text: 'Escalar disputa' },
      ],
    },
  },
};

describe('the dispute answer reader', () => {
  it('reads a pt-BR case answer: ids, status, party, opened time, countdown and Escalate', () => {
    const r = checked(CASE_PT_BR, readJson(CASE_PT_BR, undefined, ctx('pt-BR')));
    expect(r.problems).toEqual([]);
    expect(r.disputes).toEqual([
      {
        orderId: '8100009876543128',
        lineId: '8100009876553128',
        disputeId: '5100007901234568',
        status: 'awaiting-seller',
        statusText: 'Aguardando resposta do vendedor',
        awaiting: 'seller',
        deadline: later(273_600_000),
        canEscalate: true,
        openedAt: new Date(1788000000000).toISOString(),
        reason: null,
        solution: null,
        via: { orderId: 'json', lineId: 'json', disputeId: 'json' },
      },
    ]);
  });

  it('reads the same answer when the page language is unknown, trying every language', () => {
    const [d] = readJson(CASE_PT_BR, undefined, ctx(null)).disputes;
    expect(d).toMatchObject({ status: 'awaiting-seller', awaiting: 'seller', canEscalate: true });
  });

  it('takes ids given as numbers and refuses numbers that lost digits, 30-digit strings and non-digits', () => {
    // Written by hand: one id per form an answer might carry.
    const json = {
      data: {
        module: {
          reverseOrderId: 5100007901234500,
          // What JSON.parse makes of 8100009876553128123: a number that lost its last digits.
          tradeOrderLineId: Number('8100009876553128123'),
          orderLineId: '8100009876553128',
          tradeOrderId: '810000987654312800000000000000',
          orderId: 'A8100009876543128',
        },
      },
    };
    const r = checked(json, readDisputeAnswer(json, ctx()));
    expect(r.disputes).toHaveLength(1);
    expect(r.disputes[0]).toMatchObject({ orderId: null, lineId: '8100009876553128', disputeId: '5100007901234500' });
    expect(r.disputes[0]!.via).toEqual({ lineId: 'json', disputeId: 'json' });
  });

  it('makes no dispute from an object whose only ids are invalid', () => {
    // Written by hand: a 30-digit case id and an id beyond 2^53 are the only ids.
    const json = { reverseOrderLineId: '123456789012345678901234567890', tradeOrderLineId: 2 ** 60, statusText: 'x' };
    expect(readDisputeAnswer(json, ctx()).disputes).toEqual([]);
  });

  it('reads several disputes of one answer apart, each with the order that holds it', () => {
    // Written by hand: a refund list as a case page might load it, two orders, three lines.
    const json = {
      data: {
        statusText: 'Disputa encerrada',
        orders: [
          {
            tradeOrderId: '8100000000000001',
            lines: [
              { tradeOrderLineId: '8100000000000011', reverseStatusText: 'Reembolso concluído' },
              { tradeOrderLineId: '8100000000000012', reverseOrderLineId: '5100000000000012', leftTime: '86400000' },
            ],
          },
          { orderId: 8100000000000002, reverseOrderLineId: 5100000000000021 },
        ],
      },
    };
    const r = checked(json, readDisputeAnswer(json, ctx('pt-BR')));
    expect(r.disputes.map((d) => [d.orderId, d.lineId, d.disputeId, d.status, d.deadline])).toEqual([
      ['8100000000000002', null, '5100000000000021', 'unknown', null],
      ['8100000000000001', '8100000000000011', null, 'refunded', null],
      ['8100000000000001', '8100000000000012', '5100000000000012', 'unknown', later(86_400_000)],
    ]);
  });

  it('gives what lies outside the dispute object to the lone dispute only', () => {
    // Written by hand: the status block beside the case block, not inside it.
    const one = {
      data: { caseInfo: { reverseOrderLineId: '5100000000000031' }, status: { statusText: 'Disputa encerrada' } },
    };
    expect(readDisputeAnswer(one, ctx('pt-BR')).disputes[0]).toMatchObject({ status: 'closed' });
  });

  it.each([
    ['remainSeconds', 432_000, later(432_000_000)],
    ['leftTimeMs', 3_600_000, later(3_600_000)],
    ['timeoutTime', '1788500000000', new Date(1788500000000).toISOString()],
    ['countDown', '273600000', later(273_600_000)],
    ['countdown', '4 dias 23:12:11', later(4 * 86_400_000 + 23 * 3_600_000 + 12 * 60_000 + 11_000)],
  ])('turns %s = %j into a deadline', (key, value, deadline) => {
    // Written by hand: one countdown field per form.
    const json = { reverseOrderLineId: '5100000000000041', [key]: value };
    expect(readDisputeAnswer(json, ctx('pt-BR')).disputes[0]!.deadline).toBe(deadline);
  });

  it('names a countdown it cannot tell the unit of instead of guessing', () => {
    // Written by hand: 3600 is an hour in seconds or 3.6 s in ms.
    const r = readDisputeAnswer({ reverseOrderLineId: '5100000000000051', leftTime: 3600 }, ctx());
    expect(r.disputes[0]!.deadline).toBeNull();
    expect(r.problems).toEqual([{ code: 'countdown-unparsed', detail: 'lefttime: 3600', orderId: null }]);
  });

  it('says no Escalate when a button list lacks it, and does not know without one', () => {
    // Written by hand.
    const without = { reverseOrderLineId: '5100000000000061', buttons: [{ actionType: 'CANCEL_REQUEST' }] };
    expect(readDisputeAnswer(without, ctx()).disputes[0]!.canEscalate).toBe(false);
    expect(readDisputeAnswer({ reverseOrderLineId: '5100000000000061' }, ctx()).disputes[0]!.canEscalate).toBeNull();
    const byText = { reverseOrderLineId: '5100000000000061', actionList: [{ name: 'Escalate dispute' }] };
    expect(readDisputeAnswer(byText, ctx('en')).disputes[0]!.canEscalate).toBe(true);
    const ptText = { reverseOrderLineId: '5100000000000061', actionList: [{ buttonText: 'Escalar disputa' }] };
    expect(readDisputeAnswer(ptText, ctx('pt-BR')).disputes[0]!.canEscalate).toBe(true);
    // A label in another language than the page's still counts, as on the DOM side: AliExpress
    // leaves texts untranslated, and a page may declare one language while showing another.
    expect(readDisputeAnswer(ptText, ctx('en')).disputes[0]!.canEscalate).toBe(true);
    const other = { reverseOrderLineId: '5100000000000061', actionList: [{ buttonText: 'Cancelar pedido' }] };
    expect(readDisputeAnswer(other, ctx('en')).disputes[0]!.canEscalate).toBe(false);
    // An Escalate text that is not a button (a step title) is not the button.
    const step = { reverseOrderLineId: '5100000000000061', steps: [{ title: 'Escalate dispute' }] };
    expect(readDisputeAnswer(step, ctx()).disputes[0]!.canEscalate).toBeNull();
  });

  it('keeps an unknown status text and names it', () => {
    // Written by hand: a status code instead of a text.
    const r = readDisputeAnswer({ reverseOrderLineId: '5100000000000071', issueStatus: 'WAIT_SELLER_CONFIRM' }, ctx());
    expect(r.disputes[0]).toMatchObject({ status: 'unknown', statusText: 'WAIT_SELLER_CONFIRM' });
    expect(r.problems).toEqual([{ code: 'unknown-status', detail: 'WAIT_SELLER_CONFIRM', orderId: null }]);
  });
});

describe('the dispute answer reader on hostile answers', () => {
  it('stops at its depth limit on deep nesting', () => {
    // Generated: 100 000 nested objects with a case id at the bottom.
    let deep: Record<string, unknown> = { reverseOrderLineId: '5100000000000081' };
    for (let i = 0; i < 100_000; i++) deep = { module: deep };
    const r = readDisputeAnswer(deep, ctx());
    expect(r.disputes).toEqual([]);
    expect(r.problems.map((p) => p.code)).toEqual(['json-invalid']);
    // Generated: the same depth in arrays.
    let arrays: unknown = [{ reverseOrderLineId: '5100000000000081' }];
    for (let i = 0; i < 100_000; i++) arrays = [arrays];
    const a = readDisputeAnswer(arrays, ctx());
    expect(a.disputes).toEqual([]);
    expect(a.problems.map((p) => p.code)).toEqual(['json-invalid']);
  });

  it('reads at most its node limit of a huge array and a huge object', () => {
    // Generated: a million cases with distinct ids, then an object of 300 000 keys.
    const many = Array.from({ length: 1_000_000 }, (_, i) => ({ reverseOrderLineId: String(5100000000000000 + i) }));
    const r = readDisputeAnswer({ data: many }, ctx());
    expect(r.disputes.length).toBeGreaterThan(0);
    expect(r.disputes.length).toBeLessThan(MAX_NODES);
    expect(r.problems.filter((p) => p.code === 'json-invalid')).toHaveLength(1);
    const wide: Record<string, unknown> = {};
    for (let i = 0; i < 300_000; i++) wide[`k${i}`] = { tradeOrderLineId: String(8100000000000000 + i) };
    const w = readDisputeAnswer(wide, ctx());
    expect(w.disputes.length).toBeLessThan(MAX_NODES);
    expect(w.problems.map((p) => p.code)).toContain('json-invalid');
  });

  it('never throws and never invents an id on generated answers', () => {
    const key = fc.constantFrom(
      'tradeOrderId',
      'orderId',
      'tradeOrderLineId',
      'reverseOrderLineId',
      'issueId',
      'statusText',
      'reverseStatusText',
      'gmtCreate',
      'countdown',
      'leftTime',
      'remainSeconds',
      'buttons',
      'type',
      'text',
      'data',
      'module',
    );
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
      fc.constantFrom('Escalar disputa', 'ESCALATE', 'Aguardando sua resposta', '4 days 23:12:11', '1788000000000'),
    );
    const answer = fc.object({ key, values: [value], maxDepth: 5, maxKeys: 6 });
    fc.assert(
      fc.property(answer, fc.constantFrom(null, 'en', 'pt-BR'), (json, locale) => {
        checked(json, readJson(json, 'mtop.aliexpress.reverse.detail', ctx(locale)));
      }),
      { numRuns: 1500 },
    );
  }, 60_000);
});

describe('readJson routing', () => {
  it('sends dispute, refund and issue APIs to the dispute reader', () => {
    const json = { data: { reverseOrderLineId: '5100000000000091' } };
    for (const api of [
      'mtop.aliexpress.issue.detail.get',
      'mtop.ae.reverse.order.detail',
      'mtop.aliexpress.refund.amount.query',
      'mtop.ae.aftersale.case.get',
    ])
      expect(readJson(json, api, ctx()).disputes, api).toHaveLength(1);
  });

  it('names an answer with no API or an absurd one briefly', () => {
    // Written by hand: an answer without a name, and one whose `api` field is 10 000 characters.
    expect(readJson({ data: {} }, undefined, ctx()).problems).toEqual([
      { code: 'unknown-answer', detail: '(unknown)', orderId: null },
    ]);
    const [p] = readJson({ api: `mtop.${'x'.repeat(10_000)}` }, undefined, ctx()).problems;
    expect(p).toMatchObject({ code: 'unknown-answer' });
    expect(p!.detail!.length).toBeLessThanOrEqual(120);
  });

  it('names each unknown API once, however often its answer arrives', () => {
    const other = { api: 'mtop.aliexpress.member.info', data: { reverseOrderLineId: '5100000000000091' } };
    const tapped = [
      { json: other },
      { json: other },
      { json: { data: {} }, api: 'mtop.aliexpress.cart.count' },
      { json: { data: {} }, api: 'mtop.aliexpress.cart.count' },
    ];
    const s = read({ json: CASE_PT_BR }, URL_CASE, readAt, { tapped });
    expect(s.disputes).toHaveLength(1);
    expect(s.problems).toEqual([
      { code: 'unknown-answer', detail: 'mtop.aliexpress.member.info', orderId: null },
      { code: 'unknown-answer', detail: 'mtop.aliexpress.cart.count', orderId: null },
    ]);
  });
});
