import type { Deadline, Dispute, Order, Timeline } from '../../../src/model/index.ts';
import type { Entry } from '../../../src/timeline/tracked.ts';

export const NOW = Date.parse('2026-11-27T10:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

export function order(id: string, patch: Partial<Order> = {}): Order {
  return {
    orderId: id,
    status: 'shipped',
    statusText: 'Awaiting delivery',
    placedAt: at(-20 * DAY),
    storeName: 'Gadget Store',
    total: { amount: 12.5, currency: 'USD' },
    lines: [{ lineId: `${id}01`, title: 'USB-C cable 2 m', quantity: 1 }],
    actions: ['track', 'returns-refunds'],
    dates: { shippedAt: at(-15 * DAY), completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
    ...patch,
  };
}

export function dispute(orderId: string, patch: Partial<Dispute> = {}): Dispute {
  return {
    orderId,
    lineId: `${orderId}01`,
    disputeId: `${orderId}99`,
    status: 'awaiting-seller',
    statusText: 'Waiting for the seller to respond',
    awaiting: 'seller',
    deadline: null,
    canEscalate: null,
    openedAt: at(-2 * DAY),
    reason: 'not-received',
    solution: null,
    ...patch,
  };
}

export const deadline = (kind: Deadline['kind'], offsetMs: number, source: Deadline['source'] = 'page'): Deadline => ({
  kind,
  at: at(offsetMs),
  source,
  rule: source === 'rule' ? 'sellerResponse' : null,
});

export function timeline(patch: Partial<Timeline> = {}): Timeline {
  return {
    phase: 'waiting-for-seller',
    deadlines: [],
    nextStep: { action: 'wait', why: 'whySellerMustRespond', url: null },
    urgency: 5 * DAY,
    ...patch,
  };
}

export function entry(id: string, patch: Partial<Entry> = {}): Entry {
  return { order: order(id), dispute: dispute(id), timeline: timeline(), progress: null, ...patch };
}
