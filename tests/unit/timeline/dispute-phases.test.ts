import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../src/model/index.ts';
import type { PackId } from '../../../src/rules/index.ts';
import { NO_URGENCY, timelineFor } from '../../../src/timeline/index.ts';
import { at, dispute, order, policy } from './build.ts';

const CASE_URL =
  'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8212379857492018&reverseOrderLineId=5012379857492019';

type Row = {
  name: string;
  pack: PackId;
  dispute: Partial<Dispute>;
  now: string;
  returnAgreedAt?: string;
  phase: string;
  action: string;
  why: string;
  urgency: number;
  deadlines: Array<[string, string, 'page' | 'rule', string | null]>;
};

// Dispute opened 2026-11-01T10:00Z. Guide: seller by +5d, escalation from +15d to +18d.
// Older official rules: seller by +5d, escalation from +4d to +15d, automatic on day 16 (+15d).
const G_SELLER: [string, string, 'rule', string] = [
  'seller-response',
  '2026-11-06T10:00:00.000Z',
  'rule',
  'sellerResponse',
];
const G_OPENS: [string, string, 'rule', string] = [
  'escalation-opens',
  '2026-11-16T10:00:00.000Z',
  'rule',
  'escalationOpens',
];
const G_CLOSES: [string, string, 'rule', string] = [
  'escalation-closes',
  '2026-11-19T10:00:00.000Z',
  'rule',
  'escalationCloses',
];
const L_OPENS: [string, string, 'rule', string] = [
  'escalation-opens',
  '2026-11-05T10:00:00.000Z',
  'rule',
  'escalationOpens',
];
const L_CLOSES: [string, string, 'rule', string] = [
  'escalation-closes',
  '2026-11-16T10:00:00.000Z',
  'rule',
  'escalationCloses',
];

const rows: Row[] = [
  // guide pack
  {
    name: 'guide: the seller has not answered yet',
    pack: 'guide',
    dispute: { status: 'awaiting-seller', awaiting: 'seller' },
    now: '2026-11-03T00:00:00.000Z',
    phase: 'waiting-for-seller',
    action: 'wait',
    why: 'whySellerMustRespond',
    urgency: NO_URGENCY,
    deadlines: [G_SELLER, G_OPENS, G_CLOSES],
  },
  {
    name: 'guide: the seller let the rule time pass, so the refund goes through',
    pack: 'guide',
    dispute: { status: 'awaiting-seller', awaiting: 'seller' },
    now: '2026-11-07T00:00:00.000Z',
    phase: 'refund-pending',
    action: 'wait',
    why: 'whySellerMissedDeadline',
    urgency: NO_URGENCY,
    deadlines: [G_SELLER, G_OPENS, G_CLOSES],
  },
  {
    name: "guide: the page's countdown is the seller's deadline",
    pack: 'guide',
    dispute: { status: 'awaiting-seller', awaiting: 'seller', deadline: '2026-11-05T22:30:00.000Z' },
    now: '2026-11-03T00:00:00.000Z',
    phase: 'waiting-for-seller',
    action: 'wait',
    why: 'whySellerMustRespond',
    urgency: NO_URGENCY,
    deadlines: [['seller-response', '2026-11-05T22:30:00.000Z', 'page', null], G_OPENS, G_CLOSES],
  },
  {
    name: "guide: past the page's countdown the refund is due even before the rule's date",
    pack: 'guide',
    dispute: { status: 'awaiting-seller', awaiting: 'seller', deadline: '2026-11-05T22:30:00.000Z' },
    now: '2026-11-06T00:00:00.000Z',
    phase: 'refund-pending',
    action: 'wait',
    why: 'whySellerMissedDeadline',
    urgency: NO_URGENCY,
    deadlines: [['seller-response', '2026-11-05T22:30:00.000Z', 'page', null], G_OPENS, G_CLOSES],
  },
  {
    name: 'guide: the seller answered; the shopper negotiates until the window',
    pack: 'guide',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer' },
    now: '2026-11-10T00:00:00.000Z',
    phase: 'negotiating',
    action: 'respond',
    why: 'whyRespondToSeller',
    urgency: 813_600_000, // 9 d 10 h to escalation-closes
    deadlines: [G_OPENS, G_CLOSES],
  },
  {
    name: "guide: the shopper's own countdown makes it urgent",
    pack: 'guide',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer', deadline: '2026-11-12T00:00:00.000Z' },
    now: '2026-11-10T00:00:00.000Z',
    phase: 'negotiating',
    action: 'respond',
    why: 'whyRespondToSeller',
    urgency: 172_800_000, // 2 d
    // The page's countdown is the shopper's own deadline (issue 15), from the page, no rule.
    deadlines: [['buyer-response', '2026-11-12T00:00:00.000Z', 'page', null], G_OPENS, G_CLOSES],
  },
  {
    name: 'guide: a countdown whose owner the page does not say is no deadline of the shopper',
    pack: 'guide',
    dispute: { status: 'unknown', awaiting: null, deadline: '2026-11-12T00:00:00.000Z' },
    now: '2026-11-10T00:00:00.000Z',
    phase: 'negotiating',
    action: 'respond',
    why: 'whyNegotiate',
    urgency: 172_800_000, // 2 d
    deadlines: [G_OPENS, G_CLOSES],
  },
  {
    name: 'guide: waiting for the shopper without a countdown: no reply deadline is estimated',
    pack: 'guide',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer', deadline: null },
    now: '2026-11-10T00:00:00.000Z',
    phase: 'negotiating',
    action: 'respond',
    why: 'whyRespondToSeller',
    urgency: 9 * 86_400_000 + 10 * 3_600_000, // until escalation closes
    deadlines: [G_OPENS, G_CLOSES],
  },
  {
    name: 'guide: after 15 days the escalation window is open',
    pack: 'guide',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer' },
    now: '2026-11-17T00:00:00.000Z',
    phase: 'escalation-open',
    action: 'escalate',
    why: 'whyEscalationOpen',
    urgency: 208_800_000, // 2 d 10 h
    deadlines: [G_OPENS, G_CLOSES],
  },
  {
    name: 'guide: three days later the window is missed',
    pack: 'guide',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer' },
    now: '2026-11-20T00:00:00.000Z',
    phase: 'negotiating',
    action: 'respond',
    why: 'whyEscalationMissed',
    urgency: NO_URGENCY,
    deadlines: [G_OPENS, G_CLOSES],
  },
  {
    name: 'guide: an Escalate button before the rule date opens the window now',
    pack: 'guide',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer', canEscalate: true },
    now: '2026-11-03T00:00:00.000Z',
    phase: 'escalation-open',
    action: 'escalate',
    why: 'whyEscalationOpen',
    urgency: 259_200_000, // 3 d from the reading
    deadlines: [
      ['escalation-opens', '2026-11-03T00:00:00.000Z', 'page', null],
      ['escalation-closes', '2026-11-06T00:00:00.000Z', 'rule', 'escalationCloses'],
    ],
  },
  {
    name: "guide: an Escalate button after the rule's end: the end is unknown, escalate now",
    pack: 'guide',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer', canEscalate: true },
    now: '2026-11-25T00:00:00.000Z',
    phase: 'escalation-open',
    action: 'escalate',
    why: 'whyEscalationOpen',
    urgency: 0,
    deadlines: [G_OPENS],
  },
  {
    name: 'guide: no Escalate button on the page keeps the dispute negotiating',
    pack: 'guide',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer', canEscalate: false },
    now: '2026-11-17T00:00:00.000Z',
    phase: 'negotiating',
    action: 'respond',
    why: 'whyRespondToSeller',
    urgency: 208_800_000,
    deadlines: [G_OPENS, G_CLOSES],
  },
  {
    name: "guide: an Escalate button wins even on the seller's turn",
    pack: 'guide',
    dispute: { status: 'awaiting-seller', awaiting: 'seller', canEscalate: true },
    now: '2026-11-03T00:00:00.000Z',
    phase: 'escalation-open',
    action: 'escalate',
    why: 'whyEscalationOpen',
    urgency: 259_200_000,
    deadlines: [
      ['escalation-opens', '2026-11-03T00:00:00.000Z', 'page', null],
      ['escalation-closes', '2026-11-06T00:00:00.000Z', 'rule', 'escalationCloses'],
      G_SELLER,
    ],
  },
  {
    name: 'guide: escalated, AliExpress decides',
    pack: 'guide',
    dispute: { status: 'escalated', awaiting: 'aliexpress' },
    now: '2026-11-20T00:00:00.000Z',
    phase: 'escalated',
    action: 'wait',
    why: 'whyAliExpressReviewing',
    urgency: NO_URGENCY,
    deadlines: [],
  },
  {
    name: 'guide: escalated and AliExpress waits for the shopper',
    pack: 'guide',
    dispute: { status: 'escalated', awaiting: 'buyer', deadline: '2026-11-20T00:00:00.000Z' },
    now: '2026-11-18T00:00:00.000Z',
    phase: 'escalated',
    action: 'respond',
    why: 'whyAliExpressNeedsAnswer',
    urgency: 172_800_000,
    deadlines: [],
  },
  {
    name: "guide: an agreed return's countdown is the ship-by date",
    pack: 'guide',
    dispute: { status: 'awaiting-return', awaiting: 'buyer', deadline: '2026-11-20T00:00:00.000Z' },
    now: '2026-11-18T00:00:00.000Z',
    phase: 'awaiting-return',
    action: 'ship-return',
    why: 'whyShipReturn',
    urgency: 172_800_000,
    deadlines: [['return-ship-by', '2026-11-20T00:00:00.000Z', 'page', null]],
  },
  {
    name: 'guide: an agreed return without a countdown ships within 10 days of the agreement',
    pack: 'guide',
    dispute: { status: 'awaiting-return', awaiting: 'buyer' },
    returnAgreedAt: '2026-11-08T12:00:00.000Z',
    now: '2026-11-10T00:00:00.000Z',
    phase: 'awaiting-return',
    action: 'ship-return',
    why: 'whyShipReturn',
    urgency: 734_400_000, // 8 d 12 h
    deadlines: [['return-ship-by', '2026-11-18T12:00:00.000Z', 'rule', 'returnShipBy']],
  },
  {
    name: 'guide: a return past its ship-by date is overdue',
    pack: 'guide',
    dispute: { status: 'awaiting-return', awaiting: 'buyer' },
    returnAgreedAt: '2026-11-08T12:00:00.000Z',
    now: '2026-11-19T00:00:00.000Z',
    phase: 'awaiting-return',
    action: 'ship-return',
    why: 'whyReturnOverdue',
    urgency: 0,
    deadlines: [['return-ship-by', '2026-11-18T12:00:00.000Z', 'rule', 'returnShipBy']],
  },
  {
    name: 'guide: a return with no date at all is due now',
    pack: 'guide',
    dispute: { status: 'awaiting-return', awaiting: 'buyer' },
    now: '2026-11-19T00:00:00.000Z',
    phase: 'awaiting-return',
    action: 'ship-return',
    why: 'whyShipReturn',
    urgency: 0,
    deadlines: [],
  },
  {
    name: "guide: the shopper's turn after agreeing a return means shipping it",
    pack: 'guide',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer' },
    returnAgreedAt: '2026-11-08T12:00:00.000Z',
    now: '2026-11-10T00:00:00.000Z',
    phase: 'awaiting-return',
    action: 'ship-return',
    why: 'whyShipReturn',
    urgency: 734_400_000,
    deadlines: [['return-ship-by', '2026-11-18T12:00:00.000Z', 'rule', 'returnShipBy']],
  },
  {
    name: 'guide: refund in progress',
    pack: 'guide',
    dispute: { status: 'refund-pending' },
    now: '2026-11-10T00:00:00.000Z',
    phase: 'refund-pending',
    action: 'wait',
    why: 'whyRefundProcessing',
    urgency: NO_URGENCY,
    deadlines: [],
  },
  {
    name: 'guide: refunded',
    pack: 'guide',
    dispute: { status: 'refunded' },
    now: '2026-11-10T00:00:00.000Z',
    phase: 'refunded',
    action: 'check-refund',
    why: 'whyRefundReachesBank',
    urgency: NO_URGENCY,
    deadlines: [],
  },
  {
    name: 'guide: closed',
    pack: 'guide',
    dispute: { status: 'closed' },
    now: '2026-11-10T00:00:00.000Z',
    phase: 'closed',
    action: 'none',
    why: 'whyDisputeClosed',
    urgency: NO_URGENCY,
    deadlines: [],
  },
  {
    name: 'guide: unknown status waiting for AliExpress is escalated',
    pack: 'guide',
    dispute: { status: 'unknown', awaiting: 'aliexpress' },
    now: '2026-11-10T00:00:00.000Z',
    phase: 'escalated',
    action: 'wait',
    why: 'whyAliExpressReviewing',
    urgency: NO_URGENCY,
    deadlines: [],
  },
  {
    name: "guide: unknown status on the seller's turn",
    pack: 'guide',
    dispute: { status: 'unknown', awaiting: 'seller' },
    now: '2026-11-03T00:00:00.000Z',
    phase: 'waiting-for-seller',
    action: 'wait',
    why: 'whySellerMustRespond',
    urgency: NO_URGENCY,
    deadlines: [G_SELLER, G_OPENS, G_CLOSES],
  },
  {
    name: 'guide: unknown status and turn negotiates',
    pack: 'guide',
    dispute: { status: 'unknown', awaiting: null },
    now: '2026-11-10T00:00:00.000Z',
    phase: 'negotiating',
    action: 'respond',
    why: 'whyNegotiate',
    urgency: 813_600_000,
    deadlines: [G_OPENS, G_CLOSES],
  },
  // older official rules
  {
    name: "legacy: the seller's turn, with the early escalation window listed",
    pack: 'official-legacy',
    dispute: { status: 'awaiting-seller', awaiting: 'seller' },
    now: '2026-11-03T00:00:00.000Z',
    phase: 'waiting-for-seller',
    action: 'wait',
    why: 'whySellerMustRespond',
    urgency: NO_URGENCY,
    deadlines: [L_OPENS, G_SELLER, L_CLOSES],
  },
  {
    name: 'legacy: the seller let 5 days pass',
    pack: 'official-legacy',
    dispute: { status: 'awaiting-seller', awaiting: 'seller' },
    now: '2026-11-07T00:00:00.000Z',
    phase: 'refund-pending',
    action: 'wait',
    why: 'whySellerMissedDeadline',
    urgency: NO_URGENCY,
    deadlines: [L_OPENS, G_SELLER, L_CLOSES],
  },
  {
    name: 'legacy: negotiating before day 4',
    pack: 'official-legacy',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer' },
    now: '2026-11-04T00:00:00.000Z',
    phase: 'negotiating',
    action: 'respond',
    why: 'whyRespondToSeller',
    urgency: 1_072_800_000, // 12 d 10 h to the end of day 15
    deadlines: [L_OPENS, L_CLOSES],
  },
  {
    name: 'legacy: from day 4 the shopper may escalate',
    pack: 'official-legacy',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer' },
    now: '2026-11-06T00:00:00.000Z',
    phase: 'escalation-open',
    action: 'escalate',
    why: 'whyEscalationOpen',
    urgency: 900_000_000, // 10 d 10 h
    deadlines: [L_OPENS, L_CLOSES],
  },
  {
    name: 'legacy: on day 16 AliExpress escalates by itself',
    pack: 'official-legacy',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer' },
    now: '2026-11-17T00:00:00.000Z',
    phase: 'escalated',
    action: 'wait',
    why: 'whyAliExpressReviewing',
    urgency: NO_URGENCY,
    deadlines: [L_OPENS, L_CLOSES],
  },
  {
    name: 'legacy: an Escalate button before day 4 opens the window now; its end stays day 15',
    pack: 'official-legacy',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer', canEscalate: true },
    now: '2026-11-03T00:00:00.000Z',
    phase: 'escalation-open',
    action: 'escalate',
    why: 'whyEscalationOpen',
    urgency: 1_159_200_000, // 13 d 10 h
    deadlines: [['escalation-opens', '2026-11-03T00:00:00.000Z', 'page', null], L_CLOSES],
  },
  // current sources: seller by +5d, no window for the shopper, AliExpress steps in at +12d (5 + about 7).
  {
    name: "current: the seller's turn, and no escalation window is listed",
    pack: 'current',
    dispute: { status: 'awaiting-seller', awaiting: 'seller' },
    now: '2026-11-03T00:00:00.000Z',
    phase: 'waiting-for-seller',
    action: 'wait',
    why: 'whySellerMustRespond',
    urgency: NO_URGENCY,
    deadlines: [G_SELLER],
  },
  {
    name: 'current: negotiating, the shopper answers and cannot escalate',
    pack: 'current',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer' },
    now: '2026-11-09T00:00:00.000Z',
    phase: 'negotiating',
    action: 'respond',
    why: 'whyRespondToSeller',
    urgency: NO_URGENCY, // no countdown on the page, no window to miss
    deadlines: [],
  },
  {
    name: 'current: 12 days in, AliExpress has stepped in by itself',
    pack: 'current',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer' },
    now: '2026-11-13T10:00:00.000Z',
    phase: 'escalated',
    action: 'wait',
    why: 'whyAliExpressReviewing',
    urgency: NO_URGENCY,
    deadlines: [],
  },
  {
    name: 'current: an Escalate button on the page still opens escalation, with no end guessed',
    pack: 'current',
    dispute: { status: 'awaiting-buyer', awaiting: 'buyer', canEscalate: true },
    now: '2026-11-09T00:00:00.000Z',
    phase: 'escalation-open',
    action: 'escalate',
    why: 'whyEscalationOpen',
    urgency: 0, // the button is there and its end unknown: now
    deadlines: [['escalation-opens', '2026-11-09T00:00:00.000Z', 'page', null]],
  },
  {
    name: 'legacy: an agreed return ships within 10 days too',
    pack: 'official-legacy',
    dispute: { status: 'awaiting-return', awaiting: 'buyer' },
    returnAgreedAt: '2026-11-08T12:00:00.000Z',
    now: '2026-11-10T00:00:00.000Z',
    phase: 'awaiting-return',
    action: 'ship-return',
    why: 'whyShipReturn',
    urgency: 734_400_000,
    deadlines: [['return-ship-by', '2026-11-18T12:00:00.000Z', 'rule', 'returnShipBy']],
  },
  // An open case whose party no page said (the refund list's reverseStatus 1-3): its clock runs
  // from the day it opened, but past the seller's time nothing promises a refund.
  {
    name: "open, party unknown: the seller's time is estimated from the day it opened",
    pack: 'guide',
    dispute: { status: 'open', awaiting: null },
    now: '2026-11-03T00:00:00.000Z',
    phase: 'waiting-for-seller',
    action: 'wait',
    why: 'whySellerMustRespond',
    urgency: NO_URGENCY,
    deadlines: [G_SELLER, G_OPENS, G_CLOSES],
  },
  {
    name: "open, party unknown: past the seller's time the shopper is sent to look, not promised a refund",
    pack: 'guide',
    dispute: { status: 'open', awaiting: null },
    now: '2026-11-08T00:00:00.000Z',
    phase: 'negotiating',
    action: 'respond',
    why: 'whyCheckDispute',
    urgency: 986_400_000, // 11 d 10 h to escalation-closes
    deadlines: [G_SELLER, G_OPENS, G_CLOSES],
  },
  {
    name: 'open, party unknown: the escalation window opens on the rule day',
    pack: 'guide',
    dispute: { status: 'open', awaiting: null },
    now: '2026-11-17T00:00:00.000Z',
    phase: 'escalation-open',
    action: 'escalate',
    why: 'whyEscalationOpen',
    urgency: 208_800_000,
    deadlines: [G_SELLER, G_OPENS, G_CLOSES],
  },
  {
    name: 'legacy: open, party unknown, escalation from day 4 once the seller had their time',
    pack: 'official-legacy',
    dispute: { status: 'open', awaiting: null },
    now: '2026-11-07T00:00:00.000Z',
    phase: 'escalation-open',
    action: 'escalate',
    why: 'whyEscalationOpen',
    urgency: 813_600_000,
    deadlines: [L_OPENS, G_SELLER, L_CLOSES],
  },
  {
    name: 'open, and a page said it is the seller who must act: the seller rules apply',
    pack: 'guide',
    dispute: { status: 'open', awaiting: 'seller' },
    now: '2026-11-07T00:00:00.000Z',
    phase: 'refund-pending',
    action: 'wait',
    why: 'whySellerMissedDeadline',
    urgency: NO_URGENCY,
    deadlines: [G_SELLER, G_OPENS, G_CLOSES],
  },
];

describe('timelineFor with a dispute', () => {
  it.each(rows)('$name', (row) => {
    const t = timelineFor({
      order: null,
      dispute: dispute(row.dispute),
      policy: policy(row.pack),
      now: at(row.now),
      returnAgreedAt: row.returnAgreedAt ?? null,
    });
    expect(t.phase).toBe(row.phase);
    expect(t.nextStep).toEqual({ action: row.action, why: row.why, url: CASE_URL });
    expect(t.urgency).toBe(row.urgency);
    expect(t.deadlines.map((d) => [d.kind, d.at, d.source, d.rule])).toEqual(row.deadlines);
  });

  it('a dispute the shopper says they submitted counts as opened then, its clocks marked as theirs', () => {
    const t = timelineFor({
      order: order({ status: 'shipped' }),
      dispute: null,
      policy: policy('guide'),
      now: at('2026-11-03T00:00:00.000Z'),
      submittedAt: '2026-11-01T10:00:00.000Z',
    });
    expect(t.phase).toBe('waiting-for-seller');
    expect(t.nextStep.url).toBe('https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017');
    expect(t.deadlines.map((d) => [d.kind, d.at, d.source])).toEqual([
      ['seller-response', '2026-11-06T10:00:00.000Z', 'shopper'],
      ['escalation-opens', '2026-11-16T10:00:00.000Z', 'shopper'],
      ['escalation-closes', '2026-11-19T10:00:00.000Z', 'shopper'],
    ]);
  });

  it('a dispute read without its opening time takes it from the shopper’s word, marked so', () => {
    const t = timelineFor({
      order: null,
      dispute: dispute({ status: 'awaiting-seller', openedAt: null }),
      policy: policy('guide'),
      now: at('2026-11-03T00:00:00.000Z'),
      submittedAt: '2026-11-02T00:00:00.000Z',
    });
    expect(t.deadlines[0]).toEqual({
      kind: 'seller-response',
      at: '2026-11-07T00:00:00.000Z',
      source: 'shopper',
      rule: 'sellerResponse',
    });
  });

  it('an order the list marks as in dispute, with nothing else known, negotiates on the order page', () => {
    const t = timelineFor({
      order: order({ status: 'in-dispute' }),
      dispute: null,
      policy: policy('guide'),
      now: at('2026-11-03T00:00:00.000Z'),
    });
    expect(t).toEqual({
      phase: 'negotiating',
      deadlines: [],
      nextStep: {
        action: 'respond',
        why: 'whyNegotiate',
        url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017',
      },
      urgency: NO_URGENCY,
    });
  });

  it('a dispute without its case ids links to the order', () => {
    const t = timelineFor({
      order: null,
      dispute: dispute({ disputeId: null }),
      policy: policy('guide'),
      now: at('2026-11-03T00:00:00.000Z'),
    });
    expect(t.nextStep.url).toBe('https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017');
  });

  it("the shopper's overrides move the rule dates", () => {
    const t = timelineFor({
      order: null,
      dispute: dispute({ status: 'awaiting-seller' }),
      policy: policy('guide', { sellerResponse: 2.5, escalationOpens: 7, escalationCloses: 1 }),
      now: at('2026-11-03T00:00:00.000Z'),
    });
    expect(t.deadlines.map((d) => [d.kind, d.at])).toEqual([
      ['seller-response', '2026-11-03T22:00:00.000Z'],
      ['escalation-opens', '2026-11-08T10:00:00.000Z'],
      ['escalation-closes', '2026-11-09T10:00:00.000Z'],
    ]);
  });
});

describe('the escalation window a page showed', () => {
  // Written by hand: the Escalate button was first seen on 2026-11-10T08:00Z, on a dispute the
  // rules would open for escalation only on 2026-11-16 (guide: day 15, for 3 days).
  const seen = '2026-11-10T08:00:00.000Z';
  const shown = dispute({ status: 'awaiting-buyer', awaiting: 'buyer', canEscalate: true });
  const at = (now: string) =>
    timelineFor({ order: null, dispute: shown, policy: policy('guide'), now: new Date(now), escalateSeenAt: seen })
      .deadlines.filter((d) => d.kind.startsWith('escalation'))
      .map((d) => [d.kind, d.at, d.source]);

  it('counts from when the button was first seen, so its end stays put day after day', () => {
    const expected = [
      ['escalation-opens', seen, 'page'],
      ['escalation-closes', '2026-11-13T08:00:00.000Z', 'rule'],
    ];
    expect(at('2026-11-10T20:00:00.000Z')).toEqual(expected);
    expect(at('2026-11-11T20:00:00.000Z')).toEqual(expected);
    expect(at('2026-11-12T20:00:00.000Z')).toEqual(expected);
  });

  it('without a first sighting, counts from now, as before', () => {
    const now = '2026-11-11T20:00:00.000Z';
    const t = timelineFor({ order: null, dispute: shown, policy: policy('guide'), now: new Date(now) });
    expect(t.deadlines.find((d) => d.kind === 'escalation-opens')?.at).toBe(now);
  });
});
