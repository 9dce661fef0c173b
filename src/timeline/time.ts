/**
 * Time arithmetic for deadlines. AliExpress clocks run on its servers and pages show countdowns
 * to instants, so every deadline is a UTC instant (or a calendar date the page showed, counted from
 * its 00:00 UTC) and a rule's "N days" is exactly N × 24 hours added to one: calendar days would move a deadline by an hour across a daylight-saving change
 * and by a day between Kiritimati and Los Angeles, and the shopper's time zone must change
 * neither. Nothing here reads the local zone.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Urgency when the shopper has nothing to do: sorts after everything else and survives JSON. */
export const NO_URGENCY = Number.MAX_SAFE_INTEGER;

export function ms(at: string | Date): number {
  return typeof at === 'string' ? Date.parse(at) : at.getTime();
}

/**
 * A date the page showed without a time ("Nov 3, 2026"), kept by the readers as "2026-11-03"
 * (model/common.ts PageDate). It is a calendar date, not an instant: shown as that day in every
 * zone, and due at the end of that day where the shopper is. Date.parse reads it as 00:00 UTC, so
 * arithmetic on it is the same as on an instant; an instant that happens to be 00:00 UTC (a
 * countdown, a page time "00:00") stays an instant.
 */
export function isCalendarDate(at: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(at);
}

export function iso(at: number): string {
  return new Date(at).toISOString();
}

/** A time being worked out in ms; `day` when it is a calendar date or counted in days from one. */
export interface Moment {
  at: number;
  day?: boolean;
}

/** A stored date as a Moment, or undefined when absent or unreadable. */
export function momentOf(at: string | null | undefined): Moment | undefined {
  if (!at) return undefined;
  const t = ms(at);
  return Number.isFinite(t) ? { at: t, day: isCalendarDate(at) } : undefined;
}

/** A rule's whole days added: from a calendar date a calendar date, from an instant an instant. */
export function shiftDays(from: Moment, days: number): Moment {
  return { at: addDays(from.at, days), day: from.day };
}

/** The stored spelling: "2026-11-03" for a calendar date, the ISO instant otherwise. */
export function isoOf(m: Moment): string {
  const at = iso(m.at);
  return m.day ? at.slice(0, 10) : at;
}

export function addDays(at: number, days: number): number {
  return at + days * DAY_MS;
}

export interface TimeLeft {
  /** Whole days left; 0 once past. */
  days: number;
  /** Whole hours left after the days; 0 once past. */
  hours: number;
  /** The moment has come: `at` is not after `now`. */
  past: boolean;
}

/**
 * The one definition of "days left" for the UI and the alerts: whole days and hours, rounded
 * down so "1 day" is never shown when less than a day is left; never negative, past is past.
 */
export function timeLeft(at: string | Date, now: Date): TimeLeft {
  const left = ms(at) - now.getTime();
  if (!(left > 0)) return { days: 0, hours: 0, past: true };
  return { days: Math.floor(left / DAY_MS), hours: Math.floor((left % DAY_MS) / HOUR_MS), past: false };
}
