import type { Dated, Deadline, Dispute, Eligibility, Order, Timeline } from '../model/index.ts';
import { ms } from './time.ts';
import { disputeUrl, orderDetailUrl } from './urls.ts';

/** Whether the helper offers Start refund on an order, and where it leads. */
export type Offer = 'refund' | 'dispute' | 'none';

const FINISHED = new Set<Dispute['status']>(['refunded', 'closed']);
const DISPUTE_PHASES = new Set<Timeline['phase']>([
  'waiting-for-seller',
  'negotiating',
  'escalation-open',
  'escalated',
  'awaiting-return',
  'refund-pending',
]);

const dated = (d: Deadline | undefined): Dated | null => (d ? { at: d.at, source: d.source } : null);

/** The facts of one order as the store has them (OrderFacts without the verdict). */
export interface EligibilityInput {
  order: Order | null;
  dispute: Pick<Dispute, 'status' | 'orderId' | 'lineId' | 'disputeId'> | null;
  timeline: Timeline | null;
}

export function eligibility(orderId: string, { order, dispute, timeline }: EligibilityInput, now: number): Eligibility {
  const url = orderDetailUrl(orderId);
  if (dispute && !FINISHED.has(dispute.status)) return { kind: 'in-dispute', url: disputeUrl(dispute) };
  if (dispute?.status === 'refunded') return { kind: 'refunded', url: disputeUrl(dispute) };
  // A dispute the shopper says they submitted has a dispute's phase before any page showed it.
  if (timeline && DISPUTE_PHASES.has(timeline.phase)) return { kind: 'in-dispute', url: timeline.nextStep.url ?? url };
  if (timeline?.phase === 'refunded') return { kind: 'refunded', url: timeline.nextStep.url ?? url };
  if (!order || !timeline) return { kind: 'unknown', url };
  switch (order.status) {
    case 'in-dispute':
      return { kind: 'in-dispute', url };
    case 'to-pay':
      return { kind: 'not-paid', url };
    case 'closed':
      return { kind: 'closed', url };
    case 'to-ship':
      return { kind: 'not-shipped', url };
    case 'unknown':
      return { kind: 'unknown', url };
    case 'shipped':
    case 'completed':
      break;
  }
  const find = (kind: Deadline['kind']) => timeline.deadlines.find((d) => d.kind === kind);
  const protection = dated(find('protection-ends'));
  if (timeline.phase === 'protection-expired') return { kind: 'too-late', protection, url };
  if (timeline.phase === 'closed') return { kind: 'closed', url };
  if (order.status === 'completed' || order.dates.completedAt)
    // Received: the refund window runs from when; a list shows no such date, the details page does.
    return order.dates.completedAt ? { kind: 'now', protection } : { kind: 'unknown', url };
  const opens = dated(find('dispute-opens'));
  if (!opens) return { kind: 'unknown', url };
  if (ms(opens.at) <= now) return { kind: 'now', protection };
  if (protection && ms(opens.at) > ms(protection.at)) return { kind: 'act-before', opens, protection };
  return { kind: 'from', opens, protection };
}

/** Where Start refund leads for each verdict; an unknown one depends on whether the order was paid. */
const OFFERS: Record<Eligibility['kind'], Offer> = {
  'in-dispute': 'dispute',
  now: 'refund',
  from: 'refund',
  'act-before': 'refund',
  'not-shipped': 'refund',
  'too-late': 'refund',
  unknown: 'none',
  'not-paid': 'none',
  closed: 'none',
  refunded: 'none',
};

/**
 * Start refund belongs on paid orders that are not closed, even while their dates are unknown (the
 * panel then says where to read them); on one in dispute it leads to the dispute.
 */
export function offerOf(e: Eligibility, status: Order['status'] | null): Offer {
  return e.kind === 'unknown' && (status === 'shipped' || status === 'completed') ? 'refund' : OFFERS[e.kind];
}
