import type { Deadline, DeadlineKind, Dispute, Money, Order, Source } from '../model/index.ts';
import type { Anchor, Policy, RuleId } from '../rules/policy.ts';
import { isoOf, momentOf, shiftDays, type Moment } from './time.ts';

/** A deadline while it is worked out: an instant in ms (or a calendar date's), with where it came from. */
export interface Due extends Moment {
  kind: DeadlineKind;
  source: Source;
  rule: RuleId | null;
  /** The late-delivery coupon's amount, when shown. */
  amount?: Money;
}

export type Anchors = Partial<Record<Anchor, Moment>>;

export function fromPage(kind: DeadlineKind, at: string | null | undefined): Due | undefined {
  const m = momentOf(at);
  return m === undefined ? undefined : { kind, ...m, source: 'page', rule: null };
}

/** A rule's duration added to the event it counts from, or nothing when that event is unknown. */
export function fromRule(kind: DeadlineKind, policy: Policy, id: RuleId, anchors: Anchors): Due | undefined {
  const rule = policy.rules[id];
  if (!rule) return undefined;
  const anchor = anchors[rule.from];
  return anchor === undefined ? undefined : { kind, ...shiftDays(anchor, rule.value), source: 'rule', rule: id };
}

/** An instant from an optional ISO string, or undefined when absent or unreadable. */
export function instant(at: string | null | undefined): number | undefined {
  return momentOf(at)?.at;
}

// A dispute's times (epochs, the shopper's word, a page visit) are always instants, never calendar dates.
const instantAt = (at: number | undefined): Moment | undefined => (at === undefined ? undefined : { at });

/** The order's own dates, before any dispute: what protection and receipt give the shopper. */
export interface OrderDues {
  received: boolean;
  protectionEnds?: Due;
  disputeOpens?: Due;
  refundRequestEnds?: Due;
  /** The day the late-delivery coupon is due for a parcel not delivered by then (page). */
  lateCoupon?: Due;
  /**
   * The free-return window's end: the page's days from the delivery the tracking answer showed
   * (`page`), or, without it, from the day receipt was confirmed, estimated (`rule`): a parcel is
   * delivered on or before that day, so the real end may come sooner.
   */
  freeReturnEnds?: Due;
}

export function orderDues(order: Order, policy: Policy): OrderDues {
  const completedAt = momentOf(order.dates.completedAt);
  const received = order.status === 'completed' || completedAt !== undefined;
  const anchors: Anchors = { shipped: momentOf(order.dates.shippedAt), 'order-placed': momentOf(order.placedAt) };
  const protectionPage = fromPage('protection-ends', order.dates.protectionEndsAt);
  const dues: OrderDues = { received };

  // Once received, a rule-estimated protection end says nothing useful; the page's still does.
  dues.protectionEnds = received
    ? protectionPage
    : (protectionPage ?? fromRule('protection-ends', policy, 'buyerProtection', anchors));

  if (!received) {
    // The delivery promise is the guarantee date when shown, else the protection countdown.
    dues.disputeOpens =
      fromPage('dispute-opens', order.dates.deliveryGuaranteeAt) ??
      fromPage('dispute-opens', order.dates.protectionEndsAt) ??
      fromRule('dispute-opens', policy, 'disputeOpens', anchors);
    anchors['delivery-promise-end'] = dues.disputeOpens;
  }

  // An order not confirmed by hand is confirmed by AliExpress when protection ends.
  anchors['receipt-confirmed'] = received ? completedAt : dues.protectionEnds;
  dues.refundRequestEnds = fromRule('refund-request-ends', policy, 'refundRequestAfterReceipt', anchors);

  const coupon = order.dates.lateCoupon;
  const couponDue = fromPage('late-coupon', coupon?.by);
  // A parcel already received has no late-delivery coupon to claim: the promise is moot.
  if (couponDue && !received) dues.lateCoupon = coupon?.amount ? { ...couponDue, amount: coupon.amount } : couponDue;
  const days = order.dates.freeReturnDays;
  const delivered = momentOf(order.dates.deliveredAt);
  const from = delivered ?? completedAt;
  if (days && from)
    dues.freeReturnEnds = {
      kind: 'free-return-ends',
      ...shiftDays(from, days),
      source: delivered ? 'page' : 'rule',
      rule: null,
    };
  return dues;
}

/** Where a dispute stands, from the page's status and who it says must act. */
export type Stage =
  | 'refunded'
  | 'closed'
  | 'refund-pending'
  | 'escalated'
  | 'awaiting-return'
  | 'seller'
  | 'buyer'
  /** Open, and no page said who must act: the rules' clock runs from the day it opened. */
  | 'open';

export function stageOf(dispute: Dispute, returnAgreed: boolean): Stage {
  switch (dispute.status) {
    case 'refunded':
    case 'closed':
    case 'refund-pending':
    case 'escalated':
    case 'awaiting-return':
      return dispute.status;
    case 'awaiting-seller':
      return 'seller';
    case 'awaiting-buyer':
      return returnAgreed ? 'awaiting-return' : 'buyer';
    case 'open':
    case 'unknown':
      if (dispute.awaiting === 'seller') return 'seller';
      if (dispute.awaiting === 'aliexpress') return 'escalated';
      if (dispute.awaiting === 'buyer') return returnAgreed ? 'awaiting-return' : 'buyer';
      if (dispute.status === 'open') return 'open';
      return returnAgreed ? 'awaiting-return' : 'buyer';
  }
}

export interface DisputeDues {
  stage: Stage;
  sellerResponse?: Due;
  escalationOpens?: Due;
  escalationCloses?: Due;
  /** Day 16 of the older rules: AliExpress escalates by itself. Not a deadline the page knows. */
  autoEscalation?: number;
  returnShipBy?: Due;
  /** The page's countdown when it is the shopper's turn without a return: drives urgency. */
  buyerDue?: number;
  /**
   * That countdown as a deadline, when the page says the shopper is the one who must act: silence
   * accepts the seller's proposal. Only from the page; no rules pack states this time.
   */
  buyerResponse?: Due;
}

export function disputeDues(
  dispute: Dispute,
  policy: Policy,
  now: number,
  openedAt: number | undefined,
  returnAgreedAt: number | undefined,
  escalateSeenAt?: number,
): DisputeDues {
  const stage = stageOf(dispute, returnAgreedAt !== undefined);
  const page = instant(dispute.deadline);
  // A countdown the shopper entered is theirs, not the page's.
  const countdownDue = (kind: DeadlineKind, at: string | null): Due | undefined => {
    const due = fromPage(kind, at);
    return due && dispute.entered?.includes('deadline') ? { ...due, source: 'shopper' } : due;
  };
  const anchors: Anchors = { 'dispute-opened': instantAt(openedAt), 'return-agreed': instantAt(returnAgreedAt) };
  const dues: DisputeDues = { stage };

  if (stage === 'awaiting-return') {
    dues.returnShipBy =
      countdownDue('return-ship-by', dispute.deadline) ?? fromRule('return-ship-by', policy, 'returnShipBy', anchors);
    return dues;
  }
  if (stage === 'escalated') {
    if (dispute.awaiting === 'buyer') dues.buyerDue = page;
    return dues;
  }
  if (stage !== 'seller' && stage !== 'buyer' && stage !== 'open') return dues;

  if (stage === 'open') {
    // Every case starts with the seller's turn; whose countdown the page shows is not known here.
    dues.sellerResponse = fromRule('seller-response', policy, 'sellerResponse', anchors);
    anchors['seller-response-due'] = dues.sellerResponse;
  } else if (stage === 'seller') {
    dues.sellerResponse =
      countdownDue('seller-response', dispute.deadline) ??
      fromRule('seller-response', policy, 'sellerResponse', anchors);
    anchors['seller-response-due'] = dues.sellerResponse;
  } else {
    dues.buyerDue = page;
    if (dispute.status === 'awaiting-buyer' || dispute.awaiting === 'buyer')
      dues.buyerResponse = fromPage('buyer-response', dispute.deadline);
  }

  dues.escalationOpens = fromRule('escalation-opens', policy, 'escalationOpens', anchors);
  const buttonShown = dispute.canEscalate === true;
  if (buttonShown && (dues.escalationOpens === undefined || dues.escalationOpens.at > now)) {
    // The button proves the window was open when a page first showed it (no later than now); its
    // end counts from then, so it does not move forward with every visit.
    const seen = escalateSeenAt !== undefined && escalateSeenAt <= now ? escalateSeenAt : now;
    dues.escalationOpens = {
      kind: 'escalation-opens',
      at: Math.max(seen, openedAt ?? seen),
      source: 'page',
      rule: null,
    };
  }
  anchors['escalation-opens'] = dues.escalationOpens;

  // rules/policy.ts guarantees a rule window that closes after it opens.
  const closes = fromRule('escalation-closes', policy, 'escalationCloses', anchors);
  // A rule end that has passed while the page still shows the button is simply wrong: drop it.
  dues.escalationCloses = closes && buttonShown && closes.at <= now ? undefined : closes;

  const auto = policy.rules.autoEscalation;
  const autoFrom = auto && anchors[auto.from];
  if (auto && autoFrom !== undefined) dues.autoEscalation = shiftDays(autoFrom, auto.value).at;
  return dues;
}

export function toDeadline(due: Due): Deadline {
  const deadline: Deadline = { kind: due.kind, at: isoOf(due), source: due.source, rule: due.rule };
  return due.amount ? { ...deadline, amount: due.amount } : deadline;
}
