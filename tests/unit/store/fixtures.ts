import type { Dispute, Order, PageSnapshot } from '../../../src/model/index.ts';
import { openDb, type RadarDb } from '../../../src/store/db.ts';
import { allObservations } from '../../../src/store/history.ts';
import { canonical } from '../../../src/store/merge.ts';

let counter = 0;

/** A database of its own for every test, so no test sees another's records. */
export function freshDb(): RadarDb {
  counter += 1;
  return openDb(`rr-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function order(over: Partial<Order> = {}): Order {
  return {
    orderId: '8212379857492017',
    status: 'shipped',
    statusText: 'Awaiting delivery',
    placedAt: '2026-11-03T10:00:00.000Z',
    storeName: 'Best Store',
    total: { amount: 12.5, currency: 'USD' },
    lines: [{ lineId: '8212379857502017', title: 'USB cable', quantity: 2 }],
    actions: ['track', 'confirm-received'],
    dates: {
      shippedAt: '2026-11-05T10:00:00.000Z',
      completedAt: null,
      protectionEndsAt: null,
      deliveryGuaranteeAt: null,
    },
    ...over,
  };
}

export function dispute(over: Partial<Dispute> = {}): Dispute {
  return {
    orderId: '8212379857492017',
    lineId: '8212379857502017',
    disputeId: '5012345678901234',
    status: 'awaiting-seller',
    statusText: 'Waiting for seller response',
    awaiting: 'seller',
    deadline: '2026-11-25T12:00:00.000Z',
    canEscalate: false,
    openedAt: '2026-11-20T12:00:00.000Z',
    reason: 'not-received',
    solution: 'refund-only',
    ...over,
  };
}

export function snapshot(over: Partial<PageSnapshot> = {}): PageSnapshot {
  return {
    kind: 'order-list',
    url: 'https://www.aliexpress.com/p/order/index.html',
    locale: 'en',
    readAt: '2026-11-20T10:00:00.000Z',
    orders: [order()],
    disputes: [],
    problems: [],
    ...over,
  };
}

/**
 * Every record of every table, the history as observations without ids (they are the only thing a
 * re-add renumbers), sorted: readings of the same time, page and kind are one reading once they
 * pass through a backup, so only which observations there are is compared, not their order.
 */
export async function contents(db: RadarDb) {
  const [orders, disputes, observations, alerts, settings, progress, held] = await Promise.all([
    db.orders.toArray(),
    db.disputes.toArray(),
    allObservations(db),
    db.alerts.toArray(),
    db.settings.toArray(),
    db.progress.toArray(),
    db.held.toArray(),
  ]);
  const history = observations.map(({ id: _id, ...o }) => o);
  const sorted = history.map((o) => [canonical(o), o] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { orders, disputes, observations: sorted.map(([, o]) => o), alerts, settings, progress, held };
}
