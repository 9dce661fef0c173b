// @vitest-environment node
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderIndexOf, orderIndexOfLineOrDispute, siteOrder, siteOrders } from '../../site/data.ts';
import { LANG_INFO } from '../../site/format.ts';
import { LABELS, LANGS } from '../../site/labels.ts';
import { esc } from '../../site/render.ts';
import { chooseLang, langFromLocale, startSite, type Site } from '../../site/server.ts';
import { fixturePages, fixturePath } from '../../site/snapshot.ts';
import { ORDER_LIST_API, ORDER_LIST_PATH } from '../../site/mtop.ts';
import { readJson } from '../../../src/aliexpress/json/index.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function fetchPage(site: Site, url: string, cookie?: string): Promise<Reply> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = get(
      {
        host: '127.0.0.1',
        port: site.port,
        path: target.pathname + target.search,
        headers: { host: target.host, ...(cookie ? { cookie } : {}) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
  });
}

const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

describe('page fixtures', () => {
  const pages = fixturePages();

  it('cover every language and every page kind the site serves', () => {
    const kinds = ['order-list', 'order-detail', 'dispute-detail', 'dispute-list', 'tracking', 'refund-start'];
    for (const lang of LANGS) {
      expect(new Set(pages.filter((p) => p.lang === lang).map((p) => p.kind))).toEqual(new Set(kinds));
    }
  });

  it.each(pages.map((p) => [`${p.lang}/${p.name}`, p] as const))('%s is committed as generated', (_, page) => {
    expect(readFileSync(fixturePath(page), 'utf8')).toBe(page.html);
  });

  it('carry no scripts and no live-countdown data, only what a shopper sees', () => {
    for (const page of pages) {
      expect(page.html).not.toContain('<script');
      expect(page.html).not.toContain('data-countdown-ms');
      expect(htmlLang(page.html)).toBe(LANG_INFO[page.lang].tag);
    }
  });
});

describe('site data', () => {
  it('issues 16-digit ids that map back to their order', () => {
    const orders = siteOrders(500);
    expect(new Set(orders.map((o) => o.orderId)).size).toBe(500);
    for (const o of orders) {
      expect(o.orderId).toMatch(/^\d{16}$/);
      expect(orderIndexOf(o.orderId)).toBe(o.index);
      for (const l of o.lines) expect(orderIndexOfLineOrDispute(l.lineId)).toBe(o.index);
      if (o.dispute) expect(orderIndexOfLineOrDispute(o.dispute.disputeId)).toBe(o.index);
    }
    expect(orderIndexOf('8100000000000001')).toBeNull();
  });

  it('has orders in every state and disputes in every state on the default page', () => {
    const orders = siteOrders();
    expect(orders.length).toBeGreaterThanOrEqual(12);
    expect(new Set(orders.map((o) => o.status))).toEqual(
      new Set(['to-pay', 'to-ship', 'shipped', 'completed', 'closed', 'in-dispute']),
    );
    expect(new Set(orders.flatMap((o) => (o.dispute ? [o.dispute.status] : [])))).toEqual(
      new Set([
        'awaiting-seller',
        'awaiting-buyer',
        'escalated',
        'awaiting-return',
        'refund-pending',
        'refunded',
        'closed',
      ]),
    );
  });
});

describe('language choice', () => {
  it('maps AliExpress b_locale values to our languages', () => {
    expect(langFromLocale('pt_BR')).toBe('pt-BR');
    expect(langFromLocale('pt')).toBe('pt-BR');
    expect(langFromLocale('ru_RU')).toBe('ru');
    expect(langFromLocale('en_US')).toBe('en');
    expect(langFromLocale('ko_KR')).toBeNull();
  });

  it('takes ?lang= over the cookie, the cookie over the subdomain', () => {
    const cookie = 'x=1; aep_usuc_f=site=glo&c_tp=EUR&region=DE&b_locale=de_DE';
    expect(chooseLang(new URL('http://es.aliexpress.com/?lang=fr_FR'), 'es.aliexpress.com', cookie)).toEqual({
      lang: 'fr',
      from: 'query',
    });
    expect(chooseLang(new URL('http://es.aliexpress.com/'), 'es.aliexpress.com', cookie).lang).toBe('de');
    expect(chooseLang(new URL('http://es.aliexpress.com/'), 'es.aliexpress.com', undefined).lang).toBe('es');
    expect(chooseLang(new URL('http://www.aliexpress.com/'), 'www.aliexpress.com', undefined).lang).toBe('en');
  });
});

describe('server', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite({ port: 0, clock: () => new Date('2026-11-20T12:00:00Z') });
  });
  afterAll(() => site.close());

  it('serves every fixture page at its AliExpress URL in its language', async () => {
    for (const page of fixturePages()) {
      const cookie = `aep_usuc_f=site=glo&b_locale=${LANG_INFO[page.lang].bLocale}`;
      const reply = await fetchPage(site, page.url, cookie);
      expect(reply.status, page.url).toBe(200);
      expect(htmlLang(reply.body)).toBe(LANG_INFO[page.lang].tag);
      for (const order of page.orders) expect(reply.body).toContain(order.orderId);
    }
  });

  it('sends My orders with no cards rendered and the data for the client to render', async () => {
    const reply = await fetchPage(site, 'http://www.aliexpress.com/p/order/index.html?orders=50');
    const listStart = reply.body.indexOf('comet-checkbox-group');
    expect(reply.body.slice(listStart, reply.body.indexOf('</div>', listStart))).not.toContain('order-item');
    expect(reply.body).toContain('data-pl="order_more"');
    const data = JSON.parse(
      /<script id="order-list-data" type="application\/json">(.*?)<\/script>/s.exec(reply.body)![1]!,
    );
    expect(data.cards).toHaveLength(50);
    expect(data.pageSize).toBe(10);
    const all = await fetchPage(site, 'http://www.aliexpress.com/p/order/index.html?orders=500&pageSize=500');
    expect(all.body).toContain('"pageSize":500');
  });

  it('on request (?mtop=1) also serves the order list answer the real page loads, page by page', async () => {
    const page = await fetchPage(site, 'http://www.aliexpress.com/p/order/index.html?mtop=1&orders=12');
    expect(page.body).toContain(`"mtop":"${ORDER_LIST_PATH}"`);
    expect((await fetchPage(site, 'http://www.aliexpress.com/p/order/index.html')).body).toContain('"mtop":null');
    const clock = new Date('2026-11-20T12:00:00Z');
    const orders = siteOrders(12, clock);
    for (const pageIndex of [1, 2]) {
      const reply = await fetchPage(
        site,
        `http://www.aliexpress.com${ORDER_LIST_PATH}?pageIndex=${pageIndex}&pageSize=10&orders=12`,
      );
      expect(reply.headers['content-type']).toContain('application/json');
      const answer = JSON.parse(reply.body);
      const shown = orders.slice((pageIndex - 1) * 10, pageIndex * 10);
      expect(answer.data.hierarchy.structure.pc_om_list_body_109702).toEqual(
        shown.map((o) => `pc_om_list_order_${o.orderId}`),
      );
      expect(answer.data.data.pc_om_list_body_109702.fields.hasMore).toBe(pageIndex === 1);
      // The project's own JSON reader must find the same orders the DOM shows.
      const read = readJson(answer, ORDER_LIST_API, {
        url: 'https://www.aliexpress.com/p/order/index.html',
        locale: 'en',
        readAt: clock,
      });
      expect(read.orders.map((o) => [o.orderId, o.status])).toEqual(shown.map((o) => [o.orderId, o.status]));
      expect(read.orders.map((o) => o.lines.map((l) => l.lineId))).toEqual(
        shown.map((o) => o.lines.map((l) => l.lineId)),
      );
    }
  });

  it('remembers a language chosen by subdomain or ?lang= in the aep_usuc_f cookie', async () => {
    const reply = await fetchPage(site, 'http://pt.aliexpress.com/p/order/index.html');
    expect(htmlLang(reply.body)).toBe('pt-BR');
    expect(String(reply.headers['set-cookie'])).toContain('b_locale=pt_BR; Path=/; Domain=.aliexpress.com');
    const ru = await fetchPage(site, 'http://www.aliexpress.com/p/order/index.html?lang=ru_RU');
    expect(htmlLang(ru.body)).toBe('ru-RU');
  });

  it('answers 404 for unknown orders, disputes and paths', async () => {
    expect((await fetchPage(site, 'http://www.aliexpress.com/p/order/detail.html?orderId=123')).status).toBe(404);
    const noDispute = siteOrder(0).lines[0]!.lineId;
    expect(
      (await fetchPage(site, `http://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${noDispute}`))
        .status,
    ).toBe(404);
    expect((await fetchPage(site, 'http://www.aliexpress.com/nope')).status).toBe(404);
  });

  it('serves live pages with a ticking countdown', async () => {
    const o = siteOrder(8);
    const reply = await fetchPage(
      site,
      `http://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${o.dispute!.lineId}&reverseOrderLineId=${o.dispute!.disputeId}`,
    );
    expect(reply.body).toContain(`data-countdown-ms="${o.dispute!.countdownMs}"`);
    expect(reply.body).toContain('setInterval(tick,1000)');
    expect(reply.body).toContain('2 days 05:03:09');
  });
});

describe('dispute pages with no order link (?orderRef=label | none)', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite({ port: 0, clock: () => new Date('2026-11-20T12:00:00Z') });
  });
  afterAll(() => site.close());

  const disputed = siteOrders().filter((o) => o.dispute);
  const url = (o: (typeof disputed)[number], ref?: string) =>
    `http://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${o.dispute!.lineId}&reverseOrderLineId=${o.dispute!.disputeId}&from=1${ref ? `&orderRef=${ref}` : ''}`;
  const LINK = /<a class="product--orderLink--[^"]*" href="[^"]*">[^<]*<\/a>/;
  const LABEL_ROW = /<div class="product--orderNo--[^"]*">.*?<\/span><\/div>/;

  it.each(LANGS)('serves them in %s, the order number only as text under its label', async (lang) => {
    const cookie = `aep_usuc_f=site=glo&b_locale=${LANG_INFO[lang].bLocale}`;
    for (const o of disputed) {
      const linked = await fetchPage(site, url(o), cookie);
      const label = await fetchPage(site, url(o, 'label'), cookie);
      const none = await fetchPage(site, url(o, 'none'), cookie);
      for (const reply of [label, none]) {
        expect(reply.status).toBe(200);
        expect(htmlLang(reply.body)).toBe(LANG_INFO[lang].tag);
        expect(reply.headers['content-language']).toBe(LANG_INFO[lang].tag);
        expect(reply.body).toContain(esc(LABELS[lang].dispute[o.dispute!.status]));
        expect(reply.body).not.toContain('orderId=');
        expect(reply.body).not.toContain('/p/order/detail.html');
        expect(reply.body).not.toContain('product--orderLink');
      }
      expect(label.body).toMatch(
        new RegExp(`>${esc(LABELS[lang].orderNumber)}</span> <span class="product--orderNoValue--[^"]*">${o.orderId}<`),
      );
      expect(none.body).not.toContain(o.orderId);
      expect(none.body).not.toContain('product--orderNo');
      // Apart from how the order is named, the pages are the one with the link.
      expect(linked.body).toMatch(LINK);
      expect(label.body.replace(LABEL_ROW, '')).toBe(linked.body.replace(LINK, ''));
      expect(none.body).toBe(linked.body.replace(LINK, ''));
    }
  });

  it('labels the order number in each language, not in English', () => {
    for (const lang of LANGS.filter((l) => l !== 'en'))
      expect(LABELS[lang].orderNumber).not.toBe(LABELS.en.orderNumber);
  });

  it('keeps the order link for any other orderRef value', async () => {
    const o = disputed[0]!;
    const linked = await fetchPage(site, url(o));
    expect((await fetchPage(site, url(o, 'link'))).body).toBe(linked.body);
    expect((await fetchPage(site, url(o, 'bogus'))).body).toBe(linked.body);
    expect(linked.body).toContain(`/p/order/detail.html?orderId=${o.orderId}`);
  });
});
