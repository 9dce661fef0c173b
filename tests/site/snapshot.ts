/**
 * Writes the stand-in's pages as finished static HTML (cards rendered, fixed clock, no scripts) to
 * tests/fixtures/pages/<lang>/<name>.html: the DOM fixtures the reader tests use.
 *
 *   npx tsx tests/site/snapshot.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageKind } from '../../src/model/index.ts';
import { DEFAULT_ORDER_COUNT, FIXTURE_CLOCK, siteOrder, siteOrders, type SiteOrder } from './data.ts';
import { LANG_INFO } from './format.ts';
import { LANGS, type Lang } from './labels.ts';
import {
  renderDisputeDetailHtml,
  renderDisputeListHtml,
  renderOrderDetailHtml,
  renderOrderListHtml,
  renderRefundStartHtml,
  renderTrackingHtml,
  type RenderOptions,
} from './render.ts';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures/pages');

export interface PageFixture {
  lang: Lang;
  /** File name without extension: the page kind, plus a variant after `--` when a kind has several. */
  name: string;
  kind: PageKind;
  /** The URL the page was "served" at: readers take ids from it as they would in the browser. */
  url: string;
  /** The orders the page shows, for tests that compare what a reader got with what was shown. */
  orders: SiteOrder[];
  html: string;
}

/** Orders chosen to cover the states each page kind can show. */
export const FIXTURE_ORDERS = {
  detail: 6,
  detailCompleted: 3,
  detailDispute: 12,
  detailToPay: 1,
  disputeBuyer: 8,
  disputeSeller: 4,
  disputeEscalated: 10,
  disputeRefunded: 11,
  tracking: 6,
} as const;

export function fixturePages(langs: readonly Lang[] = LANGS): PageFixture[] {
  const out: PageFixture[] = [];
  for (const lang of langs) {
    const base: RenderOptions = { lang, clock: FIXTURE_CLOCK };
    const host = (sub: string) => `https://${sub === 'www' ? LANG_INFO[lang].subdomain : sub}.aliexpress.com`;
    const www = host('www');
    const add = (
      name: string,
      kind: PageKind,
      url: string,
      orders: SiteOrder[],
      render: (o: RenderOptions) => string,
    ) => out.push({ lang, name, kind, url, orders, html: render({ ...base, savedFrom: url }) });
    const all = siteOrders(DEFAULT_ORDER_COUNT, FIXTURE_CLOCK);
    const at = (i: number) => siteOrder(i, FIXTURE_CLOCK);

    add('order-list', 'order-list', `${www}/p/order/index.html`, all, (o) => renderOrderListHtml(o, all));
    const details: Array<[string, number]> = [
      ['order-detail', FIXTURE_ORDERS.detail],
      ['order-detail--completed', FIXTURE_ORDERS.detailCompleted],
      ['order-detail--dispute', FIXTURE_ORDERS.detailDispute],
      ['order-detail--to-pay', FIXTURE_ORDERS.detailToPay],
    ];
    for (const [name, i] of details) {
      const o = at(i);
      add(name, 'order-detail', `${www}/p/order/detail.html?orderId=${o.orderId}`, [o], (opts) =>
        renderOrderDetailHtml(opts, o),
      );
    }
    const disputes: Array<[string, number]> = [
      ['dispute-detail', FIXTURE_ORDERS.disputeBuyer],
      ['dispute-detail--seller', FIXTURE_ORDERS.disputeSeller],
      ['dispute-detail--escalated', FIXTURE_ORDERS.disputeEscalated],
      ['dispute-detail--refunded', FIXTURE_ORDERS.disputeRefunded],
    ];
    for (const [name, i] of disputes) {
      const o = at(i);
      const d = o.dispute!;
      const url = `https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${d.lineId}&reverseOrderLineId=${d.disputeId}&from=1`;
      add(name, 'dispute-detail', url, [o], (opts) => renderDisputeDetailHtml(opts, o));
    }
    add(
      'dispute-list',
      'dispute-list',
      'https://m.aliexpress.com/p/refund-dispute/list.html',
      all.filter((o) => o.dispute),
      (o) => renderDisputeListHtml(o, all),
    );
    const tracked = at(FIXTURE_ORDERS.tracking);
    add('tracking', 'tracking', `${www}/p/tracking/index.html?tradeOrderId=${tracked.orderId}`, [tracked], (o) =>
      renderTrackingHtml(o, tracked),
    );
    const line = tracked.lines[0]!.lineId;
    add('refund-start', 'refund-start', `${www}/p/reverse-pages/start.html?tradeOrderLineId=${line}`, [tracked], (o) =>
      renderRefundStartHtml(o, tracked, line),
    );
  }
  return out;
}

export const fixturePath = (f: Pick<PageFixture, 'lang' | 'name'>): string =>
  join(FIXTURES_DIR, f.lang, `${f.name}.html`);

export function writeFixtures(): string[] {
  const written: string[] = [];
  for (const f of fixturePages()) {
    const file = fixturePath(f);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, f.html);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = writeFixtures();
  console.log(`wrote ${written.length} page fixtures under ${FIXTURES_DIR}`);
}
