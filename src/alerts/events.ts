import { DAY_MS } from '../timeline/time.ts';

/** What the shopper is told about, one notification each. */
export type AlertKind =
  | 'escalation-open'
  | 'refund-due'
  | 'protection-ends'
  | 'return-ship-by'
  | 'late-coupon'
  | 'free-return-ends'
  /** Before the shopper's own reply deadline, in hours (settings.buyerReplyLeadHours). */
  | 'buyer-response'
  /** The shopper's reply deadline passed while the case still waited for them. */
  | 'buyer-response-passed';

export const ALARM_PREFIX = 'rr:';

/**
 * An estimate read again later moves by seconds (a countdown turned into a time) or hours (a
 * rule counted from a date the page now shows): within a day it is the same event, further apart
 * it is a new one (protection was extended, a dispute reopened) and deserves its own alert.
 */
export const SAME_EVENT_WINDOW_MS = DAY_MS;

export interface EventIdentity {
  kind: AlertKind;
  orderId: string;
  lineId: string | null;
  /** Days before the deadline for reminders; null for alerts at the moment itself. */
  leadDays: number | null;
  /** Hours before the deadline, for reminders counted in hours (the shopper's own reply). */
  leadHours?: number;
}

/** The event without its time: what "the same event" means when deciding not to notify twice. */
export function eventKey(e: EventIdentity): string {
  const lead = e.leadHours !== undefined ? [`${e.leadHours}h`] : e.leadDays === null ? [] : [`${e.leadDays}d`];
  return [e.kind, e.orderId, e.lineId ?? '-', ...lead].join(':');
}

/** The alarm name: the event and its deadline, so planning again yields the same names. */
export function alarmName(e: EventIdentity, at: string): string {
  return `${ALARM_PREFIX}${eventKey(e)}@${at}`;
}

export function isOurAlarm(name: string): boolean {
  return name.startsWith(ALARM_PREFIX);
}

export function sameEvent(a: { key: string; at: string }, b: { key: string; at: string }): boolean {
  return a.key === b.key && Math.abs(Date.parse(a.at) - Date.parse(b.at)) < SAME_EVENT_WINDOW_MS;
}
