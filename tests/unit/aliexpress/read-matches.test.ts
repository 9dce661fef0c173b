import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../src/aliexpress/detect.ts';
import { DETECTOR_EXAMPLES } from '../../../src/aliexpress/detect-examples.ts';
import { ALIEXPRESS_DOMAINS, READ_MATCHES } from '../../../src/model/hosts.ts';

/**
 * A match pattern as the browsers apply a content script's `matches` (Chrome's and Firefox's
 * documented rules): `*` scheme is http or https; `*.host` is the host or any subdomain; the path
 * is a glob over the URL's path and query, case as written. tests/e2e/matches.e2e.test.ts checks the
 * same in Chromium for pages of each kind.
 */
function matches(pattern: string, href: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const url = new URL(href);
  const schemeOk =
    scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.')
      ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
      : url.hostname === host);
  const glob = new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return schemeOk && hostOk && glob.test(url.pathname + url.search);
}

const injected = (href: string) => READ_MATCHES.some((p) => matches(p, href));
const examples = Object.values(DETECTOR_EXAMPLES).flat();

/** Pages a shopper opens most, with nothing on them to read; written by hand from AliExpress's address forms. */
const NOTHING_TO_READ = [
  'https://www.aliexpress.com/',
  'https://aliexpress.us/',
  'https://www.aliexpress.com/item/1005745176332016.html',
  'https://pt.aliexpress.com/item/1005745176332016.html?spm=a2g0o.productlist.main.1',
  'https://www.aliexpress.com/w/wholesale-phone-case.html?SearchText=phone+case',
  'https://www.aliexpress.com/store/1101234567',
  'https://www.aliexpress.com/p/shoppingcart/index.html',
  'https://www.aliexpress.com/p/wish-manage/index.html',
  'https://www.aliexpress.us/category/100003109/women-clothing.html',
  'https://sale.aliexpress.com/__pc/bigsave.htm',
  'https://login.aliexpress.com/',
];

describe('the pages the content scripts go to', () => {
  it('include every page the readers know, by every example of its address', () => {
    for (const url of examples) expect(injected(url), url).toBe(true);
  });

  it('leave out home, product, search, store, cart and other pages with nothing to read', () => {
    for (const url of NOTHING_TO_READ) {
      expect(detectPage(url), url).toBe('other');
      expect(injected(url), url).toBe(false);
    }
  });

  it('have no pattern that no known page needs, on AliExpress’s hosts only', () => {
    for (const pattern of READ_MATCHES) {
      const domain = ALIEXPRESS_DOMAINS.find((d) => pattern.startsWith(`*://*.${d}/`));
      expect(domain, pattern).toBeDefined();
      // Each path is needed by some known page, on whichever of the sites its example is from.
      const anySite = pattern.replace(`*.${domain}`, '*');
      expect(
        examples.some((url) => matches(anySite, url)),
        pattern,
      ).toBe(true);
    }
  });

  it('are read by the same rules as the browsers: the bare host, both schemes, path and query, case as written', () => {
    expect(matches('*://*.aliexpress.com/p/order/*', 'https://aliexpress.com/p/order/index.html')).toBe(true);
    expect(matches('*://*.aliexpress.com/p/order/*', 'http://m.aliexpress.com/p/order/index.html#x')).toBe(true);
    expect(matches('*://*.aliexpress.com/p/order/*', 'https://evilaliexpress.com/p/order/index.html')).toBe(false);
    expect(matches('*://*.aliexpress.com/p/order/*', 'https://www.aliexpress.com/P/order/index.html')).toBe(false);
    expect(matches('*://*.aliexpress.com/order*', 'https://trade.aliexpress.com/orderList.htm?x=1')).toBe(true);
    expect(matches('*://*.aliexpress.com/logisticsdetail.htm*', 'ftp://track.aliexpress.com/logisticsdetail.htm')).toBe(
      false,
    );
  });
});
