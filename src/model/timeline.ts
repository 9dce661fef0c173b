import * as z from 'zod/mini';
import { IsoDateTime, Source } from './common.ts';

export const DeadlineKind = z.enum([
  'seller-response',
  'escalation-opens',
  'escalation-closes',
  'protection-ends',
  'dispute-opens',
  'refund-request-ends',
  'return-ship-by',
]);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

export const Deadline = z.object({
  kind: DeadlineKind,
  at: IsoDateTime,
  /** `page` when AliExpress showed it, `rule` when estimated from rules/policy.json. */
  source: Source,
  /** The policy rule id it came from (e.g. "sellerResponse"), or null when read from the page. */
  rule: z.nullable(z.string()),
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
