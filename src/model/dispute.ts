import * as z from 'zod/mini';
import { IsoDateTime, Label, NumericId, StatusVia } from './common.ts';

export const DisputeStatus = z.enum([
  /** A case the page calls open or in progress without saying who must act. */
  'open',
  'awaiting-seller',
  'awaiting-buyer',
  'escalated',
  'awaiting-return',
  'refund-pending',
  'refunded',
  'closed',
  'unknown',
]);
export type DisputeStatus = z.infer<typeof DisputeStatus>;

export const Party = z.enum(['seller', 'buyer', 'aliexpress']);
export type Party = z.infer<typeof Party>;

/** One dispute (refund request) as read from one page at one moment. */
export const Dispute = z.object({
  orderId: NumericId,
  lineId: z.nullable(NumericId),
  disputeId: z.nullable(NumericId),
  status: DisputeStatus,
  statusText: Label,
  /** Who must act now, as the page says; null when it does not say. */
  awaiting: z.nullable(Party),
  /** The page's countdown turned into an absolute time at the moment of reading. */
  deadline: z.nullable(IsoDateTime),
  /** Whether the page shows an Escalate button right now; null when the page kind cannot tell. */
  canEscalate: z.nullable(z.boolean()),
  openedAt: z.nullable(IsoDateTime),
  reason: Label,
  solution: Label,
  /**
   * The fields whose value the shopper entered ("Track this dispute yourself") and no page has
   * shown since: their dates are marked "you entered this". Absent when none.
   */
  entered: z.optional(z.array(z.enum(['status', 'awaiting', 'deadline', 'openedAt'])).check(z.maxLength(4))),
});
export type Dispute = z.infer<typeof Dispute>;
export type EnteredField = NonNullable<Dispute['entered']>[number];

/** Which signal of a page an id was read from, so a maintainer sees at once which one failed. */
export const IdVia = z.enum(['url', 'label', 'link', 'json']);
export type IdVia = z.infer<typeof IdVia>;

/**
 * A dispute as one page shows it. A dispute page may name only the order line or the case
 * (`tradeOrderLineId`, `reverseOrderLineId` in its URL): the background joins it to its order
 * through the lines and cases it has seen, and holds it until then. `via` says where each id
 * came from and `statusVia` whether its status came from the DOM or the page's JSON; both are the
 * reading's, not the dispute's (the store keeps where its status came from in its own record).
 */
export const PageDispute = z
  .extend(Dispute, {
    orderId: z.nullable(NumericId),
    statusVia: StatusVia,
    via: z.optional(
      z.object({
        orderId: z.optional(IdVia),
        lineId: z.optional(IdVia),
        disputeId: z.optional(IdVia),
      }),
    ),
  })
  .check(
    z.refine((d) => d.orderId !== null || d.lineId !== null || d.disputeId !== null, {
      message: 'a dispute needs its order, line or case id',
    }),
  );
export type PageDispute = z.infer<typeof PageDispute>;
