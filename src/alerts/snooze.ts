import { DAY_MS, isCalendarDate } from '../timeline/time.ts';
import type { AlertKind, EventIdentity } from './events.ts';
import { ALERT_TEXT } from './text.ts';

/** "Remind me tomorrow": a snoozed alert comes back this much later, once. */
export const SNOOZE_MS = DAY_MS;
/** Where a browser shows no notification buttons (Firefox), the popup offers the snooze this long after an alert. */
export const RECENT_MS = DAY_MS;
/** The id and key of an alert's one comeback are the alert's with this suffix. */
export const AGAIN = '#again';

/** What the alerts table keeps of a shown alert (src/store/records.ts SentAlert). */
export interface SentRecord {
  id?: string;
  key: string;
  at: string;
  firedAt?: string;
  url?: string;
  /** When the shopper asked to be reminded again; set once. */
  snoozedAt?: string;
}

export const isComeback = (idOrKey: string): boolean => idOrKey.endsWith(AGAIN);

/** The event an alert key names (src/alerts/events.ts eventKey), or null for a key that is not one of ours. */
export function identityOf(key: string): (EventIdentity & { reminder: boolean }) | null {
  const [kind, orderId, line, lead, extra] = key.split(':');
  if (!kind || !Object.hasOwn(ALERT_TEXT, kind) || !orderId || !line || extra !== undefined) return null;
  const days = lead?.endsWith('d') ? Number(lead.slice(0, -1)) : null;
  const hours = lead?.endsWith('h') ? Number(lead.slice(0, -1)) : undefined;
  return {
    kind: kind as AlertKind,
    orderId,
    lineId: line === '-' ? null : line,
    leadDays: days,
    ...(hours !== undefined && { leadHours: hours }),
    // A reminder before a deadline is no use after it; an alert at a moment stays useful a while.
    reminder: lead !== undefined,
  };
}

/** The deadline an alert names, as an instant (a calendar date is due at the end of that day). */
export function deadlineMs(at: string, endOfDay: (calendarDate: string) => number): number {
  return isCalendarDate(at) ? endOfDay(at) : Date.parse(at);
}

/**
 * Whether "Remind me tomorrow" is offered for an alert at `now`: not twice (a comeback or an
 * alert snoozed already), and not for a reminder whose deadline comes before tomorrow.
 */
export function snoozable(
  alert: { id: string; key: string; at: string; snoozedAt?: string },
  now: number,
  endOfDay: (calendarDate: string) => number,
): boolean {
  if (alert.snoozedAt !== undefined || isComeback(alert.id) || isComeback(alert.key)) return false;
  const who = identityOf(alert.key);
  if (!who) return false;
  return !who.reminder || now + SNOOZE_MS < deadlineMs(alert.at, endOfDay);
}

/** Why a shown alert cannot be snoozed now, or null when it can ("Remind me tomorrow"). */
export function snoozeRefusal(
  alert: { id: string; key: string; at: string; snoozedAt?: string },
  now: number,
  endOfDay: (calendarDate: string) => number = (at) => Date.parse(at) + DAY_MS - 1,
): 'already-snoozed' | 'too-late' | null {
  if (alert.snoozedAt !== undefined || isComeback(alert.id)) return 'already-snoozed';
  return snoozable(alert, now, endOfDay) ? null : 'too-late';
}
