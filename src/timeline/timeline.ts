import type { Deadline, Dispute, NextAction, Order, Phase, Timeline } from '../model/index.ts';
import type { Policy } from '../rules/policy.ts';
import { disputeDues, instant, orderDues, toDeadline, type Due } from './deadlines.ts';
import { NO_URGENCY } from './time.ts';
import { disputeUrl, MY_ORDERS_URL, openDisputeUrl, orderDetailUrl } from './urls.ts';
import type { WhyKey } from './why.ts';

export interface TimelineInput {
  order: Order | null;
  dispute: Dispute | null;
  policy: Policy;
  now: Date;
  /**
   * When the shopper said they submitted a dispute, if they did: with no dispute read from a page,
   * it is one, and its clocks count from this date, marked as the shopper's.
   */
  submittedAt?: string | null;
  /** When a return was agreed, if known; the return must ship within a rule's time of it. */
  returnAgreedAt?: string | null;
  /** When a page first showed the Escalate button, if known: the window counts from then. */
  escalateSeenAt?: string | null;
}

interface Decision {
  phase: Phase;
  action: NextAction;
  why: WhyKey;
  url: string | null;
  /** Instants by which the shopper must act; the nearest gives the urgency. */
  due: Array<number | undefined>;
}

/**
 * What happens when for one order and its dispute, and what the shopper should do now. Pure:
 * the clock is `now`, the rules are `policy`. Page dates win over rule estimates; past a rule's
 * deadline the phase moves on as AliExpress would (a silent seller means an automatic refund).
 */
export function timelineFor(input: TimelineInput): Timeline {
  const now = input.now.getTime();
  const dispute = effectiveDispute(input);
  const dues: Due[] = [];
  const decision = dispute
    ? decideDispute(dispute, input, now, dues)
    : input.order
      ? decideOrder(input.order, input.policy, now, dues)
      : {
          phase: 'no-problem' as const,
          action: 'none' as const,
          why: 'whyNothingTracked' as const,
          url: MY_ORDERS_URL,
          due: [],
        };

  const deadlines: Deadline[] = dues
    .sort((a, b) => a.at - b.at || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    .map(toDeadline);
  return {
    phase: decision.phase,
    deadlines,
    nextStep: { action: decision.action, why: decision.why, url: decision.url },
    urgency: urgency(decision.due, now),
  };
}

/** Ties at the same instant list in the order things happen in a dispute. */
const KIND_ORDER: Deadline['kind'][] = [
  'dispute-opens',
  'seller-response',
  'buyer-response',
  'escalation-opens',
  'escalation-closes',
  'return-ship-by',
  'protection-ends',
  'refund-request-ends',
  'late-coupon',
  'free-return-ends',
];

function urgency(due: Array<number | undefined>, now: number): number {
  const times = due.filter((t): t is number => t !== undefined);
  return times.length === 0 ? NO_URGENCY : Math.max(0, Math.min(...times) - now);
}

/**
 * A dispute the shopper says they submitted, or an order the list marks as in dispute, is a
 * dispute even before its case page was read. Having gone to the form is not.
 */
function effectiveDispute(input: TimelineInput): Dispute | null {
  if (input.dispute) return input.dispute;
  const order = input.order;
  if (!order) return null;
  const base = {
    orderId: order.orderId,
    lineId: null,
    disputeId: null,
    statusText: null,
    deadline: null,
    canEscalate: null,
    reason: null,
    solution: null,
  };
  // Its opening is the shopper's date (decideDispute counts from it), not one a page showed.
  if (input.submittedAt) return { ...base, status: 'awaiting-seller', awaiting: 'seller', openedAt: null };
  if (order.status === 'in-dispute') return { ...base, status: 'unknown', awaiting: null, openedAt: null };
  return null;
}

const fromShopper = (due?: Due): Due | undefined => (due?.source === 'rule' ? { ...due, source: 'shopper' } : due);

function push(dues: Due[], ...items: Array<Due | undefined>): void {
  for (const item of items) if (item) dues.push(item);
}

function decideOrder(order: Order, policy: Policy, now: number, dues: Due[]): Decision {
  const url = orderDetailUrl(order.orderId);
  if (order.status === 'closed') return { phase: 'closed', action: 'none', why: 'whyOrderClosed', url, due: [] };
  if (order.status === 'to-pay')
    return { phase: 'no-problem', action: 'none', why: 'whyAwaitingPayment', url, due: [] };

  const o = orderDues(order, policy);
  push(dues, o.disputeOpens, o.protectionEnds, o.refundRequestEnds, o.lateCoupon, o.freeReturnEnds);
  const ends = [o.protectionEnds?.at, o.refundRequestEnds?.at].filter((t): t is number => t !== undefined);
  const open = ends.filter((t) => t > now);
  const expired = ends.length > 0 && open.length === 0;

  if (o.received) {
    if (expired) return { phase: 'protection-expired', action: 'none', why: 'whyProtectionExpired', url, due: [] };
    return { phase: 'no-problem', action: 'none', why: 'whyRefundWindowOpen', url, due: open };
  }

  const opens = o.disputeOpens?.at;
  if (opens === undefined) {
    if (order.status === 'to-ship')
      return { phase: 'no-problem', action: 'wait', why: 'whyAwaitingShipment', url, due: open };
    if (order.status === 'unknown')
      return { phase: 'no-problem', action: 'none', why: 'whyStatusUnknown', url, due: open };
    return { phase: 'no-problem', action: 'wait', why: 'whyParcelWithinPromise', url, due: open };
  }
  if (now < opens) {
    const protectionEnds = o.protectionEnds?.at;
    // Waiting for the earliest day would lose the protection: act before it ends instead.
    if (order.status !== 'to-ship' && protectionEnds !== undefined && protectionEnds > now && opens > protectionEnds)
      return {
        phase: 'no-problem',
        action: 'extend-protection',
        why: 'whyOpensAfterProtection',
        url,
        due: [protectionEnds],
      };
    const why = order.status === 'to-ship' ? 'whyAwaitingShipment' : 'whyParcelWithinPromise';
    return { phase: 'no-problem', action: 'wait', why, url, due: open };
  }
  if (expired) return { phase: 'protection-expired', action: 'none', why: 'whyProtectionExpired', url, due: [] };
  return {
    phase: 'can-open-dispute',
    action: 'open-dispute',
    why: 'whyParcelOverdue',
    url: openDisputeUrl(order),
    due: open,
  };
}

function decideDispute(dispute: Dispute, input: TimelineInput, now: number, dues: Due[]): Decision {
  const pageOpened = instant(dispute.openedAt);
  const openedAt = pageOpened ?? instant(input.submittedAt);
  const d = disputeDues(
    dispute,
    input.policy,
    now,
    openedAt,
    instant(input.returnAgreedAt),
    instant(input.escalateSeenAt),
  );
  // Clocks counted from the shopper's date are theirs to check: marked so, not as plain estimates.
  const theirs = pageOpened === undefined || dispute.entered?.includes('openedAt') === true;
  const counted = theirs && openedAt !== undefined ? fromShopper : (due?: Due) => due;
  push(
    dues,
    counted(d.sellerResponse),
    d.buyerResponse,
    counted(d.escalationOpens),
    counted(d.escalationCloses),
    d.returnShipBy,
  );
  const url = disputeUrl(dispute);

  switch (d.stage) {
    case 'refunded':
      return { phase: 'refunded', action: 'check-refund', why: 'whyRefundReachesBank', url, due: [] };
    case 'closed':
      return { phase: 'closed', action: 'none', why: 'whyDisputeClosed', url, due: [] };
    case 'refund-pending':
      return { phase: 'refund-pending', action: 'wait', why: 'whyRefundProcessing', url, due: [] };
    case 'escalated':
      return d.buyerDue === undefined
        ? { phase: 'escalated', action: 'wait', why: 'whyAliExpressReviewing', url, due: [] }
        : { phase: 'escalated', action: 'respond', why: 'whyAliExpressNeedsAnswer', url, due: [d.buyerDue] };
    case 'awaiting-return': {
      const by = d.returnShipBy?.at;
      const why = by !== undefined && by <= now ? 'whyReturnOverdue' : 'whyShipReturn';
      // Without a known date the return is due as soon as possible: 10 days go fast.
      return { phase: 'awaiting-return', action: 'ship-return', why, url, due: [by ?? now] };
    }
    case 'seller':
    case 'buyer':
    case 'open':
      break;
  }

  const opens = d.escalationOpens?.at;
  const closes = d.escalationCloses?.at;
  const escalationOpen: Decision = {
    phase: 'escalation-open',
    action: 'escalate',
    why: 'whyEscalationOpen',
    url,
    // The button is there but its end is unknown: escalate now rather than guess.
    due: closes === undefined ? [now] : [closes, d.buyerDue],
  };
  if (dispute.canEscalate === true) return escalationOpen;

  if (d.stage === 'seller') {
    const by = d.sellerResponse?.at;
    if (by !== undefined && by <= now)
      return { phase: 'refund-pending', action: 'wait', why: 'whySellerMissedDeadline', url, due: [] };
    return { phase: 'waiting-for-seller', action: 'wait', why: 'whySellerMustRespond', url, due: [] };
  }
  if (d.stage === 'open') {
    // Only the case's age is known: within the seller's time it is theirs; after it, whether they
    // answered is not, so the shopper is sent to look rather than promised a refund.
    const by = d.sellerResponse?.at;
    if (by !== undefined && by > now)
      return { phase: 'waiting-for-seller', action: 'wait', why: 'whySellerMustRespond', url, due: [] };
  }

  if (d.autoEscalation !== undefined && d.autoEscalation <= now) {
    return { phase: 'escalated', action: 'wait', why: 'whyAliExpressReviewing', url, due: [] };
  }
  if (closes !== undefined && closes <= now) {
    return { phase: 'negotiating', action: 'respond', why: 'whyEscalationMissed', url, due: [d.buyerDue] };
  }
  // The page wins: no button on the page means not open, whatever the rule estimates.
  if (opens !== undefined && opens <= now && dispute.canEscalate !== false) return escalationOpen;
  const why =
    d.stage === 'open'
      ? 'whyCheckDispute'
      : dispute.status === 'awaiting-buyer' || dispute.awaiting === 'buyer'
        ? 'whyRespondToSeller'
        : 'whyNegotiate';
  return { phase: 'negotiating', action: 'respond', why, url, due: [d.buyerDue, closes] };
}
