import * as z from 'zod/mini';

/** Why a backup file was refused; each asks the shopper for something different. */
export const RefusalReason = z.enum(['too-large', 'truncated', 'corrupt', 'foreign', 'newer-version', 'invalid']);
export type RefusalReason = z.infer<typeof RefusalReason>;
