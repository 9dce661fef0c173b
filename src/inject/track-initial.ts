import type { Dispute } from '../model/index.ts';
import { localDay, type EntryForm } from '../timeline/entry.ts';
import type { OrderFacts } from './data.ts';

const HOUR_MS = 3_600_000;

/**
 * What "Track this dispute yourself" starts with: what the shopper entered before (Edit), the
 * order the store or the URL knows, and today as the opening day when none is known.
 */
export function entryInitial(
  stored: OrderFacts | null,
  page: Pick<Dispute, 'awaiting'> | null,
  url: URL,
  now: Date,
): EntryForm {
  const dispute = stored?.dispute ?? null;
  const mine = new Set(dispute?.entered ?? []);
  const left = mine.has('deadline') && dispute?.deadline ? Date.parse(dispute.deadline) - now.getTime() : NaN;
  const hours = left > 0 ? Math.round(left / HOUR_MS) : NaN;
  const opened = dispute?.openedAt ? new Date(dispute.openedAt) : now;
  return {
    awaiting: page?.awaiting ?? dispute?.awaiting ?? '',
    daysLeft: Number.isNaN(hours) ? '' : String(Math.floor(hours / 24)),
    hoursLeft: Number.isNaN(hours) ? '' : String(hours % 24),
    openedOn: localDay(opened),
    orderId: stored?.order?.orderId ?? dispute?.orderId ?? url.searchParams.get('orderId') ?? '',
  };
}
