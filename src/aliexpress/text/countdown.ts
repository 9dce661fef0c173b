/**
 * Countdowns such as "4 days 23:12:11", "4 дня 23:12:11", "2 gün 05:03:09" or "3d 4h 5m", turned
 * into an absolute time from the moment the page was read. Unit words come from rules/locales, so a
 * new language is a data change.
 */
import { normText } from './normalize.ts';
import { allLocales, localeRules, type CountdownUnits } from './locale-rules.ts';

const UNIT_MS = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 } as const;

/** The time left that `text` shows, in milliseconds, or null when it shows no countdown. */
export function countdownMs(text: string, units: CountdownUnits): number | null {
  const t = normText(text);
  let total = 0;
  let found = false;
  const clock = /(?<![\d:])(\d{1,3}):(\d{2})(?::(\d{2}))?(?![\d:])/.exec(t);
  if (clock) {
    const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (m >= 60 || s >= 60) return null;
    total +=
      clock[3] === undefined ? h * UNIT_MS.hour + m * UNIT_MS.minute : h * UNIT_MS.hour + m * UNIT_MS.minute + s * 1000;
    found = true;
  }
  const withoutClock = clock ? t.slice(0, clock.index) + ' ' + t.slice(clock.index + clock[0].length) : t;
  for (const match of withoutClock.matchAll(/(\d{1,4})\s*([\p{L}.]+)/gu)) {
    const word = match[2]!.replace(/\.+$/, '');
    const unit = (Object.keys(UNIT_MS) as Array<keyof typeof UNIT_MS>).find(
      (u) => (!clock || u === 'day') && units[u].some((w) => normText(w).replace(/\.+$/, '') === word),
    );
    // "4일 23:12:11": days in a language we do not know. The clock alone would be 4 days short.
    if (!unit && clock && match.index < clock.index) return null;
    if (!unit) continue;
    total += Number(match[1]) * UNIT_MS[unit];
    found = true;
  }
  return found ? total : null;
}

/** When the countdown in `text` runs out, counted from `readAt`, or null when there is none to read. */
export function parseCountdown(text: string, locale: string | null, readAt: Date): Date | null {
  const units = locale ? localeRules(locale)?.countdown : anyUnits();
  if (!units) return null;
  const ms = countdownMs(text, units);
  const at = ms === null ? NaN : readAt.getTime() + ms;
  // Thousands of "9999 days" add up past any date (toISOString would throw RangeError) or past
  // year 9999, which no stored instant may have: no countdown a page means.
  return at <= LAST_INSTANT ? new Date(at) : null;
}

/** 9999-12-31T23:59:59.999Z, the last instant an ISO date with a four-digit year can write. */
const LAST_INSTANT = 253_402_300_799_999;

/**
 * Whether `text` is a countdown and nothing else ("4 days 23:12:11", "3 days 4 hours", "1 д
 * 03:04:05", "23:12:11"): numbers, clocks and unit words only. How a countdown is told from the
 * rest of a page when the selectors that point at it found nothing.
 */
export function isCountdownOnly(text: string, locale: string | null): boolean {
  const units = locale ? localeRules(locale)?.countdown : anyUnits();
  const t = normText(text);
  if (!units || !/^[\d\s:\p{L}.]{1,40}$/u.test(t)) return false;
  const words = Object.values(units)
    .flat()
    .map((u) => normText(u).replace(/\.+$/, ''));
  return (t.match(/\p{L}+/gu) ?? []).every((w) => words.includes(w)) && countdownMs(t, units) !== null;
}

let merged: CountdownUnits | null = null;
/** With the page's language unknown, a unit word of any supported language counts. */
function anyUnits(): CountdownUnits {
  if (merged) return merged;
  const all = [...allLocales().locales.values()].map((l) => l.countdown);
  merged = {
    day: all.flatMap((u) => u.day),
    hour: all.flatMap((u) => u.hour),
    minute: all.flatMap((u) => u.minute),
    second: all.flatMap((u) => u.second),
  };
  return merged;
}
