/**
 * The dispute reader on pages written by hand (tests/fixtures/handwritten/, see the comment at the
 * top of each): layouts and class names the selectors have never seen, the order number only as
 * text in a labelled row, no order link. Every part must still be read, by meaning, and said so.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageDispute, Problem } from '../../../../src/model/index.ts';
import { pageLocale, readDom, savedFromUrl, type DomResult } from '../../../../src/aliexpress/dom/index.ts';
import { read } from '../../../../src/aliexpress/index.ts';
import { allLocales } from '../../../../src/aliexpress/text/locale-rules.ts';

const HANDWRITTEN_DIR = resolve(import.meta.dirname, '../../../fixtures/handwritten');
const readAt = new Date('2026-11-20T12:00:00.000Z');
const after = (d: number, h: number, m: number, s: number) =>
  new Date(readAt.getTime() + ((d * 24 + h) * 3600 + m * 60 + s) * 1000).toISOString();

const source = (name: string) => readFileSync(resolve(HANDWRITTEN_DIR, `${name}.html`), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function valid(result: DomResult): DomResult {
  for (const d of result.disputes) PageDispute.parse(d);
  for (const p of result.problems) Problem.parse(p);
  return result;
}

/** Reads a page as the content script would: the URL from the page's "saved from" note, the language from `<html lang>`. */
function readPage(html: string, url?: string) {
  const doc = parse(html);
  const at = url ?? savedFromUrl(doc)!;
  const { locale } = pageLocale(doc);
  return { locale, ...valid(readDom(doc, { url: new URL(at), readAt, locale, kind: 'dispute-detail' })) };
}

const meaning = (parts: string[], orderId: string | null) =>
  parts.map((part) => ({ code: 'read-by-meaning', detail: `disputeDetail.${part}`, orderId }));

const PAGES = [
  {
    name: 'dispute-detail--en',
    locale: 'en',
    dispute: {
      orderId: '8203451178801217',
      lineId: '8203451178811217',
      disputeId: '5207788123409916',
      via: { orderId: 'label', lineId: 'url', disputeId: 'url' },
      status: 'awaiting-buyer',
      statusText: 'Waiting for your response',
      awaiting: 'buyer',
      deadline: after(4, 23, 12, 11),
      canEscalate: true,
    },
    byMeaning: ['status', 'awaiting', 'countdown', 'button'],
  },
  {
    name: 'dispute-detail--es',
    locale: 'es',
    dispute: {
      orderId: '8100012345678901',
      lineId: '8100012345612345',
      disputeId: '5100076543210987',
      via: { orderId: 'label', lineId: 'url', disputeId: 'url' },
      status: 'awaiting-buyer',
      statusText: 'Esperando tu respuesta',
      awaiting: 'buyer',
      deadline: after(2, 5, 0, 0),
      canEscalate: true,
    },
    byMeaning: ['status', 'awaiting', 'countdown', 'button'],
  },
  {
    name: 'dispute-detail--pt-BR',
    locale: 'pt-BR',
    dispute: {
      orderId: '8120556677889900',
      lineId: '8120556677880001',
      disputeId: '5120443322110099',
      via: { orderId: 'label', lineId: 'url', disputeId: 'url' },
      status: 'awaiting-buyer',
      statusText: 'Aguardando sua resposta',
      awaiting: 'buyer',
      deadline: after(1, 10, 30, 0),
      canEscalate: true,
    },
    byMeaning: ['status', 'awaiting', 'countdown', 'button'],
  },
  {
    name: 'dispute-detail--ru',
    locale: 'ru',
    dispute: {
      // The URL names the order too; the labelled row agrees, so no problem is raised.
      orderId: '8133224455667788',
      lineId: '8133224455660001',
      disputeId: '5133998877665544',
      via: { orderId: 'url', lineId: 'url', disputeId: 'url' },
      status: 'awaiting-buyer',
      statusText: 'Ожидание вашего ответа',
      awaiting: 'buyer',
      deadline: after(1, 3, 4, 5),
      canEscalate: true,
    },
    byMeaning: ['status', 'awaiting', 'countdown', 'button'],
  },
  {
    name: 'dispute-detail--en-seller',
    locale: 'en',
    dispute: {
      orderId: '8207700223344501',
      lineId: '8207700223344556',
      // No reverseOrderLineId in this URL: the case id comes from issueId.
      disputeId: '5209900112233445',
      via: { orderId: 'label', lineId: 'url', disputeId: 'url' },
      status: 'awaiting-seller',
      statusText: "Waiting for seller's response",
      awaiting: 'seller',
      deadline: after(3, 4, 0, 0),
      canEscalate: false,
    },
    byMeaning: ['status', 'awaiting', 'countdown'],
  },
  {
    name: 'dispute-detail--en-no-escalate',
    locale: 'en',
    dispute: {
      orderId: '8204400556677889',
      lineId: '8204400556670002',
      disputeId: '5204400556679999',
      via: { orderId: 'label', lineId: 'url', disputeId: 'url' },
      status: 'awaiting-return',
      statusText: 'Awaiting return',
      awaiting: null,
      deadline: after(9, 23, 59, 59),
      canEscalate: false,
    },
    byMeaning: ['status', 'countdown'],
  },
] as const;

describe('hand-written dispute pages, read field by field', () => {
  it.each(PAGES)('$name', ({ name, locale, dispute, byMeaning }) => {
    const result = readPage(source(name));
    expect(result.locale).toBe(locale);
    expect(result.orders).toEqual([]);
    expect(result.disputes).toEqual([
      { ...dispute, openedAt: null, reason: null, solution: null, via: { ...dispute.via } },
    ]);
    // One read-by-meaning per part the selectors missed, and nothing else went wrong.
    expect(result.problems).toEqual(meaning([...byMeaning], dispute.orderId));
  });

  it('the full pipeline reads the same page the same way', () => {
    const html = source('dispute-detail--es');
    const snapshot = read(parse(html), savedFromUrl(html)!, readAt);
    expect(snapshot.kind).toBe('dispute-detail');
    expect(snapshot.locale).toBe('es');
    expect(snapshot.disputes.map((d) => [d.orderId, d.lineId, d.disputeId, d.status])).toEqual([
      ['8100012345678901', '8100012345612345', '5100076543210987', 'awaiting-buyer'],
    ]);
  });
});

describe('ids on hand-written pages', () => {
  it('with no label and no link, the dispute is kept by its line and case from the URL, without an order', () => {
    const doc = parse(source('dispute-detail--en'));
    doc.querySelector('.case-facts__k')!.textContent = 'Reference';
    const url = savedFromUrl(doc)!;
    const result = valid(readDom(doc, { url: new URL(url), readAt, locale: 'en', kind: 'dispute-detail' }));
    expect(result.disputes).toHaveLength(1);
    expect(result.disputes[0]).toMatchObject({
      orderId: null,
      lineId: '8203451178811217',
      disputeId: '5207788123409916',
      via: { lineId: 'url', disputeId: 'url' },
      status: 'awaiting-buyer',
    });
    expect(result.disputes[0]!.via).not.toHaveProperty('orderId');
    expect(result.problems.map((p) => p.code)).not.toContain('order-id-missing');
  });

  it("when the URL's order and the label's disagree, the URL wins and the disagreement is named", () => {
    const html = source('dispute-detail--en');
    const url = `${savedFromUrl(html)!}&orderId=8203451178899999`;
    const result = readPage(html, url);
    expect(result.disputes[0]).toMatchObject({ orderId: '8203451178899999', via: { orderId: 'url' } });
    expect(result.problems).toContainEqual({
      code: 'layout-unrecognized',
      detail: 'disputeDetail.orderId label 8203451178801217',
      orderId: '8203451178899999',
    });
  });

  it('a label with a short number, or a long number without a label, gives no order id', () => {
    for (const edit of [
      (doc: Document) => (doc.querySelector('.case-facts__v span')!.textContent = '82034511'),
      (doc: Document) => (doc.querySelector('.case-facts__k')!.textContent = 'Parcel'),
    ]) {
      const doc = parse(source('dispute-detail--en'));
      edit(doc);
      const result = valid(
        readDom(doc, { url: new URL(savedFromUrl(doc)!), readAt, locale: 'en', kind: 'dispute-detail' }),
      );
      expect(result.disputes[0]!.orderId).toBeNull();
    }
  });

  it.each(PAGES)(
    '$name: every id is a run of digits the URL or the page contained, never an unlabelled number',
    ({ name }) => {
      const html = source(name);
      const doc = parse(html);
      const shown = savedFromUrl(doc)! + (doc.body.textContent ?? '').replace(/\s/g, '');
      const { disputes } = readPage(html);
      for (const id of [disputes[0]!.orderId, disputes[0]!.lineId, disputes[0]!.disputeId]) {
        expect(shown).toContain(id);
      }
      for (const decoy of ['1005006543219876', '441234567890123456', '123456789012345', '13800138000']) {
        expect([disputes[0]!.orderId, disputes[0]!.lineId, disputes[0]!.disputeId]).not.toContain(decoy);
      }
    },
  );

  it.each([...allLocales().locales.keys()])(
    '%s: a labelled row in each of its label spellings gives the order number',
    (locale) => {
      // Rows generated from the locale file's own labels, in three layouts a page uses.
      for (const label of allLocales().locales.get(locale)!.orderNumber) {
        for (const row of [
          `<p>${label}: 8100 0000 1111 2222 <span>Copy</span></p>`,
          `<dl><dt>${label}</dt><dd>8100000011112222<button>Copy</button></dd></dl>`,
          `<div><div><span>${label}</span></div><div>8100000011112222</div></div>`,
        ]) {
          const doc = parse(`<html><body><div class="q-state">Waiting for your response</div>${row}</body></html>`);
          const url = new URL(
            'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8100000011113333',
          );
          const [d] = valid(readDom(doc, { url, readAt, locale: null, kind: 'dispute-detail' })).disputes;
          expect(d?.orderId, `${locale} ${row}`).toBe('8100000011112222');
        }
      }
    },
  );
});

describe('broken and foreign pages', () => {
  it('half a page: what is there is read, what is missing is missing, nothing is made up', () => {
    const html = source('dispute-detail--en');
    const top = html.slice(0, html.indexOf('<section class="case-facts">'));
    const result = readPage(top);
    expect(result.disputes).toHaveLength(1);
    expect(result.disputes[0]).toMatchObject({
      orderId: null,
      lineId: '8203451178811217',
      status: 'awaiting-buyer',
      deadline: after(4, 23, 12, 11),
      canEscalate: true,
    });
    const head = html.slice(0, html.indexOf('<main'));
    const headOnly = readPage(head);
    expect(headOnly.disputes).toEqual([]);
    expect(headOnly.problems).toEqual([{ code: 'layout-unrecognized', detail: 'disputeDetail.status', orderId: null }]);
  });

  it("another site's page at a dispute URL gives no dispute, even with an order number and a clock on it", () => {
    // Written by hand for this test: a shop that is not AliExpress.
    const html =
      '<html lang="en"><body><h1>Example Shop</h1><p>Order number: 1234 5678 9012 3456</p>' +
      '<p>Delivery slot: 14:30</p><button>Escalate</button></body></html>';
    const result = readPage(
      html,
      'https://trade.aliexpress.com/issue/fastissue/Detail.htm?reverseOrderLineId=5100000000000001',
    );
    expect(result.disputes).toEqual([]);
    expect(result.problems).toEqual([
      { code: 'layout-unrecognized', detail: 'disputeDetail.status', orderId: '1234567890123456' },
    ]);
    expect(read(parse(html), 'https://shop.example.com/orders/1234567890123456', readAt)).toMatchObject({
      kind: 'other',
      disputes: [],
    });
  });

  it('a clock far from the status, with no text introducing it, is not taken for the countdown', () => {
    const doc = parse(source('dispute-detail--en'));
    doc.querySelector('.case-head__clock')!.remove();
    const result = valid(
      readDom(doc, { url: new URL(savedFromUrl(doc)!), readAt, locale: 'en', kind: 'dispute-detail' }),
    );
    // The negotiation's "14:05" sits in another section.
    expect(result.disputes[0]!.deadline).toBeNull();
    expect(result.problems.map((p) => p.detail)).not.toContain('disputeDetail.countdown');
  });
});

describe('hand-written pages changed at random', () => {
  // Texts generated by fast-check, plus labels, numbers and countdowns picked by hand to land next to each other.
  const text = fc.oneof(
    fc.constantFrom('Order number', 'Order ID:', 'Номер заказа №', 'Número do pedido', '8100 0000 1111 2222', 'Copy'),
    fc.constantFrom('4 days 23:12:11', '14:05', 'Time left:', 'Escalate', 'Waiting for your response', ''),
    fc.string({ maxLength: 24 }),
  );
  const edit = fc.record({ at: fc.nat({ max: 1000 }), drop: fc.boolean(), text });

  it.each(PAGES.map((p) => p.name))(
    '%s: never throws, always validates, takes ids only from the URL and the page',
    (name) => {
      const html = source(name);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
          const doc = parse(html);
          const url = savedFromUrl(doc)!;
          for (const e of edits) {
            const all = doc.body.querySelectorAll('*');
            const el = all[e.at % Math.max(all.length, 1)];
            if (!el) continue;
            if (e.drop) el.remove();
            else el.textContent = e.text;
          }
          const { locale } = pageLocale(doc);
          const result = valid(readDom(doc, { url: new URL(url), readAt, locale, kind: 'dispute-detail' }));
          const shown = url + (doc.body.textContent ?? '').replace(/\s/g, '');
          for (const d of result.disputes) {
            for (const id of [d.orderId, d.lineId, d.disputeId]) if (id) expect(shown).toContain(id);
          }
        }),
        { numRuns: 150 },
      );
    },
  );
});
