import type { Money, OrderStatus, Problem } from '../../model/index.ts';
import { problem } from './common.ts';
import { pageDate, parseMoney } from '../text/index.ts';
import { orderStatusOf } from '../dom/common.ts';
import { allLocales } from '../text/locale-rules.ts';
import { normText } from '../text/normalize.ts';

/**
 * A page date in the page's language. English is the second try because AliExpress leaves some
 * answers untranslated; its month names cannot be mistaken for another language's.
 */
export function dateOf(
  text: string | null | undefined,
  locale: string | null,
  problems: Problem[],
  orderId: string | null,
): string | null {
  if (!text || !text.trim()) return null;
  for (const l of locale ? [locale, 'en'] : ['en']) {
    const at = pageDate(text, l);
    if (at) return at;
  }
  problems.push(problem('date-unparsed', text, orderId));
  return null;
}

/** Epoch milliseconds as AliExpress sends them (`"1648080887108"` or a number). */
export function epochOf(value: unknown): string | null {
  const ms = typeof value === 'string' && /^\d{10,14}$/.test(value) ? Number(value) : value;
  if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms <= 0) return null;
  const at = new Date(ms);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** AliExpress's own split price "R$132,74|132|74": symbol text, integer part, fraction part. */
export function parseFormatPriceInfo(info: string): number | null {
  const [, int, frac] = info.split('|');
  if (int === undefined) return null;
  const whole = int.replace(/[\s.,'\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(whole) || (frac !== undefined && !/^\d*$/.test(frac))) return null;
  return Number(`${whole}.${frac || '0'}`);
}

/**
 * Money from the split `formatPriceInfo` ("R$132,74|132|74", unambiguous), else from the shown
 * text read the way the page's language writes numbers. Never by stripping every non-digit.
 */
export function moneyOf(
  src: { formatPriceInfo?: string | null; text?: string | null; currency?: string | null },
  locale: string | null,
  problems: Problem[],
  orderId: string | null,
): Money | null {
  const code = src.currency && /^[A-Z]{3}$/.test(src.currency) ? src.currency : null;
  // A split price with empty parts ("||", "R$|") holds no number: the shown text decides.
  const info = src.formatPriceInfo && /\d/.test(src.formatPriceInfo) ? src.formatPriceInfo : null;
  const split = info ? parseFormatPriceInfo(info) : null;
  if (split !== null) return { amount: split, currency: code };
  const text = src.text?.trim() ? src.text : null;
  const shown = text ? parseMoney(text, locale) : null;
  if (shown) return { amount: shown.amount, currency: code ?? shown.currency };
  if (info || text) problems.push(problem('amount-unparsed', text ?? info, orderId));
  return null;
}

export function quantityOf(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

export function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/**
 * The canonical status of a status text, from the labels the DOM readers use too
 * (`rules/locales`): the page language's first, then every language's, because AliExpress leaves
 * some answers untranslated. An unknown text keeps its words and is named as a problem.
 */
export function statusFrom(
  text: string | null,
  problems: Problem[],
  orderId: string | null,
  locale: string | null = null,
): { status: OrderStatus; statusText: string | null } {
  if (!text) {
    problems.push(problem('field-missing', 'statusText', orderId));
    return { status: 'unknown', statusText: null };
  }
  const known = orderStatusOf(text, locale) ?? (locale ? orderStatusOf(text, null) : null);
  if (!known) problems.push(problem('unknown-status', text, orderId));
  return { status: known ?? 'unknown', statusText: text };
}

/** The languages whose labels list a status text. */
function languagesOf(text: string): string[] {
  const out: string[] = [];
  for (const rules of allLocales().locales.values())
    if (rules.orderStatus.has(normText(text, rules.locale))) out.push(rules.locale);
  return out;
}

/** The one language every known status text is written in, or null when they prove none or several. */
export function languageOfStatuses(texts: readonly (string | null | undefined)[]): string | null {
  let common: string[] | null = null;
  for (const text of texts) {
    const langs = text ? languagesOf(text) : [];
    if (langs.length) common = common ? common.filter((l) => langs.includes(l)) : langs;
  }
  return common?.length === 1 ? common[0]! : null;
}
