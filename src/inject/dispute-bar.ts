import { formatDateTime, formatDuration } from '../i18n/format.ts';
import { t } from '../i18n/core.ts';
import { timeLeft } from '../timeline/time.ts';
import { AWAITING_KEYS } from '../ui/labels.ts';
import type { OrderFacts } from './data.ts';
import { el } from './dom.ts';
import { dated, escalationMark } from './marks.ts';

export interface DisputeBarProps {
  facts: OrderFacts | null;
  now: number;
  /** Whether AliExpress shows its Escalate button on this page right now. */
  escalateShown: boolean;
  onShowEscalate: () => void;
  onHide: () => void;
}

/** The time the party who must act has: the page's countdown, else the seller's deadline from the timeline. */
function countdown(facts: OrderFacts | null) {
  if (facts?.dispute?.deadline) return { at: facts.dispute.deadline, source: 'page' as const };
  const seller = facts?.timeline?.deadlines.find((d) => d.kind === 'seller-response');
  return facts?.dispute?.awaiting === 'seller' && seller ? seller : null;
}

/** A compact bar on a dispute page: who must act, the time left, and when escalation opens. */
export function disputeBar({ facts, now, escalateShown, onShowEscalate, onHide }: DisputeBarProps): HTMLElement {
  const who = facts?.dispute?.awaiting ?? 'unknown';
  const due = countdown(facts);
  const left = due ? timeLeft(due.at, new Date(now)) : null;
  return el(
    'section',
    { class: 'rr-bar', 'aria-label': t('barLabel'), 'data-awaiting': who },
    el('strong', { class: 'rr-bar-who' }, t(AWAITING_KEYS[who])),
    due &&
      left &&
      el(
        'span',
        { class: 'rr-bar-left' },
        ...dated(
          due.at,
          left.past
            ? t('barTimeOver', formatDateTime(due.at))
            : t('barTimeLeft', formatDuration(left), formatDateTime(due.at)),
          due.source,
        ),
      ),
    facts?.timeline ? escalationMark(facts.timeline.deadlines, now) : null,
    escalateShown &&
      el('button', { type: 'button', class: 'rr-primary', onClick: onShowEscalate }, t('barShowEscalate')),
    el('button', { type: 'button', class: 'rr-link', onClick: onHide }, t('barHide')),
  );
}
