/**
 * The one place the DOM readers get selectors from (rules/selectors.json): each target is a list
 * of alternatives with a note, tried in order. Queries say whether their element is required, and a
 * missing required element becomes a named problem, never an exception. The file is handed in at
 * run time, already checked (`useSelectors` with what selectors-schema.ts's `loadSelectors` made of
 * it): the content script gets it from the background with its page's labels
 * (src/platform/page-rules.ts), so it carries neither the file nor its schema.
 */
import type { Problem } from '../../model/index.ts';
import type { Selectors, SelectorsLoad, Target } from './selectors-schema.ts';

export type { Selectors, SelectorsLoad, Target };

/** What the readers have before the file is handed in: a read names the missing selectors. */
export const NOT_HANDED_IN: SelectorsLoad = { ok: false, message: 'rules/selectors.json was not handed in' };

/** The selectors read with now. */
export let SELECTORS: SelectorsLoad = NOT_HANDED_IN;

/** Reads with these selectors (or says why there are none) from now on. */
export function useSelectors(load: SelectorsLoad): void {
  SELECTORS = load;
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

/** The engine's own list, not copied: most callers only walk it. */
export function safeQueryAll(root: Root, css: string): Iterable<Element> & ArrayLike<Element> {
  try {
    return root.querySelectorAll(css);
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
  return Array.from($list(root, target));
}

/**
 * `$all` as the engine's own list, not copied: for loops that run per card of a long page, where
 * copying every NodeList into an array cost a 500-order read about 1.7 ms.
 */
export function $list(root: Root, target: Target): ArrayLike<Element> {
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
