import type { Dispute, Order } from '../model/index.ts';

export const MY_ORDERS_URL = 'https://www.aliexpress.com/p/order/index.html';

export function orderDetailUrl(orderId: string): string {
  return `https://www.aliexpress.com/p/order/detail.html?orderId=${encodeURIComponent(orderId)}`;
}

export function refundStartUrl(lineId: string): string {
  return `https://www.aliexpress.com/p/reverse-pages/start.html?tradeOrderLineId=${encodeURIComponent(lineId)}`;
}

/** The case page needs both ids; without them the order detail page links to the case. */
export function disputeUrl(dispute: Pick<Dispute, 'orderId' | 'lineId' | 'disputeId'>): string {
  if (dispute.lineId && dispute.disputeId) {
    return `https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${encodeURIComponent(dispute.lineId)}&reverseOrderLineId=${encodeURIComponent(dispute.disputeId)}`;
  }
  return orderDetailUrl(dispute.orderId);
}

/** Where to open a dispute: the refund form when the item is unambiguous, else the order to pick it on. */
export function openDisputeUrl(order: Order): string {
  const lineIds = order.lines.flatMap((line) => (line.lineId ? [line.lineId] : []));
  const only = lineIds.length === 1 ? lineIds[0] : undefined;
  return only ? refundStartUrl(only) : orderDetailUrl(order.orderId);
}
