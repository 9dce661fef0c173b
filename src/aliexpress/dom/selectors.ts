/**
 * The one place the DOM readers get selectors from (rules/selectors.json): each target is a list
 * of alternatives with a note, tried in order. Validated on load; queries say whether their
 * element is required, and a missing required element becomes a named problem, never an exception.
 * The file is handed in at run time (`useSelectors`): the content script gets it from the
 * background with its page's labels (src/platform/page-rules.ts), so it does not carry it.
 */
import * as shape from '../shape.ts';
import type { Problem } from '../../model/index.ts';

const Alternative = shape.strictObject({
  css: shape.string({ min: 1 }),
  /** Why this alternative exists and when it matches. */
  note: shape.string({ min: 1 }),
});
const Alternatives = shape.array(Alternative, { min: 1 });

const targets = <K extends string>(keys: readonly K[]) =>
  shape.strictObject(Object.fromEntries(keys.map((k) => [k, Alternatives])) as Record<K, typeof Alternatives>);

export const SelectorsSchema = shape.strictObject({
  orderList: targets([
    'list',
    'card',
    'status',
    'info',
    'idLink',
    'store',
    'line',
    'lineTitle',
    'lineQuantity',
    'total',
    'button',
    'progress',
  ] as const),
  orderDetail: targets([
    'status',
    'statusTitle',
    'reminder',
    'countdown',
    'statusButton',
    'store',
    'item',
    'itemTitle',
    'itemQuantity',
    'itemButton',
    'lineLink',
    'idLink',
    'infoRow',
    'infoLabel',
    'infoValue',
    'total',
  ] as const),
  disputeDetail: targets(['status', 'awaiting', 'countdown', 'button', 'reason', 'solution', 'idLink'] as const),
  disputeList: targets(['card', 'status', 'caseLink', 'idLink'] as const),
  tracking: targets(['guarantee', 'idLink'] as const),
});
export type Selectors = shape.Infer<typeof SelectorsSchema>;
export type Target = shape.Infer<typeof Alternatives>;

export type SelectorsLoad = { ok: true; selectors: Selectors } | { ok: false; message: string };

export function loadSelectors(data: unknown): SelectorsLoad {
  const parsed = SelectorsSchema.safeParse(data);
  if (parsed.success) return { ok: true, selectors: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `rules/selectors.json ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
}

/** The selectors read with now; none until rules/selectors.json is handed in. */
export let SELECTORS: SelectorsLoad = { ok: false, message: 'rules/selectors.json was not handed in' };
let used: unknown;

/** Reads with these selectors (rules/selectors.json's content, checked here) from now on. */
export function useSelectors(data: unknown): void {
  if (data === used && SELECTORS.ok) return;
  used = data;
  SELECTORS = loadSelectors(data);
}

type Root = ParentNode;

/** A selector the engine rejects is a broken rule, not a broken page: it matches nothing. */
const isSyntaxError = (error: unknown) =>
  error instanceof Error && (error.name === 'SyntaxError' || /not a valid selector/i.test(error.message));

export function safeQuery(root: Root, css: string): Element | null {
  try {
    return root.querySelector(css);
  } catch (error) {
    if (isSyntaxError(error)) return null;
    throw error;
  }
}

export function safeQueryAll(root: Root, css: string, copy?: true): Element[];
export function safeQueryAll(root: Root, css: string, copy: false): Iterable<Element> & { length: number };
export function safeQueryAll(root: Root, css: string, copy = true): Iterable<Element> & { length: number } {
  try {
    const found = root.querySelectorAll(css);
    return copy ? [...found] : found;
  } catch (error) {
    if (isSyntaxError(error)) return [];
    throw error;
  }
}

/** The first element any alternative finds, or undefined. */
export function $optional(root: Root, target: Target): Element | undefined {
  for (const alt of target) {
    const found = safeQuery(root, alt.css);
    if (found) return found;
  }
  return undefined;
}

/** All elements of the first alternative that finds any. */
export function $all(root: Root, target: Target): Element[] {
  for (const alt of target) {
    const found = safeQueryAll(root, alt.css);
    if (found.length > 0) return found;
  }
  return [];
}

export function safeMatches(el: Element, css: string): boolean {
  try {
    return el.matches(css);
  } catch (error) {
    if (isSyntaxError(error)) return false;
    throw error;
  }
}

/**
 * Elements of every alternative, without repeats (for links: the id may sit on any). With
 * `withSelf`, the root itself counts too: the mobile card is itself the link to the order.
 */
export function $union(root: Root, target: Target, withSelf = false): Element[] {
  const seen = new Set<Element>();
  const self = withSelf && typeof (root as Element).matches === 'function' ? (root as Element) : null;
  if (self && target.some((alt) => safeMatches(self, alt.css))) seen.add(self);
  for (const alt of target) for (const el of safeQueryAll(root, alt.css)) seen.add(el);
  return [...seen];
}

export type Required = { el: Element; problem?: undefined } | { el?: undefined; problem: Problem };

/** The element, or a `field-missing` problem that names the target (e.g. "orderList.status"). */
export function $required(root: Root, target: Target, name: string, orderId: string | null = null): Required {
  const el = $optional(root, target);
  return el ? { el } : { problem: { code: 'field-missing', detail: name, orderId } };
}
