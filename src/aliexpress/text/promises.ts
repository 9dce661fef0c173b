/**
 * Delivery promises as AliExpress words them in its service block and on the tracking page:
 * "Apply for R$5.00 coupon code if delayed by Aug 3, 2026 · Refund if no delivery before Sep 3,
 * 2026 · Refund if items damaged" and "Send it back within 15 days after delivery". The templates
 * are data (rules/locales, `deliveryGuarantee`, `lateCoupon`, `freeReturn`), tried in the page's
 * language first, then in every other (AliExpress leaves some of these texts in English).
 */
import type { Money, Problem } from '../../model/index.ts';
import { pageDate } from './date.ts';
import { allLocales, localeRules, type LocaleRules, type PromiseKind } from './locale-rules.ts';
import { parseMoney } from './money.ts';
import { spaces } from './normalize.ts';

export interface Promises {
  deliveryGuaranteeAt?: string;
  lateCoupon?: { by: string; amount: Money | null };
  freeReturnDays?: number;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

function match(segment: string, kind: PromiseKind, order: LocaleRules[]) {
  for (const rules of order) {
    for (const { re, keys } of rules.promises[kind]) {
      const m = re.exec(segment);
      if (m) return { value: (key: string) => m[keys.indexOf(key) + 1] ?? '', locale: rules.locale };
    }
  }
  return null;
}

/**
 * What the promise texts say. A dated line no language's template matches, a date that does not
 * parse, and one before the order was placed or over a year before the reading are named
 * problems; nothing is guessed from them.
 */
export function readPromises(
  texts: readonly string[],
  locale: string | null,
  problems: Problem[],
  orderId: string | null,
  readAt: Date,
  placedAt?: string | null,
): Promises {
  const own = locale ? localeRules(locale) : null;
  const order = [...(own ? [own] : []), ...[...allLocales().locales.values()].filter((r) => r !== own)];
  const floor = Math.max(readAt.getTime() - YEAR_MS, placedAt ? Date.parse(placedAt.slice(0, 10)) : 0);
  const out: Promises = {};
  const date = (text: string, l: string): string | undefined => {
    const at = pageDate(text, l) ?? pageDate(text, 'en');
    if (!at) problems.push({ code: 'date-unparsed', detail: text.slice(0, 120), orderId });
    else if (Date.parse(at) < floor) problems.push({ code: 'promise-date-past', detail: at, orderId });
    else return at;
    return undefined;
  };
  for (const segment of texts.flatMap((t) => spaces(t).split('·'))) {
    const s = segment.trim();
    const free = match(s, 'freeReturn', order);
    const coupon = free ? null : match(s, 'lateCoupon', order);
    const guarantee = free || coupon ? null : match(s, 'deliveryGuarantee', order);
    if (free) out.freeReturnDays ??= Number(free.value('n'));
    else if (coupon) {
      const by = date(coupon.value('date'), coupon.locale);
      if (by) out.lateCoupon ??= { by, amount: parseMoney(coupon.value('amount'), coupon.locale) };
    } else if (guarantee) {
      const at = date(guarantee.value('date'), guarantee.locale);
      if (at) out.deliveryGuaranteeAt ??= at;
    } else if (/\b(19|20)\d\d\b/.test(s)) {
      problems.push({ code: 'promise-unrecognized', detail: s.slice(0, 120), orderId });
    }
  }
  return out;
}
