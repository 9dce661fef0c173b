import { getLocale, plural, t } from './core.ts';

/**
 * Dates and durations in the interface language via Intl, so no month names are typed by hand.
 * The time zone is the browser's; tests pin it with `setTimeZone`.
 */
let timeZone: string | undefined;

export function setTimeZone(tz: string | undefined): void {
  timeZone = tz;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'day' | 'dayTime'): Intl.DateTimeFormat {
  const id = `${getLocale()}|${kind}|${timeZone ?? ''}`;
  let f = cache.get(id);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { day: 'numeric', month: 'short', timeZone }
        : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
    f = new Intl.DateTimeFormat(getLocale(), options);
    cache.set(id, f);
  }
  return f;
}

/** "30 Nov, 14:00" (in the interface language's own order and month names). */
export function formatDateTime(iso: string): string {
  return formatter('dayTime').format(new Date(iso));
}

/** "12 Dec". */
export function formatDay(iso: string): string {
  return formatter('day').format(new Date(iso));
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
