/**
 * Labels per language (rules/locales/<lang>.json): status texts, button labels, who-must-act
 * phrases, countdown units, compiled into lookups on first use.
 *
 * The files are handed in at run time (`useLocaleFiles`), not compiled in: the content script gets
 * only its page's language (and English) from the background, which carries them all
 * (../bundled-rules.ts); tools and unit tests hand in every bundled file.
 */
import type { DisputeStatus, OrderAction, OrderStatus, Party } from '../../model/index.ts';
import type { LocaleRulesFile } from './locale-schema.ts';
import { foldMonth, labelKey, normText, spaces } from './normalize.ts';

export type { LocaleRulesFile };

export type PromiseKind = 'deliveryGuarantee' | 'lateCoupon' | 'freeReturn';

/** A compiled promise template: the pattern and, in order, which value each group holds. */
export interface PromiseTemplate {
  re: RegExp;
  keys: string[];
}

/** "Refund if no delivery before {date}" -> /refund if no delivery before (.+)/iu; the last value takes the rest. */
function template(phrase: string): PromiseTemplate {
  const parts = spaces(phrase).split(/\{(date|amount|n)\}/);
  const last = parts.length - 2;
  const source = parts
    .map((p, i) =>
      i % 2 === 0 ? p.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&') : p === 'n' ? '(\\d{1,3})' : i === last ? '(.+)' : '(.+?)',
    )
    .join('');
  return { re: new RegExp(source, 'iu'), keys: parts.filter((_, i) => i % 2 === 1) };
}

export type CountdownUnits = LocaleRulesFile['countdown'];

/** A locale file with its labels normalized into lookups. */
export interface LocaleRules {
  locale: string;
  htmlLang: string[];
  orderStatus: Map<string, Exclude<OrderStatus, 'unknown'>>;
  disputeStatus: Map<string, Exclude<DisputeStatus, 'unknown'>>;
  /** Matched by containment: the phrase sits inside a longer sentence. */
  parties: Array<[string, Party]>;
  actions: Map<string, OrderAction>;
  escalate: Set<string>;
  /** Order-number labels as `labelKey` folds them, longest first so "Order No." wins over "Order No". */
  orderNumber: string[];
  countdown: CountdownUnits;
  detailDates: Array<[string, 'placedAt' | 'shippedAt' | 'completedAt']>;
  /** The promise templates compiled (text/promises.ts), matched without regard to case. */
  promises: Record<PromiseKind, PromiseTemplate[]>;
  /** Folded month spelling -> month index 0-11. */
  months: Map<string, number>;
  dateOrder: 'dmy' | 'mdy' | 'ymd';
  decimalMark: ',' | '.';
}

/** The files the readers read with now, by locale name; none until some are handed in. */
let files: Record<string, LocaleRulesFile> = {};

/**
 * The files the readers read with from now on, checked already (locale-schema.ts): by the
 * background, which sends the content script only files that passed, or by tools and tests
 * (bundled-rules.ts). Checking them again here would put the schema back into the page's script.
 */
export function useLocaleFiles(next: Record<string, LocaleRulesFile>): void {
  if (next === files) return;
  files = next;
  all = null;
  single.clear();
}

function lookup<K extends string>(groups: Record<K, string[]>, locale: string): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of Object.keys(groups) as K[]) {
    for (const phrase of groups[key]) map.set(normText(phrase, locale), key);
  }
  return map;
}

export function compileLocale(file: LocaleRulesFile): LocaleRules {
  const l = file.locale;
  return {
    locale: l,
    htmlLang: file.htmlLang.map((t) => t.toLowerCase()),
    orderStatus: lookup(file.orderStatus, l),
    disputeStatus: lookup(file.disputeStatus, l),
    parties: [...lookup(file.parties, l)].sort((a, b) => b[0].length - a[0].length),
    actions: lookup(file.actions, l),
    escalate: new Set(file.escalate.map((p) => normText(p, l))),
    orderNumber: file.orderNumber.map((p) => labelKey(p, l)).sort((a, b) => b.length - a.length),
    countdown: file.countdown,
    detailDates: [...lookup(file.detailDates, l)],
    promises: {
      deliveryGuarantee: file.deliveryGuarantee.map(template),
      lateCoupon: file.lateCoupon.map(template),
      freeReturn: file.freeReturn.map(template),
    },
    months: new Map(file.dates.months.flatMap((names, m) => names.map((n) => [foldMonth(n), m] as const))),
    dateOrder: file.dates.order,
    decimalMark: file.decimalMark,
  };
}

let all: { locales: Map<string, LocaleRules> } | null = null;
const single = new Map<string, LocaleRules | null>();

/** Every handed-in language, compiled on first use (those compiled one by one are kept): a page with a known language needs only its own. */
export function allLocales(): { locales: Map<string, LocaleRules> } {
  return (all ??= { locales: new Map(Object.keys(files).map((name) => [name, localeRules(name)!])) });
}

/** One handed-in language's rules (compiled once), or null when there is none. */
export function localeRules(locale: string): LocaleRules | null {
  if (all) return all.locales.get(locale) ?? null;
  let rules = single.get(locale);
  if (rules === undefined) {
    rules = Object.hasOwn(files, locale) ? compileLocale(files[locale]!) : null;
    single.set(locale, rules);
  }
  return rules;
}

const claims = (file: LocaleRulesFile): string[] => file.htmlLang.map((l) => l.toLowerCase());

/** The supported locale for an `<html lang>` value ("pt", "pt-BR", "pt_br", "en-US"), or null. */
export function localeForLang(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const tag = lang.trim().replace(/_/g, '-').toLowerCase();
  if (!tag) return null;
  const primary = tag.split('-')[0]!;
  const entries = Object.entries(files);
  const found =
    entries.find(([, file]) => claims(file).includes(tag)) ??
    entries.find(([, file]) => claims(file).includes(primary));
  return found?.[0] ?? null;
}
