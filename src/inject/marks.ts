import { t } from '../i18n/core.ts';
import type { Deadline, Source } from '../model/index.ts';
import { escalationLine } from '../ui/escalation.ts';
import { el } from './dom.ts';

/** Says where a date came from, on every date shown: the page, or an estimate from the rules (as the popup's SourceMark). */
export function sourceMark(source: Source): HTMLElement {
  const page = source === 'page';
  return el(
    'span',
    { class: 'rr-source', 'data-source': source, title: t(page ? 'sourcePageTitle' : 'sourceRuleTitle') },
    t(page ? 'sourcePage' : 'sourceRule'),
  );
}

/** A date with its source: `<time>text</time> <mark>`. */
export const dated = (at: string, text: string, source: Source): Array<Node | string> => [
  el('time', { datetime: at }, text),
  ' ',
  sourceMark(source),
];

/** The escalation window's line on a page (as the popup's EscalationLine). */
export function escalationMark(deadlines: Deadline[], now: number): HTMLElement | null {
  const line = escalationLine(deadlines, now);
  if (!line) return null;
  const { state, deadline, text } = line;
  return el('p', { class: 'rr-escalation', 'data-state': state }, ...dated(deadline.at, text, deadline.source));
}
