/**
 * Labels per language (rules/locales/<lang>.json): status texts, button labels, who-must-act
 * phrases, countdown units. Validated on load; a file that fails validation is left out and named,
 * so one broken language never stops the others from being read.
 *
 * The files are handed in at run time (`useLocaleFiles`), not compiled in: the content script gets
 * only its page's language (and English) from the background, which carries them all
 * (bundled-locales.ts); tools and unit tests hand in every bundled file.
 */
import * as shape from '../shape.ts';
import type { DisputeStatus, OrderAction, OrderStatus, Party } from '../../model/index.ts';
import { foldMonth, labelKey, normText, spaces } from './normalize.ts';

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

const Phrases = shape.array(shape.string({ min: 1 }), { min: 1 });

export const LocaleRulesSchema = shape.strictObject({
  locale: shape.string({ min: 2 }),
  /** `<html lang>` values (primary subtag or full tag, lower case) this file reads. */
  htmlLang: Phrases,
  orderStatus: shape.strictObject({
    'to-pay': Phrases,
    'to-ship': Phrases,
    shipped: Phrases,
    completed: Phrases,
    closed: Phrases,
    'in-dispute': Phrases,
  }),
  disputeStatus: shape.strictObject({
    'awaiting-seller': Phrases,
    'awaiting-buyer': Phrases,
    escalated: Phrases,
    'awaiting-return': Phrases,
    'refund-pending': Phrases,
    refunded: Phrases,
    closed: Phrases,
  }),
  parties: shape.strictObject({ seller: Phrases, buyer: Phrases, aliexpress: Phrases }),
  actions: shape.strictObject({
    pay: Phrases,
    cancel: Phrases,
    track: Phrases,
    'confirm-received': Phrases,
    'returns-refunds': Phrases,
    'open-dispute': Phrases,
    'view-dispute': Phrases,
    'extend-protection': Phrases,
    review: Phrases,
    'buy-again': Phrases,
    delete: Phrases,
    'contact-seller': Phrases,
  }),
  escalate: Phrases,
  /** Labels of the row that shows the order number as text ("Order number", "Номер заказа"). */
  orderNumber: Phrases,
  countdown: shape.strictObject({ day: Phrases, hour: Phrases, minute: Phrases, second: Phrases }),
  /** Labels of the order detail page's info rows, by the date they carry. */
  detailDates: shape.strictObject({ placedAt: Phrases, shippedAt: Phrases, completedAt: Phrases }),
  /**
   * Delivery promises as templates, `{date}`, `{amount}` and `{n}` where the page puts its values:
   * the guarantee ("Refund if no delivery before {date}"), the late-delivery coupon ("{amount}
   * coupon code if delayed by {date}") and the free-return window ("within {n} days after delivery").
   */
  deliveryGuarantee: Phrases,
  lateCoupon: Phrases,
  freeReturn: Phrases,
  /**
   * How the language writes dates: numeric order, and every spelling of each month (long, short,
   * and the form used inside a date, e.g. "listopada"). Generated once from Intl and kept here
   * because the first Intl date format a page asks for costs it 40-90 ms while ICU loads.
   */
  dates: shape.strictObject({
    order: shape.enumOf(['dmy', 'mdy', 'ymd']),
    months: shape.array(Phrases, { length: 12 }),
  }),
  /** The decimal mark of prices ("12,34" in most languages, "12.34" in English). */
  decimalMark: shape.enumOf([',', '.']),
});
export type LocaleRulesFile = shape.Infer<typeof LocaleRulesSchema>;
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
let files: Record<string, unknown> = {};

/** The files the readers read with from now on (unvalidated: each is checked on first use). */
export function useLocaleFiles(next: Record<string, unknown>): void {
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

export interface LoadedLocales {
  locales: Map<string, LocaleRules>;
  /** Files that failed validation, by name, with the checker's first complaint. */
  invalid: Array<{ locale: string; message: string }>;
}

export function loadLocales(files: Record<string, unknown>): LoadedLocales {
  const locales = new Map<string, LocaleRules>();
  const invalid: LoadedLocales['invalid'] = [];
  for (const [name, data] of Object.entries(files)) {
    const parsed = LocaleRulesSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      invalid.push({ locale: name, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
      continue;
    }
    if (parsed.data.locale !== name) {
      invalid.push({ locale: name, message: `locale: says "${parsed.data.locale}"` });
      continue;
    }
    locales.set(name, compileLocale(parsed.data));
  }
  return { locales, invalid };
}

let all: LoadedLocales | null = null;
const single = new Map<string, LocaleRules | null>();

/** Every handed-in language, validated and compiled on first use: a page with a known language needs only its own. */
export function allLocales(): LoadedLocales {
  return (all ??= loadLocales(files));
}

/** One handed-in language's rules (validated and compiled once), or null when there is none or its file is invalid. */
export function localeRules(locale: string): LocaleRules | null {
  if (all) return all.locales.get(locale) ?? null;
  let rules = single.get(locale);
  if (rules === undefined) {
    const file = Object.hasOwn(files, locale) ? files[locale] : undefined;
    rules = file === undefined ? null : (loadLocales({ [locale]: file }).locales.get(locale) ?? null);
    single.set(locale, rules);
  }
  return rules;
}

/** The htmlLang values a file claims, read before validating it (a file that fails is then not used). */
const claims = (file: unknown): string[] => {
  const langs = (file as { htmlLang?: unknown } | null)?.htmlLang;
  return Array.isArray(langs)
    ? langs.filter((l): l is string => typeof l === 'string').map((l) => l.toLowerCase())
    : [];
};

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
  return found && localeRules(found[0]) ? found[0] : null;
}
