import { t, tKey } from '../i18n/core.ts';
import { DeadlineLine, isCountdown } from './DeadlineLine.tsx';
import { asksIfSubmitted, type Entry } from '../timeline/tracked.ts';
import { formatDay } from '../i18n/format.ts';
import { EscalationLine } from './EscalationLine.tsx';
import { pageReplyAt, ReplyLine, replyFirst } from './ReplyLine.tsx';
import { ACTION_KEYS, PHASE_KEYS } from './labels.ts';
import { disputeUrl, orderDetailUrl } from '../timeline/urls.ts';
import { StepChecklist } from './StepChecklist.tsx';
import { useState } from 'preact/hooks';
import { DisputeForm, type OrderActions } from './DisputeForm.tsx';

export interface OrderCardProps {
  entry: Entry;
  now: number;
  expanded: boolean;
  onToggle: (orderId: string) => void;
  open: (url: string) => void;
  onTick: (orderId: string, stepId: string, done: boolean) => Promise<unknown>;
  /** The shopper's answer to "did you submit it?" after going to open a dispute. */
  onAnswer?: (orderId: string, submitted: boolean) => Promise<unknown>;
  /** Add a dispute, Refund received, Stop tracking. */
  actions?: OrderActions;
}

/** One order or dispute in the popup: status, every deadline with its source, and the way to AliExpress. */
export function OrderCard({ entry, now, expanded, onToggle, open, onTick, onAnswer, actions }: OrderCardProps) {
  const [adding, setAdding] = useState(false);
  const { order, dispute, timeline, progress } = entry;
  const id = order.orderId;
  const first = order.lines[0]?.title ?? null;
  const title = first && order.lines.length > 1 ? t('orderItems', first, order.lines.length - 1) : first;
  const reply = pageReplyAt(dispute, timeline.phase);
  const { own, rest } = replyFirst(
    timeline.deadlines.filter((d) => isCountdown(d.kind)),
    reply,
  );
  const countdowns = own ? [own, ...rest] : rest;
  const stepsId = `rr-steps-${id}`;
  const went = asksIfSubmitted(entry);
  const running = dispute !== null && dispute.status !== 'refunded' && dispute.status !== 'closed';
  return (
    <li class="rr-card" data-order-id={id} data-phase={timeline.phase}>
      <div class="rr-card-head">
        <span class="rr-phase" data-phase={timeline.phase}>
          {t(PHASE_KEYS[timeline.phase])}
        </span>
        {(dispute || progress?.submittedAt) && <span class="rr-badge">{t('disputeBadge')}</span>}
      </div>
      <h2 class="rr-card-title" title={title ?? undefined}>
        {title ?? t('orderLabel', id)}
      </h2>
      <p class="rr-meta">
        {order.storeName && <span class="rr-store">{order.storeName}</span>}
        <span class="rr-order-id">{t('orderLabel', id)}</span>
        {(dispute?.statusText ?? order.statusText) && (
          <span class="rr-page-status">{dispute?.statusText ?? order.statusText}</span>
        )}
      </p>
      {timeline.nextStep.action !== 'none' && (
        <p class="rr-next">
          <strong>{t(ACTION_KEYS[timeline.nextStep.action])}</strong> {tKey(timeline.nextStep.why)}
        </p>
      )}
      {reply && !own && <ReplyLine at={reply} awaiting={dispute?.awaiting ?? null} now={now} />}
      {went && (
        <div class="rr-ask" role="group" aria-labelledby={`rr-ask-${id}`}>
          <p id={`rr-ask-${id}`}>{t('askSubmitted', formatDay(went))}</p>
          <button type="button" class="rr-primary" onClick={() => void onAnswer?.(id, true)}>
            {t('answerSubmittedYes')}
          </button>
          <button type="button" onClick={() => void onAnswer?.(id, false)}>
            {t('answerSubmittedNo')}
          </button>
        </div>
      )}
      {countdowns.map((d) => (
        <DeadlineLine key={d.kind} deadline={d as Parameters<typeof DeadlineLine>[0]['deadline']} now={now} />
      ))}
      <EscalationLine deadlines={timeline.deadlines} now={now} />
      <div class="rr-actions">
        <button
          type="button"
          onClick={() => open(orderDetailUrl(id))}
          aria-label={`${t('openOrderPage')} – ${t('orderLabel', id)}`}
        >
          {t('openOrderPage')}
        </button>
        {dispute && (
          <button
            type="button"
            onClick={() => open(disputeUrl(dispute))}
            aria-label={`${t('openDisputePage')} – ${t('orderLabel', id)}`}
          >
            {t('openDisputePage')}
          </button>
        )}
        {actions && running && (
          <button
            type="button"
            onClick={() => void actions.refunded(id)}
            aria-label={`${t('popupRefundReceived')} – ${t('orderLabel', id)}`}
          >
            {t('popupRefundReceived')}
          </button>
        )}
        {actions && !running && (
          <button
            type="button"
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
            aria-label={`${t('popupAddDispute')} – ${t('orderLabel', id)}`}
          >
            {t('popupAddDispute')}
          </button>
        )}
        {actions && (
          <button
            type="button"
            class="rr-link"
            onClick={() => void actions.forget(id)}
            aria-label={`${t('popupStopTracking')} – ${t('orderLabel', id)}`}
          >
            {t('popupStopTracking')}
          </button>
        )}
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={stepsId}
          aria-label={`${t('showSteps')} – ${t('orderLabel', id)}`}
          onClick={() => onToggle(id)}
        >
          {t('showSteps')}
        </button>
      </div>
      {actions && adding && <DisputeForm orderId={id} actions={actions} now={now} onDone={() => setAdding(false)} />}
      <div id={stepsId} hidden={!expanded}>
        {expanded && (
          <StepChecklist
            orderId={id}
            phase={timeline.phase}
            ticked={new Set(Object.keys(progress?.steps ?? {}))}
            onTick={(stepId, done) => onTick(id, stepId, done)}
          />
        )}
      </div>
    </li>
  );
}
