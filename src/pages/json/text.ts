/**
 * The little text parsing the JSON readers need: calendar dates as AliExpress prints them in the
 * shopper's language, and prices. Month names come from Intl for the page's locale, so no month
 * table is typed by hand. (The DOM readers have their own helper in src/pages/text/; these two
 * should be unified once both exist.)
 */

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');

const monthCache = new Map<string, Map<string, number> | null>();

/** Every spelling Intl gives for each month in a locale: long, short, and the forms used inside dates (genitive). */
function monthNames(locale: string): Map<string, number> | null {
  if (monthCache.has(locale)) return monthCache.get(locale) ?? null;
  let names: Map<string, number> | null = new Map();
  try {
    const formats = [
      new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    ];
    for (let m = 0; m < 12; m++) {
      const at = Date.UTC(2000, m, 15);
      for (const f of formats) {
        for (const part of f.formatToParts(at)) {
          if (part.type === 'month' && /\p{L}/u.test(part.value)) names.set(fold(part.value.trim()), m);
        }
      }
    }
  } catch {
    names = null;
  }
  monthCache.set(locale, names);
  return names;
}

function monthOf(token: string, names: Map<string, number>): number | null {
  const t = fold(token);
  const exact = names.get(t);
  if (exact !== undefined) return exact;
  // Abbreviations AliExpress uses but Intl does not print ("Sept", "Jul."): a unique prefix of a full name.
  if (t.length < 3) return null;
  const hits = new Set<number>();
  for (const [name, m] of names) if (name.startsWith(t)) hits.add(m);
  return hits.size === 1 ? [...hits][0]! : null;
}

function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2200 || month < 0 || month > 11 || day < 1 || day > 31) return null;
  const at = new Date(Date.UTC(year, month, day));
  return at.getUTCDate() === day ? at.toISOString() : null;
}

function numericOrder(locale: string): ('day' | 'month' | 'year')[] {
  try {
    const parts = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).formatToParts(0);
    const order = parts
      .map((p) => p.type)
      .filter((t): t is 'day' | 'month' | 'year' => t === 'day' || t === 'month' || t === 'year');
    if (order.length === 3) return order;
  } catch {
    // An invalid locale tag falls through to day-month-year, the order most AliExpress locales use.
  }
  return ['day', 'month', 'year'];
}

/**
 * A calendar date ("Jul 15, 2026", "3 de set. de 2026", "03.11.2026", "2022-03-23 21:19:58") as
 * midnight UTC of that day, or null when the text holds no complete date in that locale.
 */
export function parseDateText(text: string, locale: string): string | null {
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  const words = text.match(/\p{L}+\.?/gu) ?? [];
  const numbers = (text.match(/\d+/g) ?? []).map((n) => ({ n: Number(n), len: n.length }));
  const yearAt = numbers.findIndex((x) => x.len === 4);
  if (yearAt < 0) return null;
  const year = numbers[yearAt]!.n;
  // The day is the short number nearest before the year ("Jul 15, 2026", "3 de set. de 2026"), else after it.
  const rest = [...numbers.slice(0, yearAt), ...numbers.slice(yearAt + 1)];
  const names = monthNames(locale);
  const months = names ? words.map((w) => monthOf(w, names)).filter((m): m is number => m !== null) : [];
  if (months.length === 1) {
    const day = rest.find((x) => x.len <= 2);
    return day ? isoDay(year, months[0]!, day.n) : null;
  }
  if (months.length > 1 || words.some((w) => fold(w).length >= 3)) return null;
  if (numbers.length !== 3) return null;
  const byPart: Record<string, number> = {};
  numericOrder(locale).forEach((part, i) => (byPart[part] = numbers[i]!.n));
  if (numbers[numericOrder(locale).indexOf('year')]?.len !== 4) return null;
  return isoDay(byPart.year!, byPart.month! - 1, byPart.day!);
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
 * A price text such as "R$ 126,59" or "US $1,234.50" with a known decimal separator. Without one,
 * only a text whose last separator is unambiguous (followed by exactly 1-2 digits) is read.
 */
export function parseAmountText(text: string, decimalPointChar?: string): number | null {
  const m = /\d[\d\s.,'\u00a0\u202f]*/.exec(text);
  if (!m) return null;
  const raw = m[0].trim();
  let decimal = decimalPointChar;
  if (decimal !== '.' && decimal !== ',') {
    const last = /[.,](\d+)$/.exec(raw);
    decimal = last && last[1]!.length <= 2 ? raw[raw.length - last[1]!.length - 1] : undefined;
  }
  const [int, frac, ...extra] = decimal ? raw.split(decimal) : [raw];
  if (extra.length) return null;
  const whole = (int ?? '').replace(/[\s.,'\u00a0\u202f]/g, '');
  if (!/^\d+$/.test(whole) || (frac !== undefined && !/^\d+$/.test(frac))) return null;
  return Number(`${whole}.${frac ?? '0'}`);
}
