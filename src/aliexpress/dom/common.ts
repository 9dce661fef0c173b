/**
 * What every DOM reader shares: the context and result shapes, ids from link parameters and from
 * labelled rows, label lookups in the page's language, and the page's own texts for reading by meaning.
 */
import type {
  DisputeStatus,
  Order,
  OrderAction,
  OrderCard,
  OrderStatus,
  PageDispute,
  Party,
  Problem,
} from '../../model/index.ts';
import { allLocales, localeRules, type LocaleRules } from '../text/locale-rules.ts';
import { labelKey, normText, textOf } from '../text/normalize.ts';
import { afterOrderLabel, orderNumberIn } from '../text/order-number.ts';
import { safeMatches, safeQueryAll, type Target } from './selectors.ts';

export interface DomContext {
  url: URL;
  readAt: Date;
  /** A supported locale (see `pageLocale`), or null when the page's language is not known. */
  locale: string | null;
  /** My orders: the orders whose cards a read must give whole, though their texts were let go (order-list.ts). */
  whole?: ReadonlySet<string>;
}

export interface DomResult {
  orders: Order[];
  disputes: PageDispute[];
  problems: Problem[];
  /** My orders' cards as text, read in the background (src/aliexpress/cards.ts) rather than here. */
  cards?: OrderCard[];
}

export type DomReader = (doc: Document, ctx: DomContext) => DomResult;

export const emptyResult = (): DomResult => ({ orders: [], disputes: [], problems: [] });

export const problem = (code: Problem['code'], detail: string | null, orderId: string | null = null): Problem => ({
  code,
  detail,
  orderId,
});

const ID = /^\d{6,24}$/;

const paramPatterns = new Map<string, RegExp>();
function paramPattern(param: string): RegExp {
  let re = paramPatterns.get(param);
  if (!re) {
    re = new RegExp(`[?&]${param}=(\\d{6,24})(?=[&#]|$)`);
    paramPatterns.set(param, re);
  }
  return re;
}

/**
 * A numeric id from one of `params` of a link's query. Read from the query string as written
 * (a per-card URL parse was the slowest part of reading a 500-order page); only digits count.
 */
export function idFromHref(href: string | null, params: readonly string[]): string | null {
  if (!href) return null;
  const hash = href.indexOf('#');
  const query = hash < 0 ? href : href.slice(0, hash);
  for (const p of params) {
    const match = paramPattern(p).exec(query);
    if (match && ID.test(match[1]!)) return match[1]!;
  }
  return null;
}

/**
 * The first id any alternative's links carry, trying alternatives in order and stopping at the
 * first hit: on a 500-order page this runs per card, and most cards answer on the first link.
 * With `withSelf`, the root itself counts (the mobile card is itself the order link).
 */
export function idFromTarget(
  root: ParentNode,
  target: Target,
  params: readonly string[],
  withSelf = false,
): string | null {
  const self = withSelf && typeof (root as Element).matches === 'function' ? (root as Element) : null;
  for (const alt of target) {
    if (self && safeMatches(self, alt.css)) {
      const id = idFromHref(self.getAttribute('href'), params);
      if (id) return id;
    }
    const links = safeQueryAll(root, alt.css);
    for (let i = 0; i < links.length; i++) {
      const id = idFromHref(links[i]!.getAttribute('href'), params);
      if (id) return id;
    }
  }
  return null;
}

export function idFromLinks(links: readonly Element[], params: readonly string[]): string | null {
  for (const link of links) {
    const id = idFromHref(link.getAttribute('href'), params);
    if (id) return id;
  }
  return null;
}

export const ORDER_ID_PARAMS = ['orderId', 'tradeOrderId', 'tradeId'] as const;

/**
 * What `find` answers first in the handed-in languages other than `skip`. Plain loops rather than
 * a generator: statuses are looked up on every card of a long page, and the other languages are
 * compiled only when the page's own has no answer.
 */
function inOthers<T>(skip: LocaleRules | null, find: (rules: LocaleRules) => T | undefined): T | undefined {
  for (const rules of allLocales().locales.values()) {
    if (rules === skip) continue;
    const hit = find(rules);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** In the locale's rules, or in every supported locale when the page's language is unknown. */
function inPageRules<T>(locale: string | null, find: (rules: LocaleRules) => T | undefined): T | undefined {
  const one = locale ? localeRules(locale) : null;
  return one ? find(one) : inOthers(null, find);
}

/**
 * The page's language first, then every other: AliExpress leaves some texts untranslated, and a
 * page may declare one language while showing another. For the few texts that decide what the
 * shopper is told (statuses, who must act, Escalate); the others stay in the page's language.
 */
function inRulesThenAll<T>(locale: string | null, find: (rules: LocaleRules) => T | undefined): T | undefined {
  const one = locale ? localeRules(locale) : null;
  const hit = one ? find(one) : undefined;
  return hit !== undefined ? hit : inOthers(one, find);
}

export function orderStatusOf(text: string, locale: string | null): Exclude<OrderStatus, 'unknown'> | null {
  return inRulesThenAll(locale, (rules) => rules.orderStatus.get(normText(text, rules.locale))) ?? null;
}

export function disputeStatusOf(text: string, locale: string | null): Exclude<DisputeStatus, 'unknown'> | null {
  return inRulesThenAll(locale, (rules) => rules.disputeStatus.get(normText(text, rules.locale))) ?? null;
}

export function partyOf(text: string, locale: string | null): Party | null {
  return (
    inRulesThenAll(locale, (rules) => {
      const t = normText(text, rules.locale);
      return rules.parties.find(([phrase]) => t.includes(phrase))?.[1];
    }) ?? null
  );
}

/** Links that say what they do whatever the language: AliExpress's own page paths. */
function actionFromHref(href: string | null): OrderAction | null {
  if (!href) return null;
  if (/\/tracking\/|logisticsdetail/i.test(href)) return 'track';
  if (/fastissue\/Detail\.htm|reverseOrderLineId=/i.test(href)) return 'view-dispute';
  if (/reverse-pages\/start\.html/i.test(href)) return 'returns-refunds';
  return null;
}

/** What the link a button is or holds says it does, whatever the page's language. */
export const linkAction = (button: Element): OrderAction | null =>
  actionFromHref((button.closest('a') ?? button.querySelector('a'))?.getAttribute('href') ?? null);

/** What a button does, by its label in the page's language, else by its link (`linkAction`). */
export function actionFrom(label: string, link: OrderAction | null, locale: string | null): OrderAction | null {
  return inPageRules(locale, (rules) => rules.actions.get(normText(label, rules.locale))) ?? link;
}

/** What the buttons do, each action once, in the order shown. */
export function actionsFrom<T>(
  buttons: ArrayLike<T>,
  labelOf: (button: T) => string,
  linkOf: (button: T) => OrderAction | null,
  locale: string | null,
): OrderAction[] {
  const out: OrderAction[] = [];
  for (let i = 0; i < buttons.length; i++) {
    const action = actionFrom(labelOf(buttons[i]!), linkOf(buttons[i]!), locale);
    if (action && !out.includes(action)) out.push(action);
  }
  // Copied to its size: the list push grew keeps room for 16 more, kept with every order read.
  return out.slice();
}

export const actionsOf = (buttons: ArrayLike<Element>, locale: string | null): OrderAction[] =>
  actionsFrom(buttons, (b) => b.textContent ?? '', linkAction, locale);

/** Whether a button label is Escalate, in the page's language or any other supported one. */
export function isEscalate(text: string, locale: string | null): boolean {
  return (
    inRulesThenAll(locale, (rules) => (rules.escalate.has(normText(text, rules.locale)) ? true : undefined)) ?? false
  );
}

/** An element with the text of its own text nodes (its children's left out), whitespace collapsed. */
export interface OwnText {
  el: Element;
  text: string;
}

const NOT_SHOWN = new Set(['script', 'style', 'template', 'noscript', 'title', 'head']);

/**
 * Every element under `root` with text of its own, in document order: what reading by meaning
 * searches when the selectors found nothing. Long texts are left out: no label or status is long.
 */
export function ownTexts(root: ParentNode): OwnText[] {
  const out: OwnText[] = [];
  for (const el of safeQueryAll(root, '*')) {
    if (NOT_SHOWN.has(el.localName)) continue;
    let raw = '';
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) raw += n.nodeValue ?? '';
    const text = textOf({ textContent: raw });
    if (text && text.length <= 200) out.push({ el, text });
  }
  return out;
}

/**
 * The order number a labelled row shows ("Order number: 8100 0098 7654 3128 Copy", or the label
 * in one element and the digits in the next), in the page's language first, then in any other.
 * Only digits right by a known label count, never any other long number of the page.
 */
export function orderIdByLabel(texts: readonly OwnText[], locale: string | null): string | null {
  for (const { el, text } of texts) {
    if (text.length > 60) continue;
    const id = inRulesThenAll(locale, (rules) => {
      const rest = afterOrderLabel(labelKey(text, rules.locale), rules.orderNumber);
      if (rest === null) return undefined;
      return (rest ? orderNumberIn(rest) : valueBeside(el, rules)) || undefined;
    });
    if (id) return id;
  }
  return null;
}

/** The value of a label standing alone: after it within its element, else the next element over. */
function valueBeside(label: Element, rules: LocaleRules): string | null {
  const inside = afterOrderLabel(labelKey(textOf(label), rules.locale), rules.orderNumber);
  if (inside) return orderNumberIn(inside);
  for (const next of [label.nextElementSibling, label.parentElement?.nextElementSibling]) {
    const id = next ? orderNumberIn(normText(textOf(next))) : null;
    if (id) return id;
  }
  return null;
}

export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** "x2", "×2", "x 2": the quantity of a line, or null. */
export function quantityOf(text: string): number | null {
  const match = /(?:^|\s)[x×]\s*(\d{1,5})(?!\d)/i.exec(` ${text}`);
  const n = match ? Number(match[1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Runs one part of a reader; anything it throws becomes a named problem instead of escaping. A
 * part read once per card names itself lazily: a label built for each of 500 cards grew the
 * engine's number-to-string cache (shared with the page) by 64 KB for good.
 */
export function guarded<T>(
  problems: Problem[],
  what: string | (() => string),
  orderId: string | null,
  run: () => T,
): T | null {
  try {
    return run();
  } catch (error) {
    problems.push(
      problem(
        'layout-unrecognized',
        `${typeof what === 'string' ? what : what()} threw: ${error instanceof Error ? error.message : String(error)}`,
        orderId,
      ),
    );
    return null;
  }
}
