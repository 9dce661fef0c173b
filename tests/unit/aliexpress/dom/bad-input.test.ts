import { describe, expect, it } from 'vitest';
import { Order, PageDispute, PageKind, Problem } from '../../../../src/model/index.ts';
import {
  DOM_READERS,
  pageLocale,
  readDom,
  savedFromUrl,
  type DomContext,
  type DomResult,
} from '../../../../src/aliexpress/dom/index.ts';
import { readCardsAhead } from '../../../../src/aliexpress/dom/order-list.ts';
import { FIXTURE_CLOCK } from '../../../site/data.ts';
import { ALL_PAGES, loadFixture } from './fixtures.ts';

const readAt = FIXTURE_CLOCK;
/** My orders as the background understands it: the cards the page finds, read by the card reader (tests/unit/setup). */
const readOrderList = (doc: Document, ctx: DomContext) => readDom(doc, { ...ctx, kind: 'order-list' });
const fixture = (lang: string, name: string) => loadFixture(ALL_PAGES.find((p) => p.lang === lang && p.name === name)!);
const html = (body: string, lang = 'en') =>
  new DOMParser().parseFromString(`<!DOCTYPE html><html lang="${lang}"><body>${body}</body></html>`, 'text/html');

function valid(result: DomResult): DomResult {
  for (const o of result.orders) Order.parse(o);
  for (const d of result.disputes) PageDispute.parse(d);
  for (const p of result.problems) Problem.parse(p);
  return result;
}

const URLS: Record<string, string> = {
  'order-list': 'https://www.aliexpress.com/p/order/index.html',
  'order-detail': 'https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000000',
  'dispute-detail':
    'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8100000000010000&reverseOrderLineId=5100000000000000',
  'dispute-list': 'https://m.aliexpress.com/p/refund-dispute/list.html',
  tracking: 'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8100000000000000',
};

describe('pages the readers do not recognise', () => {
  const readable = Object.keys(DOM_READERS) as PageKind[];

  it.each(readable)('%s: an empty document is named, not thrown', (kind) => {
    const doc = new DOMParser().parseFromString('', 'text/html');
    const result = valid(readDom(doc, { url: new URL(URLS[kind]!), readAt, locale: null, kind }));
    expect(result.orders).toEqual([]);
    expect(result.disputes).toEqual([]);
    if (kind !== 'tracking') expect(result.problems.map((p) => p.code)).toContain('layout-unrecognized');
  });

  it.each(readable)('%s: another site entirely', (kind) => {
    const doc = html('<header><h1>Welcome to Example Shop</h1></header><main><p>Order 123456789 shipped.</p></main>');
    const result = valid(readDom(doc, { url: new URL(URLS[kind]!), readAt, locale: 'en', kind }));
    expect(result.orders).toEqual([]);
    expect(result.disputes).toEqual([]);
  });

  it.each(['refund-start', 'refund-amount', 'legacy-order-list', 'other'] as PageKind[])(
    '%s has no DOM reader and gives an empty result',
    (kind) => {
      const doc = fixture('en', 'order-list').doc;
      expect(readDom(doc, { url: new URL(URLS['order-list']!), readAt, locale: 'en', kind })).toEqual({
        orders: [],
        disputes: [],
        problems: [],
      });
    },
  );

  it('My orders still rendering (empty list) is not a problem yet', () => {
    const doc = html('<div class="order-content"><div class="comet-checkbox-group"></div></div>');
    expect(readOrderList(doc, { url: new URL(URLS['order-list']!), readAt, locale: 'en' })).toEqual({
      orders: [],
      disputes: [],
      problems: [],
    });
  });
});

describe('damaged order cards', () => {
  const ctx = { url: new URL(URLS['order-list']!), readAt, locale: 'en' };

  it('an unknown status keeps its text, becomes unknown and is named', () => {
    const { doc } = fixture('en', 'order-list');
    const status = doc.querySelector('.order-item-header-status-text')!;
    status.textContent = 'Awaiting teleportation';
    const result = valid(readOrderList(doc, ctx));
    expect(result.orders[0]).toMatchObject({ status: 'unknown', statusText: 'Awaiting teleportation' });
    expect(result.problems).toEqual([
      { code: 'unknown-status', detail: 'Awaiting teleportation', orderId: result.orders[0]!.orderId },
    ]);
  });

  it('a card whose id cannot be read is left out and named; the others are kept', () => {
    const { doc } = fixture('en', 'order-list');
    const card = doc.querySelectorAll('.order-item')[2]!;
    for (const a of card.querySelectorAll('a')) a.removeAttribute('href');
    const result = valid(readOrderList(doc, ctx));
    expect(result.orders).toHaveLength(14);
    expect(result.orders.map((o) => o.orderId)).not.toContain('8100002469135782');
    expect(result.problems).toEqual([{ code: 'order-id-missing', detail: 'order card 3', orderId: null }]);
  });

  it('never takes an id from label text: "Order ID: ..." alone is not enough', () => {
    const { doc } = fixture('en', 'order-list');
    for (const a of doc.querySelectorAll('a')) a.removeAttribute('href');
    const result = valid(readOrderList(doc, ctx));
    expect(result.orders).toEqual([]);
    expect(result.problems.every((p) => p.code === 'order-id-missing')).toBe(true);
    expect(result.problems).toHaveLength(15);
  });

  it('a card that throws costs that card only', () => {
    const { doc } = fixture('en', 'order-list');
    const card = doc.querySelectorAll('.order-item')[1]!;
    Object.defineProperty(card, 'querySelectorAll', {
      value: () => {
        throw new Error('boom');
      },
    });
    const result = valid(readOrderList(doc, ctx));
    expect(result.orders).toHaveLength(14);
    expect(result.problems).toEqual([
      { code: 'layout-unrecognized', detail: 'order card 2 threw: boom', orderId: null },
    ]);
  });

  it('renamed classes fall back to data-pl; losing both is a named missing field', () => {
    const { doc } = fixture('en', 'order-list');
    for (const el of doc.querySelectorAll('[class*="order-item-header-status"]')) el.className = 'x-status';
    let result = valid(readOrderList(doc, ctx));
    expect(result.orders[0]!.status).toBe('shipped');
    for (const el of doc.querySelectorAll('[data-pl="order_item_header_status"]')) el.removeAttribute('data-pl');
    // A new page load, as after AliExpress renames something: cards read before are remembered by element.
    const reloaded = doc.cloneNode(true) as Document;
    result = valid(readOrderList(reloaded, ctx));
    expect(result.orders[0]!.status).toBe('unknown');
    expect(result.problems[0]).toEqual({
      code: 'field-missing',
      detail: 'orderList.status',
      orderId: result.orders[0]!.orderId,
    });
  });

  it('reads a card again only when its text or link changed', () => {
    const { doc } = fixture('en', 'order-list');
    const first = valid(readOrderList(doc, ctx));
    expect(valid(readOrderList(doc, ctx))).toEqual(first);
    const total = doc.querySelector('[data-pl="order_item_content_price_total"]')!;
    total.textContent = 'Total: US $123.45';
    const changed = valid(readOrderList(doc, ctx));
    expect(changed.orders[0]!.total).toEqual({ amount: 123.45, currency: 'USD' });
    expect(first.orders[0]!.total?.amount).not.toBe(123.45);
    expect(changed.orders.slice(1)).toEqual(first.orders.slice(1));
    // A new card (View orders) is read; the others keep their readings.
    const card = doc.querySelector('.order-item')!;
    const copy = card.cloneNode(true) as Element;
    const link = copy.querySelector('a[href*="orderId="]')!;
    link.setAttribute('href', link.getAttribute('href')!.replace(/orderId=\d+/, 'orderId=8299999999999999'));
    card.parentElement!.append(copy);
    const more = valid(readOrderList(doc, ctx));
    expect(more.orders.map((o) => o.orderId)).toEqual([...changed.orders.map((o) => o.orderId), '8299999999999999']);
  });

  it('reads cards ahead in slices, and the read after finds them done with the same result', () => {
    const { doc } = fixture('en', 'order-list');
    const fresh = valid(readOrderList(doc.cloneNode(true) as Document, ctx));
    let budget = 2;
    expect(readCardsAhead(doc, () => budget-- <= 0)).toBe(false);
    expect(readCardsAhead(doc, () => false)).toBe(true);
    // Nothing left: a slice that may not read at all is done.
    expect(readCardsAhead(doc, () => true)).toBe(true);
    expect(valid(readOrderList(doc, ctx))).toEqual(fresh);
  });

  it('a price or date it cannot read is named, not guessed', () => {
    const { doc } = fixture('en', 'order-list');
    doc.querySelector('[data-pl="order_item_content_price_total"]')!.textContent = 'Total: see details';
    doc.querySelector('[data-pl="order_item_header_info"] div')!.textContent = 'Order date: yesterday';
    const result = valid(readOrderList(doc, ctx));
    expect(result.orders[0]!.total).toBeNull();
    expect(result.orders[0]!.placedAt).toBeNull();
    expect(result.problems.map((p) => p.code).sort()).toEqual(['amount-unparsed', 'date-unparsed']);
  });
});

describe('languages without a locale file', () => {
  it('pageLocale names the language it does not know', () => {
    expect(pageLocale(html('', 'ko-KR'))).toEqual({
      locale: null,
      lang: 'ko-KR',
      problem: { code: 'unknown-locale', detail: 'ko-KR', orderId: null },
    });
    expect(pageLocale(new DOMParser().parseFromString('<p>x</p>', 'text/html')).problem?.detail).toBe(
      '(no lang attribute)',
    );
  });

  it('Korean labels: ids still read from links, statuses unknown with their text', () => {
    const { doc } = fixture('en', 'order-list');
    doc.documentElement.setAttribute('lang', 'ko');
    for (const el of doc.querySelectorAll('.order-item-header-status-text')) el.textContent = '배송 대기 중';
    const result = valid(readOrderList(doc, { url: new URL(URLS['order-list']!), readAt, locale: null }));
    expect(result.orders).toHaveLength(15);
    expect(result.orders.every((o) => o.status === 'unknown' && o.statusText === '배송 대기 중')).toBe(true);
    expect(result.problems.filter((p) => p.code === 'unknown-status')).toHaveLength(15);
  });

  it('with the language unknown, labels of any supported language still count, ambiguous dates do not', () => {
    const { doc, url } = fixture('ru', 'order-list');
    const result = valid(readOrderList(doc, { url: new URL(url), readAt, locale: null }));
    expect(result.orders.map((o) => o.status)).toEqual(fixture('ru', 'order-list').orders.map((o) => o.status));
    // "03.11.2026" could be 3 Nov or 11 Mar: without the language it is left unread, and said so.
    expect(result.orders[0]!.placedAt).toBeNull();
    expect(result.problems.map((p) => p.code)).toContain('date-unparsed');
  });

  it('a dispute page in an unknown language: Escalate in any supported language counts, an unknown label cannot tell', () => {
    const { doc, url } = fixture('en', 'dispute-detail');
    const read = () =>
      valid(readDom(doc, { url: new URL(url), readAt, locale: null, kind: 'dispute-detail' })).disputes[0]!;
    expect(read().canEscalate).toBe(true);
    expect(read().status).toBe('awaiting-buyer');
    // Korean labels (written by hand for this test): no supported language names them, so either might be Escalate.
    const [escalate, cancel] = doc.querySelectorAll('button');
    escalate!.textContent = '분쟁 에스컬레이션';
    cancel!.textContent = '요청 취소';
    expect(read().canEscalate).toBeNull();
  });
});

describe('detail pages missing their ids', () => {
  it('an order detail page with no orderId anywhere records nothing', () => {
    const { doc } = fixture('en', 'order-detail');
    for (const a of doc.querySelectorAll('a')) a.removeAttribute('href');
    const result = valid(
      readDom(doc, {
        url: new URL('https://www.aliexpress.com/p/order/detail.html'),
        readAt,
        locale: 'en',
        kind: 'order-detail',
      }),
    );
    expect(result.orders).toEqual([]);
    expect(result.problems).toEqual([{ code: 'order-id-missing', detail: 'order detail', orderId: null }]);
  });

  it('a dispute page without its order link is still read by its line and case from the URL', () => {
    const { doc, url } = fixture('en', 'dispute-detail');
    for (const a of doc.querySelectorAll('a')) a.removeAttribute('href');
    const result = valid(readDom(doc, { url: new URL(url), readAt, locale: 'en', kind: 'dispute-detail' }));
    expect(result.problems).toEqual([]);
    expect(result.disputes).toHaveLength(1);
    expect(result.disputes[0]).toMatchObject({
      orderId: null,
      lineId: '8100009876553128',
      disputeId: '5100007901234568',
      via: { lineId: 'url', disputeId: 'url' },
      status: 'awaiting-buyer',
    });
    expect(result.disputes[0]!.via).not.toHaveProperty('orderId');
  });

  it('a dispute page with no order, line or case id anywhere records nothing', () => {
    const { doc } = fixture('en', 'dispute-detail');
    for (const a of doc.querySelectorAll('a')) a.removeAttribute('href');
    const bare = new URL('https://trade.aliexpress.com/issue/fastissue/Detail.htm?from=1');
    const result = valid(readDom(doc, { url: bare, readAt, locale: 'en', kind: 'dispute-detail' }));
    expect(result.disputes).toEqual([]);
    expect(result.problems).toEqual([{ code: 'order-id-missing', detail: 'dispute detail', orderId: null }]);
  });

  it('a tracking page finds the order through its link when the URL has no id', () => {
    const { doc, orders } = fixture('en', 'tracking');
    const result = valid(
      readDom(doc, {
        url: new URL('https://www.aliexpress.com/p/tracking/index.html'),
        readAt,
        locale: 'en',
        kind: 'tracking',
      }),
    );
    expect(result.orders.map((o) => o.orderId)).toEqual([orders[0]!.orderId]);
  });
});

describe('the mobile layout', () => {
  it('reads a card that is itself the link to its order', () => {
    const doc = html(
      '<div class="comet-checkbox-group">' +
        '<a class="order-item order-item-mobile" href="//m.aliexpress.com/p/order/detail.html?orderId=8100000000000000">' +
        '<div class="order-item-header-status"><span class="order-item-header-status-text">Completed</span></div>' +
        '<div class="order-item-content-body"><span title="Cable">Cable</span><span class="quantity">x3</span></div>' +
        '</a></div>',
    );
    const result = valid(
      readOrderList(doc, { url: new URL('https://m.aliexpress.com/p/order/index.html'), readAt, locale: 'en' }),
    );
    expect(result.orders).toEqual([
      expect.objectContaining({
        orderId: '8100000000000000',
        status: 'completed',
        lines: [{ lineId: null, title: 'Cable', quantity: 3 }],
      }),
    ]);
  });
});

describe('saved pages', () => {
  it('know the URL they were saved from, as Chrome writes it', () => {
    for (const page of ALL_PAGES.filter((p) => p.lang === 'fr')) {
      expect(savedFromUrl(page.html)).toBe(new URL(page.url).href);
      expect(savedFromUrl(loadFixture(page).doc)).toBe(new URL(page.url).href);
    }
  });

  it('ignore anything that is not an http(s) address in that comment', () => {
    expect(savedFromUrl('<!-- saved from url=(0019)javascript:alert(1) --><p>')).toBeNull();
    expect(savedFromUrl('<!-- saved from url=(0004)nope --><p>')).toBeNull();
    expect(savedFromUrl('<html><body>no comment</body></html>')).toBeNull();
    expect(savedFromUrl(html('<p>x</p>'))).toBeNull();
  });
});
