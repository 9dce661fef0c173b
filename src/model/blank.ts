import type { Dispute } from './dispute.ts';
import type { Order, OrderDates } from './order.ts';

/**
 * An order of which only the id is known: a page that shows one fact about it (a tracking page's
 * delivery guarantee, a dispute page) fills in the rest, every other field stays null.
 */
export function blankOrder(orderId: string, dates: Partial<OrderDates> = {}): Order {
  return {
    orderId,
    status: 'unknown',
    statusText: null,
    placedAt: null,
    storeName: null,
    total: null,
    lines: [],
    actions: [],
    dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null, ...dates },
  };
}

/** A dispute of which only the order (and perhaps the line) is known. */
export function blankDispute(orderId: string, lineId: string | null = null): Dispute {
  return {
    orderId,
    lineId,
    disputeId: null,
    status: 'unknown',
    statusText: null,
    awaiting: null,
    deadline: null,
    canEscalate: null,
    openedAt: null,
    reason: null,
    solution: null,
  };
}
