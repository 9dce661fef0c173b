import { formatDateTime, formatDuration } from '../i18n/format.ts';
import { getLocale, t, type MessageKey } from '../i18n/core.ts';
import type { Deadline, DeadlineKind, Money } from '../model/index.ts';
import { SourceMark } from './SourceMark.tsx';
import { timeLeft } from '../timeline/time.ts';

type Countdown = Exclude<DeadlineKind, 'escalation-opens' | 'escalation-closes'>;

/** Message for a deadline still ahead (with the time left) and for one that has passed. */
const MESSAGES: Record<Countdown, { ahead: MessageKey; past: MessageKey }> = {
  'seller-response': { ahead: 'deadlineSellerResponse', past: 'deadlineSellerResponsePast' },
  'protection-ends': { ahead: 'deadlineProtectionEnds', past: 'deadlineProtectionEndsPast' },
  'dispute-opens': { ahead: 'deadlineDisputeOpens', past: 'deadlineDisputeOpensPast' },
  'refund-request-ends': { ahead: 'deadlineRefundRequestEnds', past: 'deadlineRefundRequestEndsPast' },
  'return-ship-by': { ahead: 'deadlineReturnShipBy', past: 'deadlineReturnShipByPast' },
  'late-coupon': { ahead: 'deadlineLateCoupon', past: 'deadlineLateCouponPast' },
  'free-return-ends': { ahead: 'deadlineFreeReturnEnds', past: 'deadlineFreeReturnEndsPast' },
  'buyer-response': { ahead: 'deadlineBuyerResponse', past: 'deadlineBuyerResponsePast' },
};

/** The coupon's amount as the shopper's language writes money ("R$ 5,00"), or the bare number without a currency. */
function amountText({ amount, currency }: Money): string {
  try {
    return currency
      ? new Intl.NumberFormat(getLocale(), { style: 'currency', currency }).format(amount)
      : new Intl.NumberFormat(getLocale()).format(amount);
  } catch {
    return `${amount}${currency ? ` ${currency}` : ''}`;
  }
}

export function isCountdown(kind: DeadlineKind): kind is Countdown {
  return kind in MESSAGES;
}

/** "Seller must respond within 3 days 4 h (by 30 Nov, 14:00)" plus where that date came from. */
export function DeadlineLine({ deadline, now }: { deadline: Deadline & { kind: Countdown }; now: number }) {
  const left = timeLeft(deadline.at, new Date(now));
  const keys = MESSAGES[deadline.kind];
  const date = formatDateTime(deadline.at);
  return (
    <p class="rr-deadline" data-kind={deadline.kind} data-past={left.past ? 'true' : undefined}>
      <time dateTime={deadline.at}>{left.past ? t(keys.past, date) : t(keys.ahead, formatDuration(left), date)}</time>{' '}
      {deadline.amount && <span class="rr-amount">{amountText(deadline.amount)} </span>}
      <SourceMark source={deadline.source} />
    </p>
  );
}
