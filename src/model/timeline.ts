import * as z from 'zod/mini';
import { Money, PageDate, Source } from './common.ts';

export const DeadlineKind = z.enum([
  'seller-response',
  'escalation-opens',
  'escalation-closes',
  'protection-ends',
  'dispute-opens',
  'refund-request-ends',
  'return-ship-by',
  /** The late-delivery coupon's day: not delivered by then, the shopper may claim the coupon. */
  'late-coupon',
  /** The free-return window's end: the delivery day plus the days the page gives. */
  'free-return-ends',
  /** The shopper's own time to answer (a rejection or a proposal), read from the case page's countdown. */
  'buyer-response',
]);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

export const Deadline = z.object({
  kind: DeadlineKind,
  at: PageDate,
  /** `page` when AliExpress showed it, `rule` when estimated from rules/policy.json, `shopper` when counted from their word. */
  source: Source,
  /** The policy rule id it came from (e.g. "sellerResponse"), or null when read from the page. */
  rule: z.nullable(z.string()),
  /** The late-delivery coupon's amount and currency, when the page showed them. */
  amount: z.optional(Money),
});
export type Deadline = z.infer<typeof Deadline>;

export const Phase = z.enum([
  'no-problem',
  'can-open-dispute',
  'waiting-for-seller',
  'negotiating',
  'escalation-open',
  'escalated',
  'awaiting-return',
  'refund-pending',
  'refunded',
  'closed',
  'protection-expired',
]);
export type Phase = z.infer<typeof Phase>;

export const NextAction = z.enum([
  'wait',
  'open-dispute',
  'respond',
  'escalate',
  'ship-return',
  'check-refund',
  'confirm-received',
  'extend-protection',
  'none',
]);
export type NextAction = z.infer<typeof NextAction>;

export const NextStep = z.object({
  action: NextAction,
  /** Why, as a message key of the UI catalog (assets/locales), so it is translated where shown. */
  why: z.string(),
  /** The AliExpress page to open for it, or null. */
  url: z.nullable(z.url()),
});
export type NextStep = z.infer<typeof NextStep>;

export const Timeline = z.object({
  phase: Phase,
  deadlines: z.array(Deadline),
  nextStep: NextStep,
  /** Lower is more urgent: milliseconds until the next thing the shopper must do, or +Infinity-like max when nothing. */
  urgency: z.number(),
});
export type Timeline = z.infer<typeof Timeline>;

/** A date with where it came from, as the helper shows it. */
export const Dated = z.object({ at: PageDate, source: Source });
export type Dated = z.infer<typeof Dated>;

/**
 * Whether the shopper can open a dispute on an order, and if not, why and what to do instead
 * (src/timeline/eligibility.ts works it out). `now` only when the order's phase and dates allow it.
 */
export const Eligibility = z.union([
  z.object({ kind: z.literal('now'), protection: z.nullable(Dated) }),
  /** A parcel still within its delivery promise: from the earliest day, while protection runs past it. */
  z.object({ kind: z.literal('from'), opens: Dated, protection: z.nullable(Dated) }),
  /** The earliest day falls after protection ends: waiting as told would lose the protection. */
  z.object({ kind: z.literal('act-before'), opens: Dated, protection: Dated }),
  /** Protection and the refund window after receipt have both ended. */
  z.object({ kind: z.literal('too-late'), protection: z.nullable(Dated), url: z.url() }),
  /**
   * unknown: nothing read says when (or whether it was paid or shipped), the order's details say;
   * not-shipped: paid, not shipped, so no dispute yet but the order can be cancelled;
   * in-dispute: a dispute is open, the way on is that dispute (url), not a new one.
   */
  z.object({
    kind: z.enum(['unknown', 'not-paid', 'not-shipped', 'closed', 'refunded', 'in-dispute']),
    url: z.url(),
  }),
]);
export type Eligibility = z.infer<typeof Eligibility>;
