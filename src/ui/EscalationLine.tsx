import type { Deadline } from '../model/index.ts';
import { escalationLine } from './escalation.ts';
import { SourceMark } from './SourceMark.tsx';

/** The escalation window's line in the popup (see escalationLine). */
export function EscalationLine({ deadlines, now }: { deadlines: Deadline[]; now: number }) {
  const line = escalationLine(deadlines, now);
  if (!line) return null;
  const { state, deadline, text } = line;
  return (
    <p class="rr-escalation" data-state={state}>
      <time dateTime={deadline.at}>{text}</time> <SourceMark source={deadline.source} />
    </p>
  );
}
