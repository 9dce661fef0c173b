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
