/**
 * The page's own JSON, for pages that ask for it (`?mtop=1`): the order list answer of
 * `mtop.aliexpress.trade.buyer.order.list` as a component graph like the real captures
 * (components by `<tag>_<id>`, display order only in `hierarchy.structure`, keys shuffled).
 * Opt-in, so the DOM-only tests see exactly the page they always saw.
 */
import type { SiteAction, SiteOrder } from './data.ts';
import { formatDate, formatMoney, LANG_INFO, toLocalCents } from './format.ts';
import { LABELS, type Lang } from './labels.ts';
import { orderTotalLocalCents } from './render.ts';

export const ORDER_LIST_API = 'mtop.aliexpress.trade.buyer.order.list';
export const ORDER_LIST_PATH = `/h5/${ORDER_LIST_API}/1.0/`;

/** Button `type`s as the answers name them; the label is the page's, in its language. */
const BUTTON_TYPES: Record<SiteAction, string> = {
  pay: 'PAY_ORDER',
  cancel: 'CANCEL_ORDER',
  track: 'TRACKING',
  'confirm-received': 'CONFIRM_GOODS',
  'returns-refunds': 'OPEN_DISPUTE',
  'open-dispute': 'OPEN_DISPUTE',
  'view-dispute': 'VIEW_DISPUTE',
  review: 'EVALUATE',
  'buy-again': 'REPURCHASE',
  delete: 'DELETE',
  'contact-seller': 'CONTACT_SELLER',
};

function orderFields(lang: Lang, o: SiteOrder): Record<string, unknown> {
  const t = LABELS[lang];
  const info = LANG_INFO[lang];
  return {
    orderId: o.orderId,
    orderDateText: formatDate(lang, o.placedAt, info.listDate),
    statusText: t.status[o.status],
    storeName: o.store.name,
    storeUrl: `//www.aliexpress.com/store/${o.store.id}`,
    currencyCode: info.currency,
    totalPriceText: formatMoney(lang, orderTotalLocalCents(lang, o)),
    orderDetailUrl: 'https://www.aliexpress.com/p/order/detail.html',
    orderLineSize: o.lines.length,
    orderLines: o.lines.map((l) => ({
      orderLineId: l.lineId,
      itemTitle: l.title,
      quantity: l.quantity,
      itemPriceText: formatMoney(lang, toLocalCents(lang, l.unitUsdCents)),
      skuAttrs: [{ name: 'SKU', text: l.sku }],
    })),
    buttons: o.actions.map((a) => ({ type: BUTTON_TYPES[a], text: t.action[a] })),
  };
}

/** One page (1-based) of the order list answer. */
export function orderListAnswer(
  lang: Lang,
  orders: readonly SiteOrder[],
  pageIndex: number,
  pageSize: number,
  clock: Date,
): unknown {
  const shown = orders.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
  const keys = shown.map((o) => `pc_om_list_order_${o.orderId}`);
  const data: Record<string, unknown> = {};
  // Reversed on purpose: the real answers' key order is not the display order.
  for (const o of [...shown].reverse()) {
    data[`pc_om_list_order_${o.orderId}`] = {
      fields: orderFields(lang, o),
      id: o.orderId,
      position: 'body',
      status: 'normal',
      tag: 'pc_om_list_order',
      type: 'pc_om_list_order',
    };
  }
  data.pc_om_list_body_109702 = {
    fields: { hasMore: pageIndex * pageSize < orders.length, pageIndex, pageSize, totalNum: orders.length },
    id: '109702',
    tag: 'pc_om_list_body',
    type: 'pc_om_list_body',
  };
  data.pc_om_list_page_109694 = { fields: {}, id: '109694', tag: 'pc_om_list_page', type: 'pc_om_list_page' };
  return {
    api: ORDER_LIST_API,
    data: {
      data,
      endpoint: { mode: 'PC', protocolVersion: '3.0', ultronage: true },
      global: { curTime: clock.getTime() },
      hierarchy: {
        component: Object.keys(data),
        root: 'pc_om_list_page_109694',
        structure: { pc_om_list_page_109694: ['pc_om_list_body_109702'], pc_om_list_body_109702: keys },
      },
    },
    ret: ['SUCCESS::调用成功'],
    traceId: 'local-stand-in',
    v: '1.0',
  };
}
