import { describe, expect, it } from 'vitest';
import type { PackId } from '../../../src/rules/index.ts';
import { NO_URGENCY, timelineFor } from '../../../src/timeline/index.ts';
import { at, order, policy } from './build.ts';

const ORDER_URL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017';
const REFUND_URL = 'https://www.aliexpress.com/p/reverse-pages/start.html?tradeOrderLineId=8212379857492018';

type Row = {
  name: string;
  order: Parameters<typeof order>[0];
  now: string;
  phase: string;
  action: string;
  why: string;
  url: string;
  urgency: number;
  deadlines: Array<[string, string, 'page' | 'rule', string | null]>;
};

// Shipped 2026-09-01T08:00Z: by the rules (same in both packs) the promised delivery and buyer
// protection end 60 days later, 2026-10-31T08:00Z, and a refund can be asked 15 days after that.
const SHIPPED = { shippedAt: '2026-09-01T08:00:00.000Z' };
const RULE_OPENS: [string, string, 'rule', string] = [
  'dispute-opens',
  '2026-10-31T08:00:00.000Z',
  'rule',
  'disputeOpens',
];
const RULE_PROTECTION: [string, string, 'rule', string] = [
  'protection-ends',
  '2026-10-31T08:00:00.000Z',
  'rule',
  'buyerProtection',
];
const RULE_REFUND: [string, string, 'rule', string] = [
  'refund-request-ends',
  '2026-11-15T08:00:00.000Z',
  'rule',
  'refundRequestAfterReceipt',
];

const rows: Row[] = [
  {
    name: 'a parcel within its promised delivery time (rule dates)',
    order: { status: 'shipped', dates: SHIPPED },
    now: '2026-10-01T00:00:00.000Z',
    phase: 'no-problem',
    action: 'wait',
    why: 'whyParcelWithinPromise',
    url: ORDER_URL,
    urgency: 2_620_800_000, // 30 d 8 h to the end of protection
    deadlines: [RULE_OPENS, RULE_PROTECTION, RULE_REFUND],
  },
  {
    name: 'a parcel past its promised delivery time (rule dates)',
    order: { status: 'shipped', dates: SHIPPED },
    now: '2026-11-01T00:00:00.000Z',
    phase: 'can-open-dispute',
    action: 'open-dispute',
    why: 'whyParcelOverdue',
    url: REFUND_URL,
    urgency: 1_238_400_000, // 14 d 8 h to the last day to ask
    deadlines: [RULE_OPENS, RULE_PROTECTION, RULE_REFUND],
  },
  {
    name: 'a parcel whose last day to ask has passed (rule dates)',
    order: { status: 'shipped', dates: SHIPPED },
    now: '2026-11-16T00:00:00.000Z',
    phase: 'protection-expired',
    action: 'none',
    why: 'whyProtectionExpired',
    url: ORDER_URL,
    urgency: NO_URGENCY,
    deadlines: [RULE_OPENS, RULE_PROTECTION, RULE_REFUND],
  },
  {
    name: 'page dates: the delivery guarantee opens disputes, the countdown ends protection',
    order: {
      status: 'shipped',
      dates: {
        ...SHIPPED,
        deliveryGuaranteeAt: '2026-10-10T00:00:00.000Z',
        protectionEndsAt: '2026-10-25T00:00:00.000Z',
      },
    },
    now: '2026-10-12T00:00:00.000Z',
    phase: 'can-open-dispute',
    action: 'open-dispute',
    why: 'whyParcelOverdue',
    url: REFUND_URL,
    urgency: 1_123_200_000, // 13 d to the end of protection
    deadlines: [
      ['dispute-opens', '2026-10-10T00:00:00.000Z', 'page', null],
      ['protection-ends', '2026-10-25T00:00:00.000Z', 'page', null],
      ['refund-request-ends', '2026-11-09T00:00:00.000Z', 'rule', 'refundRequestAfterReceipt'],
    ],
  },
  {
    name: 'page dates: before the delivery guarantee date the shopper waits',
    order: {
      status: 'shipped',
      dates: {
        ...SHIPPED,
        deliveryGuaranteeAt: '2026-10-10T00:00:00.000Z',
        protectionEndsAt: '2026-10-25T00:00:00.000Z',
      },
    },
    now: '2026-10-05T00:00:00.000Z',
    phase: 'no-problem',
    action: 'wait',
    why: 'whyParcelWithinPromise',
    url: ORDER_URL,
    urgency: 1_728_000_000, // 20 d
    deadlines: [
      ['dispute-opens', '2026-10-10T00:00:00.000Z', 'page', null],
      ['protection-ends', '2026-10-25T00:00:00.000Z', 'page', null],
      ['refund-request-ends', '2026-11-09T00:00:00.000Z', 'rule', 'refundRequestAfterReceipt'],
    ],
  },
  {
    name: 'page protection countdown only: it is the delivery promise too',
    order: { status: 'shipped', dates: { protectionEndsAt: '2026-10-25T00:00:00.000Z' } },
    now: '2026-10-26T00:00:00.000Z',
    phase: 'can-open-dispute',
    action: 'open-dispute',
    why: 'whyParcelOverdue',
    url: REFUND_URL,
    urgency: 1_209_600_000, // 14 d
    deadlines: [
      ['dispute-opens', '2026-10-25T00:00:00.000Z', 'page', null],
      ['protection-ends', '2026-10-25T00:00:00.000Z', 'page', null],
      ['refund-request-ends', '2026-11-09T00:00:00.000Z', 'rule', 'refundRequestAfterReceipt'],
    ],
  },
  {
    name: 'an order with several items opens the dispute from the order page',
    order: {
      status: 'shipped',
      dates: SHIPPED,
      lines: [
        { lineId: '8212379857492018', title: null, quantity: 1 },
        { lineId: '8212379857492019', title: null, quantity: 1 },
      ],
    },
    now: '2026-11-01T00:00:00.000Z',
    phase: 'can-open-dispute',
    action: 'open-dispute',
    why: 'whyParcelOverdue',
    url: ORDER_URL,
    urgency: 1_238_400_000,
    deadlines: [RULE_OPENS, RULE_PROTECTION, RULE_REFUND],
  },
  {
    name: 'not shipped yet',
    order: { status: 'to-ship' },
    now: '2026-10-01T00:00:00.000Z',
    phase: 'no-problem',
    action: 'wait',
    why: 'whyAwaitingShipment',
    url: ORDER_URL,
    urgency: NO_URGENCY,
    deadlines: [],
  },
  {
    name: 'not shipped, past its delivery guarantee',
    order: { status: 'to-ship', dates: { deliveryGuaranteeAt: '2026-09-20T00:00:00.000Z' } },
    now: '2026-10-01T00:00:00.000Z',
    phase: 'can-open-dispute',
    action: 'open-dispute',
    why: 'whyParcelOverdue',
    url: REFUND_URL,
    urgency: NO_URGENCY,
    deadlines: [['dispute-opens', '2026-09-20T00:00:00.000Z', 'page', null]],
  },
  {
    name: 'not paid',
    order: { status: 'to-pay' },
    now: '2026-10-01T00:00:00.000Z',
    phase: 'no-problem',
    action: 'none',
    why: 'whyAwaitingPayment',
    url: ORDER_URL,
    urgency: NO_URGENCY,
    deadlines: [],
  },
  {
    name: 'closed',
    order: { status: 'closed', dates: SHIPPED },
    now: '2026-10-01T00:00:00.000Z',
    phase: 'closed',
    action: 'none',
    why: 'whyOrderClosed',
    url: ORDER_URL,
    urgency: NO_URGENCY,
    deadlines: [],
  },
  {
    name: 'received: a refund can be asked for 15 days',
    order: { status: 'completed', dates: { ...SHIPPED, completedAt: '2026-11-01T12:00:00.000Z' } },
    now: '2026-11-10T00:00:00.000Z',
    phase: 'no-problem',
    action: 'none',
    why: 'whyRefundWindowOpen',
    url: ORDER_URL,
    urgency: 561_600_000, // 6 d 12 h
    deadlines: [['refund-request-ends', '2026-11-16T12:00:00.000Z', 'rule', 'refundRequestAfterReceipt']],
  },
  {
    name: 'received: after 15 days it is too late',
    order: { status: 'completed', dates: { ...SHIPPED, completedAt: '2026-11-01T12:00:00.000Z' } },
    now: '2026-11-17T00:00:00.000Z',
    phase: 'protection-expired',
    action: 'none',
    why: 'whyProtectionExpired',
    url: ORDER_URL,
    urgency: NO_URGENCY,
    deadlines: [['refund-request-ends', '2026-11-16T12:00:00.000Z', 'rule', 'refundRequestAfterReceipt']],
  },
  {
    name: "received: the page's protection countdown keeps the order claimable",
    order: {
      status: 'completed',
      dates: { completedAt: '2026-11-01T12:00:00.000Z', protectionEndsAt: '2026-12-01T00:00:00.000Z' },
    },
    now: '2026-11-20T00:00:00.000Z',
    phase: 'no-problem',
    action: 'none',
    why: 'whyRefundWindowOpen',
    url: ORDER_URL,
    urgency: 950_400_000, // 11 d
    deadlines: [
      ['refund-request-ends', '2026-11-16T12:00:00.000Z', 'rule', 'refundRequestAfterReceipt'],
      ['protection-ends', '2026-12-01T00:00:00.000Z', 'page', null],
    ],
  },
  {
    name: 'completed without a date: nothing to count from',
    order: { status: 'completed' },
    now: '2026-11-20T00:00:00.000Z',
    phase: 'no-problem',
    action: 'none',
    why: 'whyRefundWindowOpen',
    url: ORDER_URL,
    urgency: NO_URGENCY,
    deadlines: [],
  },
  {
    name: 'unknown status without dates',
    order: { status: 'unknown' },
    now: '2026-11-20T00:00:00.000Z',
    phase: 'no-problem',
    action: 'none',
    why: 'whyStatusUnknown',
    url: ORDER_URL,
    urgency: NO_URGENCY,
    deadlines: [],
  },
];

describe.each<PackId>(['guide', 'official-legacy'])('timelineFor with an order and no dispute (%s)', (pack) => {
  it.each(rows)('$name', (row) => {
    const t = timelineFor({ order: order(row.order), dispute: null, policy: policy(pack), now: at(row.now) });
    expect(t.phase).toBe(row.phase);
    expect(t.nextStep).toEqual({ action: row.action, why: row.why, url: row.url });
    expect(t.urgency).toBe(row.urgency);
    expect(t.deadlines.map((d) => [d.kind, d.at, d.source, d.rule])).toEqual(row.deadlines);
  });
});

describe('timelineFor with nothing', () => {
  it('points to My orders', () => {
    expect(
      timelineFor({ order: null, dispute: null, policy: policy('guide'), now: at('2026-11-20T00:00:00.000Z') }),
    ).toEqual({
      phase: 'no-problem',
      deadlines: [],
      nextStep: { action: 'none', why: 'whyNothingTracked', url: 'https://www.aliexpress.com/p/order/index.html' },
      urgency: NO_URGENCY,
    });
  });
});

describe('a Brazilian order with the 120-day protection chosen', () => {
  it('moves the rule dates', () => {
    const t = timelineFor({
      order: order({ status: 'shipped', dates: SHIPPED }),
      dispute: null,
      policy: policy('guide', { buyerProtection: 120, disputeOpens: 120 }),
      now: at('2026-10-01T00:00:00.000Z'),
    });
    expect(t.deadlines.map((d) => [d.kind, d.at])).toEqual([
      ['dispute-opens', '2026-12-30T08:00:00.000Z'],
      ['protection-ends', '2026-12-30T08:00:00.000Z'],
      ['refund-request-ends', '2027-01-14T08:00:00.000Z'],
    ]);
  });
});
