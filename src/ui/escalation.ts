import { formatDay } from '../i18n/format.ts';
import { t } from '../i18n/core.ts';
import type { Deadline } from '../model/index.ts';

export type EscalationState = 'before' | 'open' | 'closed';

/** Where `now` sits in the escalation window; null when the timeline has no window to show. */
export function escalationState(
  deadlines: Deadline[],
  now: number,
): { state: EscalationState; deadline: Deadline } | null {
  const opens = deadlines.find((d) => d.kind === 'escalation-opens');
  const closes = deadlines.find((d) => d.kind === 'escalation-closes');
  if (opens && now < Date.parse(opens.at)) return { state: 'before', deadline: opens };
  if (closes)
    return now < Date.parse(closes.at) ? { state: 'open', deadline: closes } : { state: 'closed', deadline: closes };
  return null;
}

/**
 * "Escalate from 12 Dec", "Escalate now, until 15 Dec" or "Escalation window closed", with the
 * deadline it is about; null when the timeline has no window to show. The popup and the page
 * helper each draw it their own way.
 */
export function escalationLine(
  deadlines: Deadline[],
  now: number,
): { state: EscalationState; deadline: Deadline; text: string } | null {
  const found = escalationState(deadlines, now);
  if (!found) return null;
  const { state, deadline } = found;
  const day = formatDay(deadline.at);
  const text =
    state === 'before' ? t('escalateFrom', day) : state === 'open' ? t('escalateNow', day) : t('escalateClosed');
  return { state, deadline, text };
}
