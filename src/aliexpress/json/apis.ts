/**
 * The mtop APIs we read, by their lower-case names. Apart from the readers so the content script
 * can tell which page an answer belongs to (belongs.ts) without carrying the readers themselves.
 */
export const ORDER_LIST_API = 'mtop.aliexpress.trade.buyer.order.list';
export const ORDER_DETAIL_API = 'mtop.aliexpress.trade.buyer.order.detail';
export const REFUND_LIST_API = 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer';
export const LOGISTICS_API = 'mtop.ae.ld.querydetail';
