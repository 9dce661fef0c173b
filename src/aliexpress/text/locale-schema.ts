/**
 * The schema of a rules/locales file and the check every file goes through before any reader
 * uses it: in the background, which hands the content script only files that passed
 * (src/aliexpress/page-service.ts), and in tools and tests (bundled-rules.ts). A file that
 * fails is left out and named, so one broken language never stops the others from being read.
 */
import * as shape from '../shape.ts';
import { compileLocale, type LocaleRules } from './locale-rules.ts';

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

/** The files that pass the check, as given, and the ones that do not, by name with the first complaint. */
export function checkLocaleFiles(files: Record<string, unknown>): {
  valid: Record<string, LocaleRulesFile>;
  invalid: Array<{ locale: string; message: string }>;
} {
  const valid: Record<string, LocaleRulesFile> = {};
  const invalid: Array<{ locale: string; message: string }> = [];
  for (const [name, data] of Object.entries(files)) {
    const parsed = LocaleRulesSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      invalid.push({ locale: name, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
    } else if (parsed.data.locale !== name) {
      invalid.push({ locale: name, message: `locale: says "${parsed.data.locale}"` });
    } else valid[name] = parsed.data;
  }
  return { valid, invalid };
}

export interface LoadedLocales {
  locales: Map<string, LocaleRules>;
  /** Files that failed validation, by name, with the checker's first complaint. */
  invalid: Array<{ locale: string; message: string }>;
}

/** The files checked and compiled: what the readers would read with, and what was left out. */
export function loadLocales(files: Record<string, unknown>): LoadedLocales {
  const { valid, invalid } = checkLocaleFiles(files);
  return { locales: new Map(Object.entries(valid).map(([name, file]) => [name, compileLocale(file)])), invalid };
}
