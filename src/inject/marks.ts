import { t } from '../i18n/core.ts';
import type { Deadline, Source } from '../model/index.ts';
import { escalationLine } from '../ui/escalation.ts';
import { SOURCE_KEYS } from '../ui/labels.ts';
import { el } from './dom.ts';

/** Says where a date came from, on every date shown: the page, an estimate, or the shopper's word (as the popup's SourceMark). */
export function sourceMark(source: Source): HTMLElement {
  const keys = SOURCE_KEYS[source];
  return el('span', { class: 'rr-source', 'data-source': source, title: t(keys.title) }, t(keys.text));
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
