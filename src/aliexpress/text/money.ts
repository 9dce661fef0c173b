/**
 * Prices as AliExpress prints them: "US $12.34", "12,34 €", "R$ 62,90", "1 234,56 руб.", "12,34 zł",
 * "₺1.234,56", "C$ 5.00". The number is read with its separators (never by dropping every non-digit,
 * which turns "12,34 €" into 1234), the currency from the symbol or code next to it.
 */
import type { Money } from '../../model/index.ts';
import { localeRules } from './locale-rules.ts';

/** Symbols and short forms, longest first so "US $" wins over "$". Bare "$" and "kr" say too little. */
const SYMBOLS: ReadonlyArray<readonly [string, string | null]> = [
  ['us $', 'USD'],
  ['us$', 'USD'],
  ['usd', 'USD'],
  ['ca $', 'CAD'],
  ['c$', 'CAD'],
  ['au $', 'AUD'],
  ['a$', 'AUD'],
  ['nz $', 'NZD'],
  ['mx$', 'MXN'],
  ['r$', 'BRL'],
  ['руб.', 'RUB'],
  ['руб', 'RUB'],
  ['₽', 'RUB'],
  ['zł', 'PLN'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₺', 'TRY'],
  ['tl', 'TRY'],
  ['₴', 'UAH'],
  ['₩', 'KRW'],
  ['¥', null],
  ['kr', null],
  ['$', null],
];

let isoCodes: Set<string> | null = null;
function isIsoCode(code: string): boolean {
  if (!isoCodes) {
    try {
      isoCodes = new Set(Intl.supportedValuesOf('currency'));
    } catch {
      isoCodes = new Set(['USD', 'EUR', 'BRL', 'RUB', 'PLN', 'TRY', 'GBP', 'CAD', 'AUD', 'MXN', 'UAH', 'KRW', 'CHF']);
    }
  }
  return isoCodes.has(code);
}

const decimalCache = new Map<string, string>();
/** The locale file's decimal mark; Intl only for a language without one (its first use loads ICU). */
function decimalMark(locale: string | null): string {
  if (!locale) return '.';
  const known = decimalCache.get(locale) ?? localeRules(locale)?.decimalMark;
  if (known) return known;
  let mark = '.';
  try {
    mark = new Intl.NumberFormat(locale).formatToParts(12345.6).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    // Unknown locale tag: the English mark, and the two-decimal rule below still decides most prices.
  }
  decimalCache.set(locale, mark);
  return mark;
}

/** "1.234,56" / "1,234.56" / "1 234,56" / "12,34" to a number, deciding which mark is the decimal one. */
export function parseAmount(raw: string, locale: string | null): number | null {
  const s = raw.replace(/[\s\u00a0\u202f\u2009']/g, ' ').trim();
  if (!/^\d[\d ., ]*$/.test(s)) return null;
  // The marks counted in one pass: a price is read per card of a long page.
  let marks = 0;
  let last = -1;
  let dots = false;
  let commas = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '.' && c !== ',') continue;
    marks++;
    last = i;
    if (c === '.') dots = true;
    else commas = true;
  }
  let decimalAt = -1;
  if (last >= 0) {
    const tail = s.slice(last + 1).replace(/ /g, '');
    if (dots && commas) decimalAt = last;
    else if (tail.length !== 3) {
      // Groups always have three digits: any other tail is decimals, whatever the locale.
      if (marks > 1) return null;
      decimalAt = last;
    } else if (marks === 1 && s[last] === decimalMark(locale) && !/ /.test(s)) {
      decimalAt = last;
    }
  }
  const intPart = (decimalAt >= 0 ? s.slice(0, decimalAt) : s).replace(/[ .,]/g, '');
  const fraction = decimalAt >= 0 ? s.slice(decimalAt + 1).replace(/ /g, '') : '';
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(fraction)) return null;
  const value = Number(fraction ? `${intPart}.${fraction}` : intPart);
  return Number.isFinite(value) ? value : null;
}

type Near = { found: boolean; code: string | null };
const NONE: Near = { found: false, code: null };

function currencyBefore(before: string): Near {
  const b = before.toLowerCase().trimEnd();
  // Nothing before the number (or only space): neither a symbol nor a code.
  if (!b) return NONE;
  for (const [symbol, code] of SYMBOLS) {
    if (!b.endsWith(symbol)) continue;
    // "tl" and "kr" are letters: only a whole word counts.
    if (/^[a-zа-я]/.test(symbol) && /\p{L}/u.test(b.charAt(b.length - symbol.length - 1))) continue;
    return { found: true, code };
  }
  const iso = /(?<![A-Za-z])([A-Z]{3})\s*$/.exec(before);
  return iso && isIsoCode(iso[1]!) ? { found: true, code: iso[1]! } : NONE;
}

function currencyAfter(after: string): Near {
  const a = after.toLowerCase().trimStart();
  // Nothing after the number (the price ends the text, as most do): neither a symbol nor a code.
  if (!a) return NONE;
  for (const [symbol, code] of SYMBOLS) {
    if (!a.startsWith(symbol)) continue;
    if (/^[a-zа-я]/.test(symbol) && /\p{L}/u.test(a.charAt(symbol.length))) continue;
    return { found: true, code };
  }
  const iso = /^\s*([A-Z]{3})(?![A-Za-z])/.exec(after);
  return iso && isIsoCode(iso[1]!) ? { found: true, code: iso[1]! } : NONE;
}

const NUMBER = /\d[\d.,\s\u00a0\u202f\u2009']*\d|\d/g;

/** A number of the text; what sits around it is looked up only when asked: most prices answer on the side before. */
interface Candidate {
  amount: number;
  start: number;
  end: number;
  before?: Near;
  after?: Near;
}

const beforeOf = (c: Candidate, text: string) =>
  (c.before ??= currencyBefore(text.slice(Math.max(0, c.start - 6), c.start)));
const afterOf = (c: Candidate, text: string) => (c.after ??= currencyAfter(text.slice(c.end, c.end + 6)));

/** The first price in `text` (labels around it are fine), or null when there is no number to read. */
export function parseMoney(text: string, locale: string | null): Money | null {
  if (!text) return null;
  const clean = text.normalize('NFC');
  const found: Candidate[] = [];
  for (const match of clean.matchAll(NUMBER)) {
    const raw = match[0].replace(/[\s\u00a0\u202f\u2009']+$/, '');
    const amount = parseAmount(raw, locale);
    if (amount === null) continue;
    const start = match.index ?? 0;
    found.push({ amount, start, end: start + raw.length });
  }
  for (let i = 0; i < found.length; i++) {
    const c = found[i]!;
    const before = beforeOf(c, clean);
    if (before.found) return { amount: c.amount, currency: before.code };
    // "x2 US $4.99": a symbol between two numbers is the prefix of the second one.
    const next = found[i + 1];
    const after = afterOf(c, clean);
    if (after.found && !(next && beforeOf(next, clean).found)) return { amount: c.amount, currency: after.code };
  }
  const first = found[0];
  return first ? { amount: first.amount, currency: null } : null;
}
