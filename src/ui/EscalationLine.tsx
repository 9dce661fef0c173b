import { formatDay } from '../i18n/format.ts';
import { t } from '../i18n/core.ts';
import type { Deadline } from '../model/index.ts';
import { escalationState } from './escalation.ts';
import { SourceMark } from './SourceMark.tsx';

/** "Escalate from 12 Dec", "Escalate now, until 15 Dec" or "Escalation window closed". */
export function EscalationLine({ deadlines, now }: { deadlines: Deadline[]; now: number }) {
  const found = escalationState(deadlines, now);
  if (!found) return null;
  const { state, deadline } = found;
  const day = formatDay(deadline.at);
  const text =
    state === 'before' ? t('escalateFrom', day) : state === 'open' ? t('escalateNow', day) : t('escalateClosed');
  return (
    <p class="rr-escalation" data-state={state}>
      <time dateTime={deadline.at}>{text}</time> <SourceMark source={deadline.source} />
    </p>
  );
}
