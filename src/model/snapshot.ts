import * as z from 'zod/mini';
import { IsoDateTime } from './common.ts';
import { Dispute } from './dispute.ts';
import { Order } from './order.ts';

export const PageKind = z.enum([
  'order-list',
  'order-detail',
  'tracking',
  'refund-start',
  'dispute-list',
  'dispute-detail',
  'refund-amount',
  'legacy-order-list',
  'legacy-order-detail',
  'legacy-dispute-list',
  'other',
]);
export type PageKind = z.infer<typeof PageKind>;

/** What a reader could not read, by name, so a maintainer knows what broke without the page. */
export const ProblemCode = z.enum([
  'layout-unrecognized',
  'order-id-missing',
  'unknown-status',
  'unknown-locale',
  'date-unparsed',
  'amount-unparsed',
  'countdown-unparsed',
  'json-invalid',
  'field-missing',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const Problem = z.object({
  code: ProblemCode,
  /** The text or path involved, e.g. the unknown status label. */
  detail: z.nullable(z.string()),
  orderId: z.nullable(z.string()),
});
export type Problem = z.infer<typeof Problem>;

/** Everything one read of one page produced. */
export const PageSnapshot = z.object({
  kind: PageKind,
  url: z.url(),
  /** BCP 47 language of the page, e.g. "en", "pt-BR"; null when it cannot be told. */
  locale: z.nullable(z.string()),
  readAt: IsoDateTime,
  orders: z.array(Order),
  disputes: z.array(Dispute),
  problems: z.array(Problem),
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;
