/**
 * The AliExpress sites the extension reads, in one place: manifest matches, page detection and the
 * browser tests' host mapping all come from here. aliexpress.ru is a separate site with its own
 * markup and API: out of scope, so not listed.
 */
export const ALIEXPRESS_DOMAINS = ['aliexpress.com', 'aliexpress.us'] as const;

/**
 * Every host of those sites, as the manifest's host permissions: `*.aliexpress.com` takes
 * aliexpress.com itself too, in Chrome and in Firefox, so a pattern for the bare domain would only
 * lengthen the list a store reviewer reads.
 */
export const ALIEXPRESS_MATCHES: string[] = ALIEXPRESS_DOMAINS.map((d) => `*://*.${d}/*`);

/**
 * Where on those sites the content scripts go: the paths of the pages the readers know
 * (src/aliexpress/detect.ts), as match patterns (a glob over path and query, case as written;
 * `*.aliexpress.com` takes aliexpress.com too). Home, product, search, store and cart pages, the
 * pages a shopper opens most, get no script at all: there is nothing on them to read, and every
 * script costs its compilation and start on every load. tests/unit/aliexpress/read-matches.test.ts
 * checks that every detector's example URL is matched here and that every pattern matches one.
 */
const READ_PATHS = [
  '/p/order/*',
  '/p/tracking/*',
  '/p/reverse-pages/*',
  '/p/refund-dispute/*',
  '/p/refund-amount/*',
  // Case pages are `Detail.htm` or `detail.htm`, the legacy dispute list `issue_list.htm`.
  '/issue/*',
  // Legacy order pages: `orderList.htm`, `order_detail.htm`.
  '/order*',
  // Legacy tracking, on track.aliexpress.com.
  '/logisticsdetail.htm*',
] as const;

export const READ_MATCHES: string[] = ALIEXPRESS_DOMAINS.flatMap((d) => READ_PATHS.map((p) => `*://*.${d}${p}`));

/** Whether a host name belongs to one of those sites. */
export function isAliExpressHost(host: string): boolean {
  const h = host.toLowerCase();
  return ALIEXPRESS_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}
