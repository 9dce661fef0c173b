import { z } from 'zod';
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
  lineId: NumericId.nullable(),
  disputeId: NumericId.nullable(),
  status: DisputeStatus,
  statusText: z.string().nullable(),
  /** Who must act now, as the page says; null when it does not say. */
  awaiting: Party.nullable(),
  /** The page's countdown turned into an absolute time at the moment of reading. */
  deadline: IsoDateTime.nullable(),
  /** Whether the page shows an Escalate button right now; null when the page kind cannot tell. */
  canEscalate: z.boolean().nullable(),
  openedAt: IsoDateTime.nullable(),
  reason: z.string().nullable(),
  solution: z.string().nullable(),
});
export type Dispute = z.infer<typeof Dispute>;
