import * as z from 'zod/mini';
import { IsoDateTime, NumericId } from './common.ts';

export const DisputeStatus = z.enum([
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
  statusText: z.nullable(z.string()),
  /** Who must act now, as the page says; null when it does not say. */
  awaiting: z.nullable(Party),
  /** The page's countdown turned into an absolute time at the moment of reading. */
  deadline: z.nullable(IsoDateTime),
  /** Whether the page shows an Escalate button right now; null when the page kind cannot tell. */
  canEscalate: z.nullable(z.boolean()),
  openedAt: z.nullable(IsoDateTime),
  reason: z.nullable(z.string()),
  solution: z.nullable(z.string()),
});
export type Dispute = z.infer<typeof Dispute>;
