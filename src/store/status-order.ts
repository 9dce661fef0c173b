import type { DisputeStatus, OrderStatus } from '../model/index.ts';

/**
 * How far along an order is. A status with a lower rank than the stored one is a stale page (a
 * cached tab, a list rendered before the detail page was read), so it is kept in the history and
 * flagged rather than applied. `unknown` has no rank: it means the page did not tell.
 */
const ORDER_RANK: Record<Exclude<OrderStatus, 'unknown'>, number> = {
  'to-pay': 0,
  'to-ship': 1,
  shipped: 2,
  completed: 3,
  'in-dispute': 3,
  closed: 4,
};

/** Negotiation, AliExpress stepping in, the return, the money: a dispute only moves down this list. */
const DISPUTE_RANK: Record<Exclude<DisputeStatus, 'unknown'>, number> = {
  open: 0,
  'awaiting-seller': 0,
  'awaiting-buyer': 0,
  escalated: 1,
  'awaiting-return': 2,
  'refund-pending': 3,
  refunded: 4,
  closed: 4,
};

export function orderStatusBackwards(from: OrderStatus, to: OrderStatus): boolean {
  if (from === 'unknown' || to === 'unknown' || from === to) return false;
  // A dispute can be opened on a shipped order or after confirming receipt, and ends on either.
  if (from === 'in-dispute') return to === 'to-pay' || to === 'to-ship';
  if (to === 'in-dispute') return ORDER_RANK[from] > ORDER_RANK.completed;
  return ORDER_RANK[to] < ORDER_RANK[from];
}

export function disputeStatusBackwards(from: DisputeStatus, to: DisputeStatus): boolean {
  if (from === 'unknown' || to === 'unknown' || from === to) return false;
  return DISPUTE_RANK[to] < DISPUTE_RANK[from];
}

/**
 * `open` says less than any other status of a case still in progress (a refund list knows a case
 * is open, not whose turn it is): it fills an unknown status but never replaces one that says more.
 */
export function disputeStatusVaguer(from: DisputeStatus, to: DisputeStatus): boolean {
  return to === 'open' && from !== 'unknown' && from !== 'open' && DISPUTE_RANK[from] < DISPUTE_RANK.refunded;
}

/**
 * Statuses after which no reminder is planned: an order completed or closed, a dispute refunded
 * or closed. Read only from page JSON, such a status waits for the page itself (store/merge.ts).
 */
export function orderStatusFinal(status: OrderStatus): boolean {
  return status === 'completed' || status === 'closed';
}

export function disputeStatusFinal(status: DisputeStatus): boolean {
  return status === 'refunded' || status === 'closed';
}
