import { ALIEXPRESS_DOMAINS, isAliExpressHost } from '../../src/model/hosts.ts';
/**
 * The local AliExpress stand-in: plain HTTP, routed by path, so Chromium can reach it at real
 * AliExpress URLs through `--host-resolver-rules`. The language follows the shopper's setting
 * (the `aep_usuc_f` cookie), a `?lang=` shortcut, or the language subdomain, like AliExpress.
 *
 *   npx tsx tests/site/server.ts --port 8080 [--orders 50]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_ORDER_COUNT,
  PAGE_SIZE,
  orderIndexOf,
  orderIndexOfLineOrDispute,
  siteOrder,
  siteOrders,
} from './data.ts';
import { LANG_INFO } from './format.ts';
import { LANGS, LABELS, type Lang } from './labels.ts';
import { ORDER_LIST_PATH, orderListAnswer } from './mtop.ts';
import {
  esc,
  ORDER_REFS,
  renderDisputeDetailHtml,
  renderDisputeListHtml,
  renderNotFoundHtml,
  renderOrderDetailHtml,
  renderOrderListHtml,
  renderRefundStartHtml,
  renderTrackingHtml,
  type OrderRef,
  type RenderOptions,
} from './render.ts';

export interface SiteOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Orders on My orders when the URL does not ask with `?orders=N`. */
  orders?: number;
  /** "Now" for every page; the real clock unless a test pins it. */
  clock?: () => Date;
}

export interface Site {
  port: number;
  origin: string;
  close(): Promise<void>;
}

const MAX_ORDERS = 5000;

/** A `b_locale`-style value ("pt_BR", "pt-BR", "pt", "EN_us") to one of our languages, or null. */
export function langFromLocale(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const normalized = value.trim().replace('_', '-').toLowerCase();
  const exact = LANGS.find((l) => l.toLowerCase() === normalized || LANG_INFO[l].tag.toLowerCase() === normalized);
  if (exact) return exact;
  const primary = normalized.split('-')[0];
  return LANGS.find((l) => l.split('-')[0] === primary) ?? null;
}

function cookieLocale(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== 'aep_usuc_f') continue;
    const settings = new URLSearchParams(part.slice(eq + 1).trim());
    return settings.get('b_locale');
  }
  return null;
}

export interface LangChoice {
  lang: Lang;
  from: 'query' | 'cookie' | 'subdomain' | 'default';
}

/** Which language a request gets: the `?lang=` shortcut, then the shopper's cookie, then the subdomain. */
export function chooseLang(url: URL, host: string, cookieHeader: string | undefined): LangChoice {
  const fromQuery = langFromLocale(url.searchParams.get('lang'));
  if (fromQuery) return { lang: fromQuery, from: 'query' };
  const fromCookie = langFromLocale(cookieLocale(cookieHeader));
  if (fromCookie) return { lang: fromCookie, from: 'cookie' };
  const sub = host.split('.')[0]?.toLowerCase() ?? '';
  const fromSub = LANGS.find((l) => LANG_INFO[l].subdomain === sub && sub !== 'www');
  if (fromSub && /\.aliexpress\./.test(host)) return { lang: fromSub, from: 'subdomain' };
  return { lang: 'en', from: 'default' };
}

/** The cookie AliExpress keeps the shopper's language and currency in, scoped to the whole site. */
function settingsCookie(lang: Lang, host: string): string {
  const info = LANG_INFO[lang];
  const region = info.bLocale.split('_')[1] ?? 'US';
  const value = `site=glo&c_tp=${info.currency}&region=${region}&b_locale=${info.bLocale}`;
  const domain = ALIEXPRESS_DOMAINS.find((d) => host === d || host.endsWith(`.${d}`));
  return `aep_usuc_f=${value}; Path=/${domain ? `; Domain=.${domain}` : ''}; SameSite=Lax`;
}

function orderCount(url: URL, fallback: number): number {
  const asked = Number(url.searchParams.get('orders'));
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_ORDERS) : fallback;
}

function homeHtml(opts: RenderOptions): string {
  const t = LABELS[opts.lang];
  const a = (href: string, text: string) => `<li><a href="${esc(href)}">${esc(text)}</a></li>`;
  const first = siteOrder(4, opts.clock);
  const links = [
    a('/p/order/index.html', t.myOrders),
    a(`/p/order/detail.html?orderId=${first.orderId}`, t.orderDetails),
    a(
      `/issue/fastissue/Detail.htm?tradeOrderLineId=${first.dispute!.lineId}&reverseOrderLineId=${first.dispute!.disputeId}`,
      t.disputeDetails,
    ),
    a('/p/refund-dispute/list.html', t.refundList),
    a(`/p/tracking/index.html?tradeOrderId=${siteOrder(0, opts.clock).orderId}`, t.tracking),
  ].join('');
  const languages = LANGS.map((l) => `<a href="?lang=${LANG_INFO[l].bLocale}">${l}</a>`).join(' · ');
  return `<!DOCTYPE html><html lang="${LANG_INFO[opts.lang].tag}"><head><meta charset="utf-8"><title>AliExpress</title></head><body><h1>AliExpress (local stand-in)</h1><ul>${links}</ul><p>${languages}</p></body></html>`;
}

/** `?orderRef=label` or `none`: the dispute page without its order link (see OrderRef). */
function orderRefOf(url: URL): OrderRef {
  const asked = url.searchParams.get('orderRef');
  return ORDER_REFS.find((r) => r === asked) ?? 'link';
}

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function route(url: URL, opts: RenderOptions, defaultCount: number): { status: number; html: string; json?: boolean } {
  const notFound = (what: string) => ({ status: 404, html: renderNotFoundHtml(opts, what) });
  const byOrderParam = (name: string) => {
    const index = orderIndexOf(url.searchParams.get(name) ?? '');
    return index === null ? null : siteOrder(index, opts.clock);
  };
  switch (url.pathname) {
    case '/':
    case '/index.html':
      return { status: 200, html: homeHtml(opts) };
    case '/p/order/index.html': {
      // `?pageSize=N` shows N cards per "View orders" step, so a benchmark can have every card at once.
      const pageSize = Number(url.searchParams.get('pageSize'));
      const listOpts = {
        ...opts,
        ...(Number.isInteger(pageSize) && pageSize > 0 ? { pageSize } : {}),
        // `?mtop=1`: the page also loads its order list answer, for tests of the JSON tap.
        ...(url.searchParams.get('mtop') === '1' ? { mtop: ORDER_LIST_PATH } : {}),
      };
      return {
        status: 200,
        html: renderOrderListHtml(listOpts, siteOrders(orderCount(url, defaultCount), opts.clock)),
      };
    }
    case '/p/order/detail.html': {
      const order = byOrderParam('orderId');
      return order ? { status: 200, html: renderOrderDetailHtml(opts, order) } : notFound('order not found');
    }
    case '/p/tracking/index.html': {
      const order = byOrderParam('tradeOrderId');
      return order ? { status: 200, html: renderTrackingHtml(opts, order) } : notFound('order not found');
    }
    case ORDER_LIST_PATH: {
      const orders = siteOrders(orderCount(url, defaultCount), opts.clock);
      const answer = orderListAnswer(
        opts.lang,
        orders,
        positive(url.searchParams.get('pageIndex'), 1),
        Math.min(positive(url.searchParams.get('pageSize'), PAGE_SIZE), MAX_ORDERS),
        opts.clock,
      );
      return { status: 200, html: JSON.stringify(answer), json: true };
    }
    case '/p/refund-dispute/list.html':
      return { status: 200, html: renderDisputeListHtml(opts, siteOrders(orderCount(url, defaultCount), opts.clock)) };
    case '/p/reverse-pages/start.html': {
      const lineId = url.searchParams.get('tradeOrderLineId') ?? url.searchParams.get('reverseOrderLineId') ?? '';
      const index = orderIndexOfLineOrDispute(lineId);
      if (index === null) return notFound('order line not found');
      return { status: 200, html: renderRefundStartHtml(opts, siteOrder(index, opts.clock), lineId) };
    }
    case '/issue/fastissue/Detail.htm': {
      const id = url.searchParams.get('reverseOrderLineId') ?? url.searchParams.get('tradeOrderLineId') ?? '';
      const index = orderIndexOfLineOrDispute(id);
      const order = index === null ? null : siteOrder(index, opts.clock);
      return order?.dispute
        ? { status: 200, html: renderDisputeDetailHtml(opts, order, orderRefOf(url)) }
        : notFound('dispute not found');
    }
    default:
      return notFound('page not found');
  }
}

export function handle(req: IncomingMessage, res: ServerResponse, options: SiteOptions = {}): void {
  const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://${host}`);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const choice = chooseLang(url, host, req.headers.cookie);
  const opts: RenderOptions = {
    lang: choice.lang,
    clock: (options.clock ?? (() => new Date()))(),
    links: isAliExpressHost(host) ? 'aliexpress' : 'relative',
    live: true,
  };
  const { status, html, json } = route(url, opts, options.orders ?? DEFAULT_ORDER_COUNT);
  const headers: Record<string, string> = {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-language': LANG_INFO[choice.lang].tag,
  };
  // Like choosing a language on AliExpress: the choice sticks for the next pages and other hosts.
  if (choice.from === 'query' || choice.from === 'subdomain') headers['set-cookie'] = settingsCookie(choice.lang, host);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : html);
}

export function startSite(options: SiteOptions = {}): Promise<Site> {
  const server = createServer((req, res) => {
    try {
      handle(req, res, options);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((err) => (err ? fail(err) : done()));
          }),
      });
    });
  });
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const port = Number(argValue(args, '--port') ?? 8080);
  const orders = argValue(args, '--orders');
  const site = await startSite({ port, ...(orders ? { orders: Number(orders) } : {}) });
  console.log(`AliExpress stand-in at ${site.origin}/p/order/index.html`);
  console.log(
    `In Chromium: --host-resolver-rules="${ALIEXPRESS_DOMAINS.flatMap((d) => [`*.${d}`, d])
      .map((h) => `MAP ${h} 127.0.0.1:${site.port}`)
      .join(', ')}" then open http://www.aliexpress.com/p/order/index.html`,
  );
}
