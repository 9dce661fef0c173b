import type { PageKind } from '../model/index.ts';
import { isAliExpressHost } from '../model/hosts.ts';

/**
 * Page kinds from the URL alone: the most stable signal AliExpress gives. Each detector lists the
 * URLs it must accept; tests run every detector against every other detector's examples, so a new
 * pattern that swallows a neighbour's URLs fails at once.
 */
export interface Detector {
  kind: Exclude<PageKind, 'other'>;
  test: (url: URL) => boolean;
  examples: string[];
}

const isAe = (url: URL) => (url.protocol === 'https:' || url.protocol === 'http:') && isAliExpressHost(url.hostname);

/** Paths are matched whole; AliExpress mixes case in legacy paths (`Detail.htm`), so case is ignored. */
const onPath = (pattern: RegExp) => (url: URL) => isAe(url) && pattern.test(url.pathname);

export const isOrderList: Detector = {
  kind: 'order-list',
  test: onPath(/^\/p\/order\/index\.html$/i),
  examples: [
    'https://www.aliexpress.com/p/order/index.html',
    'https://www.aliexpress.us/p/order/index.html?spm=a2g0o.home.0.0',
    'https://pt.aliexpress.com/p/order/index.html',
    'https://aliexpress.com/p/order/index.html',
    'https://m.aliexpress.com/p/order/index.html#tab=shipped',
  ],
};

export const isOrderDetail: Detector = {
  kind: 'order-detail',
  test: onPath(/^\/p\/order\/detail\.html$/i),
  examples: [
    'https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322',
    'https://es.aliexpress.com/p/order/detail.html?orderId=8212379857492017&spm=a2g0o.order_list',
    'https://aliexpress.us/p/order/detail.html?orderId=3051234567890123456',
  ],
};

export const isTracking: Detector = {
  kind: 'tracking',
  test: (url) =>
    onPath(/^\/p\/tracking\/index\.html$/i)(url) ||
    (isAe(url) && /^track\./i.test(url.hostname) && /^\/logisticsdetail\.htm$/i.test(url.pathname)),
  examples: [
    'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322',
    'https://www.aliexpress.us/p/tracking/index.html?_addShare=no&tradeOrderId=8214398062177351',
    'https://track.aliexpress.com/logisticsdetail.htm?tradeId=8212313961591322',
  ],
};

export const isRefundStart: Detector = {
  kind: 'refund-start',
  test: onPath(/^\/p\/reverse-pages\/start\.html$/i),
  examples: [
    'https://www.aliexpress.com/p/reverse-pages/start.html?tradeOrderLineId=8212840438652111',
    'https://fr.aliexpress.com/p/reverse-pages/start.html?reverseOrderLineId=6239649418962814',
  ],
};

export const isDisputeList: Detector = {
  kind: 'dispute-list',
  test: onPath(/^\/p\/refund-dispute\/list\.html$/i),
  examples: [
    'https://m.aliexpress.com/p/refund-dispute/list.html',
    'https://www.aliexpress.com/p/refund-dispute/list.html?spm=a2g0o.order_list.0.0',
  ],
};

export const isDisputeDetail: Detector = {
  kind: 'dispute-detail',
  test: onPath(/^\/issue\/fastissue\/detail\.htm$/i),
  examples: [
    'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8144101709301607&reverseOrderLineId=6239649418962814&from=1',
    'https://trade.aliexpress.com/issue/fastissue/Detail.htm?reverseOrderLineId=230619598499278&issueId=7100861864905604&from=1',
    'https://trade.aliexpress.us/issue/fastissue/detail.htm?reverseOrderLineId=230619598499278',
  ],
};

export const isRefundAmount: Detector = {
  kind: 'refund-amount',
  test: onPath(/^\/p\/refund-amount\/detail\.html$/i),
  examples: [
    'https://m.aliexpress.com/p/refund-amount/detail.html?pha_manifest=refund-amount&tradeOrderLineId=8144101709301607',
    'https://www.aliexpress.com/p/refund-amount/detail.html?tradeOrderLineId=8143355043086413',
  ],
};

export const isLegacyOrderList: Detector = {
  kind: 'legacy-order-list',
  test: onPath(/^\/orderlist\.htm$/i),
  examples: [
    'https://trade.aliexpress.com/orderList.htm',
    'https://trade.aliexpress.com/orderList.htm?tracelog=ws_topbar',
  ],
};

export const isLegacyOrderDetail: Detector = {
  kind: 'legacy-order-detail',
  test: onPath(/^\/order_detail\.htm$/i),
  examples: [
    'https://trade.aliexpress.com/order_detail.htm?orderId=8144543148947317',
    'https://trade.aliexpress.us/order_detail.htm?orderId=8144543148947317',
  ],
};

export const isLegacyDisputeList: Detector = {
  kind: 'legacy-dispute-list',
  test: onPath(/^\/issue\/issue_list\.htm$/i),
  examples: [
    'https://trade.aliexpress.com/issue/issue_list.htm',
    'https://trade.aliexpress.com/issue/issue_list.htm?spm=1',
  ],
};

export const detectors: readonly Detector[] = [
  isOrderList,
  isOrderDetail,
  isTracking,
  isRefundStart,
  isDisputeList,
  isDisputeDetail,
  isRefundAmount,
  isLegacyOrderList,
  isLegacyOrderDetail,
  isLegacyDisputeList,
];

/** URLs that look like ours but are not: they must all be `other`. */
export const otherExamples: readonly string[] = [
  'https://www.aliexpress.ru/p/order/index.html',
  'https://aliexpress.ru/p/order/detail.html?orderId=8212313961591322',
  'https://www.aliexpress.com.evil.example/p/order/index.html',
  'https://evilaliexpress.com/p/order/index.html',
  'https://example.com/p/order/index.html',
  'https://www.aliexpress.com/',
  'https://www.aliexpress.com/item/1005745176332016.html',
  'https://www.aliexpress.com/p/order/index.html.bak',
  'https://www.aliexpress.com/x/p/order/index.html',
  'ftp://www.aliexpress.com/p/order/index.html',
  'not a url',
  '',
];

export function detectPage(href: string | URL): PageKind {
  let url: URL;
  try {
    url = typeof href === 'string' ? new URL(href) : href;
  } catch {
    return 'other';
  }
  return detectors.find((d) => d.test(url))?.kind ?? 'other';
}
