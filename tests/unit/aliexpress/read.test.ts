import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSnapshot, PageSnapshot, SnapshotArrival, type Order } from '../../../src/model/index.ts';
import type { DomReader } from '../../../src/aliexpress/dom-reader.ts';
import { DETECTOR_EXAMPLES, otherExamples } from '../../../src/aliexpress/detect-examples.ts';
import { read } from '../../../src/aliexpress/read.ts';
import { capture } from './json/fixtures.ts';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const readAt = new Date('2026-09-07T12:00:00.000Z');
const empty = { orders: [], disputes: [], problems: [] };

function docWith(html: string, lang?: string): Document {
  const doc = document.implementation.createHTMLDocument('orders');
  if (lang) doc.documentElement.setAttribute('lang', lang);
  doc.body.textContent = html;
  return doc;
}

const domOrder = (over: Partial<Order>): Order => ({
  orderId: '8214398062177351',
  status: 'shipped',
  statusText: 'Awaiting delivery',
  placedAt: null,
  storeName: 'LIMA Store',
  total: null,
  lines: [{ lineId: null, title: 'Cable as the card shows it', quantity: 2 }],
  actions: ['track'],
  dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
  ...over,
});

describe('read on a JSON answer', () => {
  it('gives a valid snapshot of the order list capture', () => {
    const s = read({ json: capture('order-list-init') }, LIST_URL, readAt);
    expect(PageSnapshot.safeParse(s).success).toBe(true);
    expect(s).toMatchObject({
      kind: 'order-list',
      url: LIST_URL,
      locale: 'en',
      readAt: '2026-09-07T12:00:00.000Z',
      problems: [],
    });
    expect(s.orders).toHaveLength(10);
  });

  it('reads the refund list on the dispute list page with the locale of the host', () => {
    const s = read({ json: capture('refund-list') }, 'https://pt.aliexpress.com/p/refund-dispute/list.html', readAt);
    expect(s.kind).toBe('dispute-list');
    expect(s.locale).toBe('pt');
    expect(s.disputes.map((d) => d.disputeId)).toEqual(['6239649418962814', '6234417803672596', '230619598499278']);
  });

  it('prefers the locale the caller knows', () => {
    expect(read({ json: capture('refund-list'), locale: 'pt_BR' }, LIST_URL, readAt).locale).toBe('pt-BR');
  });
});

describe('read on a document', () => {
  it('reads a tapped answer without an API name only if what its content says it is belongs to the page', () => {
    const list = capture('order-list-init');
    const tapped = (api?: string | null) => [{ json: list, ...(api !== undefined && { api }) }];
    for (const api of [undefined, null, '', '  '])
      for (const url of ['https://www.aliexpress.com/', 'https://m.aliexpress.com/p/refund-dispute/list.html'])
        expect(
          read(docWith(''), url, readAt, { readDom: () => empty, tapped: tapped(api) }).orders,
          `${api} on ${url}`,
        ).toEqual([]);
    expect(read(docWith(''), LIST_URL, readAt, { readDom: () => empty, tapped: tapped('') }).orders).toHaveLength(10);
  });

  it('merges the DOM and the tapped JSON of the same order into one, filling what each lacks', () => {
    const readDom: DomReader = (_doc, ctx) => {
      expect(ctx).toEqual({ url: LIST_URL, readAt, locale: 'en', kind: 'order-list' });
      return { ...empty, orders: [domOrder({}), domOrder({ orderId: '8299999999999999', lines: [] })] };
    };
    const s = read(docWith('', 'en'), LIST_URL, readAt, { readDom, tapped: [{ json: capture('order-list-init') }] });
    expect(s.orders).toHaveLength(11);
    const merged = s.orders[0]!;
    expect(merged).toEqual({
      orderId: '8214398062177351',
      status: 'shipped',
      statusText: 'Awaiting delivery',
      placedAt: '2026-09-01',
      storeName: 'LIMA Store',
      total: { amount: 31.93, currency: 'BRL' },
      lines: [{ lineId: '8214969923776196', title: 'Cable as the card shows it', quantity: 2 }],
      actions: ['track', 'confirm-received'],
      dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
    });
    // The status shown on the card was kept, so the reading counts as the page's DOM.
    expect(s.orders[0]!.statusVia).toBeUndefined();
    expect(s.orders[1]!.orderId).toBe('8299999999999999');
    expect(s.orders[2]!.statusVia).toBe('json');
  });

  it('lets a known JSON status replace an unknown DOM one, text included', () => {
    const readDom: DomReader = () => ({ ...empty, orders: [domOrder({ status: 'unknown', statusText: 'Unterwegs' })] });
    const s = read(docWith('', 'de'), LIST_URL, readAt, { readDom, tapped: [{ json: capture('order-list-init') }] });
    expect(s.orders[0]).toMatchObject({
      status: 'shipped',
      statusText: 'Awaiting delivery',
      statusVia: 'json',
    });
  });

  it('turns a throwing DOM reader into a problem and still reads the tapped JSON', () => {
    const readDom: DomReader = () => {
      throw new Error('boom');
    };
    const s = read(docWith(''), LIST_URL, readAt, { readDom, tapped: [{ json: capture('order-list-init') }] });
    expect(s.orders).toHaveLength(10);
    expect(s.problems).toContainEqual({ code: 'layout-unrecognized', detail: 'DOM reader: boom', orderId: null });
  });

  it('names an unknown locale, and takes the host language when the document has none', () => {
    const none = read(docWith(''), LIST_URL, readAt, { readDom: () => empty });
    expect(none.locale).toBeNull();
    expect(none.problems).toEqual([{ code: 'unknown-locale', detail: '(no lang attribute)', orderId: null }]);
    expect(
      read(docWith(''), 'https://fr.aliexpress.com/p/order/index.html', readAt, { readDom: () => empty }).locale,
    ).toBe('fr');
    expect(read(docWith('', 'pt-br'), LIST_URL, readAt, { readDom: () => empty }).locale).toBe('pt-BR');
  });

  it('passes on what the DOM reader gave without checking it against the model (the background does)', () => {
    const readDom: DomReader = () => ({ ...empty, orders: [domOrder({ orderId: 'made-up' }), domOrder({})] });
    const s = read(docWith('', 'en'), LIST_URL, readAt, { readDom });
    expect(s.orders.map((o) => o.orderId)).toEqual(['made-up', '8214398062177351']);
    const checked = checkSnapshot(s);
    expect(checked.orders.map((o) => o.orderId)).toEqual(['8214398062177351']);
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0]).toMatchObject({ code: 'layout-unrecognized', orderId: 'made-up' });
    expect(checked.problems[0]!.detail).toContain('orders.0.orderId');
  });
});

describe('read never throws', () => {
  it('gives a minimal valid snapshot for an unparseable URL or an invalid date', () => {
    for (const s of [
      read({ json: capture('order-list-init') }, 'not a url', readAt),
      read({ json: {} }, LIST_URL, new Date('nope')),
    ]) {
      expect(PageSnapshot.safeParse(s).success).toBe(true);
      expect(s.orders).toEqual([]);
      expect(s.problems.map((p) => p.code)).toEqual(['layout-unrecognized']);
    }
    expect(read({ json: {} }, 'not a url', readAt)).toMatchObject({ kind: 'other', url: 'about:blank' });
  });

  it('on arbitrary JSON, URLs and DOM reader results', () => {
    const doc = docWith('x');
    fc.assert(
      fc.property(
        fc.anything(),
        fc.oneof(fc.string(), fc.constantFrom(...Object.values(DETECTOR_EXAMPLES).flat(), ...otherExamples)),
        fc.anything(),
        (json, url, domResult) => {
          const a = read({ json }, url, readAt);
          const b = read(doc, url, readAt, {
            readDom: () => domResult as ReturnType<DomReader>,
            tapped: [{ json }],
          });
          // The readers' own output always matches the model; a plugged-in reader's arrives whole, and the background's check keeps what is valid.
          expect(PageSnapshot.safeParse(a).success).toBe(true);
          const arrival = SnapshotArrival.safeParse(b);
          expect(arrival.success).toBe(true);
          expect(PageSnapshot.safeParse(checkSnapshot(arrival.data!)).success).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  }, 60_000);
});
