import { isCalendarDate } from '../timeline/time.ts';
import { getLocale, plural, t } from './core.ts';

/**
 * Dates and durations in the interface language via Intl, so no month names are typed by hand.
 * The time zone is the browser's; tests pin it with `setTimeZone`.
 */
let timeZone: string | undefined;

export function setTimeZone(tz: string | undefined): void {
  timeZone = tz;
}

let clock: () => Date = () => new Date();

/** The clock that decides whether a date is in the current year; tests pin it. */
export function setClock(now: (() => Date) | undefined): void {
  clock = now ?? (() => new Date());
}

// A calendar date (timeline/time.ts) is shown in UTC: Nov 3 in Los Angeles and Kiritimati alike.
export { isCalendarDate };

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, kind: 'day' | 'dayTime' | 'year', zone: string | undefined, withYear: boolean) {
  const id = `${locale}|${kind}|${zone ?? ''}|${withYear}`;
  let f = cache.get(id);
  if (!f) {
    const year = withYear ? ({ year: 'numeric' } as const) : {};
    const options: Intl.DateTimeFormatOptions =
      kind === 'year'
        ? { year: 'numeric', timeZone: zone }
        : kind === 'day'
          ? { day: 'numeric', month: 'short', ...year, timeZone: zone }
          : {
              day: 'numeric',
              month: 'short',
              ...year,
              hour: '2-digit',
              minute: '2-digit',
              hourCycle: 'h23',
              timeZone: zone,
            };
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(id, f);
  }
  return f;
}

/**
 * "30 Nov, 14:00", or "30 Nov" for a calendar date, in `locale`'s own order and month names; the
 * year is added when it is not the current one (issue 12: a date of last year looked like this
 * year's). An instant is shown in `zone` (the browser's when undefined), a calendar date in UTC.
 */
export function formatWhen(iso: string, locale: string, zone: string | undefined, now: Date, withTime = true): string {
  const calendar = isCalendarDate(iso);
  const shownZone = calendar ? 'UTC' : zone;
  const date = new Date(iso);
  // The browser's own zone and UTC need no formatter: each one made costs a popup's first frame ~1 ms.
  const yearOf = (d: Date) =>
    shownZone === undefined
      ? d.getFullYear()
      : shownZone === 'UTC'
        ? d.getUTCFullYear()
        : formatter(locale, 'year', shownZone, false).format(d);
  const withYear = yearOf(date) !== yearOf(now);
  return formatter(locale, calendar || !withTime ? 'day' : 'dayTime', shownZone, withYear).format(date);
}

/** "30 Nov, 14:00" (in the interface language's own order and month names). */
export function formatDateTime(iso: string): string {
  return formatWhen(iso, getLocale(), timeZone, clock());
}

/** "12 Dec". */
export function formatDay(iso: string): string {
  return formatWhen(iso, getLocale(), timeZone, clock(), false);
}

/** "3 days 4 h", "5 h", "less than 1 h" from the timeline's `timeLeft` answer. */
export function formatDuration(left: { days: number; hours: number }): string {
  const days = Math.max(0, left.days);
  const hours = Math.max(0, left.hours);
  if (days > 0)
    return hours > 0 ? `${plural('durationDays', days)} ${t('durationHours', hours)}` : plural('durationDays', days);
  if (hours > 0) return t('durationHours', hours);
  return t('durationUnderHour');
}

/** A language's own name for itself ("español", "polski"), for the language picker. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
