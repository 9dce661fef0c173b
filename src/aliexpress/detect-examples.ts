import type { Detector } from './detect.ts';

/**
 * The URLs each page detector (detect.ts) must accept, seen on AliExpress: for the detectors'
 * tests and for tools that need a page's address (scripts/inspect.ts). Not imported by the
 * extension, so no page carries them.
 */
export const DETECTOR_EXAMPLES: Record<Detector['kind'], readonly string[]> = {
  'order-list': [
    'https://www.aliexpress.com/p/order/index.html',
    'https://www.aliexpress.us/p/order/index.html?spm=a2g0o.home.0.0',
    'https://pt.aliexpress.com/p/order/index.html',
    'https://aliexpress.com/p/order/index.html',
    'https://m.aliexpress.com/p/order/index.html#tab=shipped',
  ],
  'order-detail': [
    'https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322',
    'https://es.aliexpress.com/p/order/detail.html?orderId=8212379857492017&spm=a2g0o.order_list',
    'https://aliexpress.us/p/order/detail.html?orderId=3051234567890123456',
  ],
  tracking: [
    'https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322',
    'https://www.aliexpress.us/p/tracking/index.html?_addShare=no&tradeOrderId=8214398062177351',
    'https://track.aliexpress.com/logisticsdetail.htm?tradeId=8212313961591322',
  ],
  'refund-start': [
    'https://www.aliexpress.com/p/reverse-pages/start.html?tradeOrderLineId=8212840438652111',
    'https://fr.aliexpress.com/p/reverse-pages/start.html?reverseOrderLineId=6239649418962814',
  ],
  'dispute-list': [
    'https://m.aliexpress.com/p/refund-dispute/list.html',
    'https://www.aliexpress.com/p/refund-dispute/list.html?spm=a2g0o.order_list.0.0',
  ],
  'dispute-detail': [
    'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8144101709301607&reverseOrderLineId=6239649418962814&from=1',
    'https://trade.aliexpress.com/issue/fastissue/Detail.htm?reverseOrderLineId=230619598499278&issueId=7100861864905604&from=1',
    'https://trade.aliexpress.us/issue/fastissue/detail.htm?reverseOrderLineId=230619598499278',
  ],
  'refund-amount': [
    'https://m.aliexpress.com/p/refund-amount/detail.html?pha_manifest=refund-amount&tradeOrderLineId=8144101709301607',
    'https://www.aliexpress.com/p/refund-amount/detail.html?tradeOrderLineId=8143355043086413',
  ],
  'legacy-order-list': [
    'https://trade.aliexpress.com/orderList.htm',
    'https://trade.aliexpress.com/orderList.htm?tracelog=ws_topbar',
  ],
  'legacy-order-detail': [
    'https://trade.aliexpress.com/order_detail.htm?orderId=8144543148947317',
    'https://trade.aliexpress.us/order_detail.htm?orderId=8144543148947317',
  ],
  'legacy-dispute-list': [
    'https://trade.aliexpress.com/issue/issue_list.htm',
    'https://trade.aliexpress.com/issue/issue_list.htm?spm=1',
  ],
};

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
