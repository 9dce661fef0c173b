import { formatDateTime, formatDuration } from '../i18n/format.ts';
import { t } from '../i18n/core.ts';
import type { Deadline, Dispute, Phase } from '../model/index.ts';
import { timeLeft } from '../timeline/time.ts';
import { SourceMark } from './SourceMark.tsx';

/** Phases in which a case's countdown no longer runs. */
const OVER: ReadonlySet<Phase> = new Set(['refunded', 'closed', 'refund-pending']);

/**
 * The countdown AliExpress itself shows on the case page, when the case is still running: the one
 * date on the card the shopper can check against the page, so it comes first.
 */
export function pageReplyAt(dispute: Pick<Dispute, 'deadline'> | null, phase: Phase): string | null {
  return dispute?.deadline && !OVER.has(phase) ? dispute.deadline : null;
}

/** The card's countdowns with the page's own reply deadline first (a timeline line already showing it moves up). */
export function replyFirst<D extends Deadline>(countdowns: D[], reply: string | null): { own: D | null; rest: D[] } {
  const own = reply ? (countdowns.find((d) => d.source === 'page' && d.at === reply) ?? null) : null;
  return { own, rest: countdowns.filter((d) => d !== own) };
}

/** "You must respond within 2 days 5 h (by 29 Nov, 15:00)" from the page, when no timeline line says it already. */
export function ReplyLine({ at, awaiting, now }: { at: string; awaiting: Dispute['awaiting']; now: number }) {
  const left = timeLeft(at, new Date(now));
  const date = formatDateTime(at);
  const yours = awaiting === 'buyer';
  const text = left.past
    ? t(yours ? 'deadlineBuyerResponsePast' : 'deadlineCaseCountdownPast', date)
    : t(yours ? 'deadlineBuyerResponse' : 'deadlineCaseCountdown', formatDuration(left), date);
  return (
    <p class="rr-deadline" data-kind="page-reply" data-past={left.past ? 'true' : undefined}>
      <time dateTime={at}>{text}</time> <SourceMark source="page" />
    </p>
  );
}
