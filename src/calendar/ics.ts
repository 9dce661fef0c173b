import type { Deadline, DeadlineKind, Source } from '../model/index.ts';
import { DAY_MS, HOUR_MS, isCalendarDate } from '../timeline/time.ts';

/**
 * The shopper's upcoming deadlines as an iCalendar file (RFC 5545), to import into any calendar.
 * Pure: the texts come translated from the caller, the clock is a parameter.
 */

/** One order's (or one dispute's) deadlines, with what an event says about them. */
export interface CalendarItem {
  orderId: string;
  disputeId: string | null;
  storeName: string | null;
  /** The AliExpress page to open for it. */
  url: string | null;
  deadlines: readonly Deadline[];
}

/** The words of an event, in the interface language (src/ui/calendar-texts.ts). */
export interface CalendarTexts {
  /** "Seller must respond", for any kind, also one this code has never heard of. */
  kind(kind: DeadlineKind): string;
  /** "Seller must respond: LIMA Store". */
  summary(kind: string, orderId: string, storeName: string | null): string;
  /** "Order 8214779947343229, store LIMA Store". */
  order(orderId: string, storeName: string | null): string;
  /** "Date shown by AliExpress" / "Estimated from the rules" / "Counted from a date you entered". */
  source(source: Source): string;
}

export interface Calendar {
  text: string;
  /** VEVENTs in it: one per upcoming deadline. */
  count: number;
}

const PRODID = '-//Refund Radar//Deadlines//EN';
// A calendar date is over once that day has ended everywhere (UTC-12): it stays in the file until then.
const CALENDAR_DAY_LAST = DAY_MS + 12 * HOUR_MS;

/** Whether a deadline is still ahead at `now`: an instant after it, a calendar date until that day ends. */
export function isUpcoming(at: string, now: Date): boolean {
  const t = Date.parse(at);
  if (!Number.isFinite(t)) return false;
  return isCalendarDate(at) ? t + CALENDAR_DAY_LAST > now.getTime() : t > now.getTime();
}

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newlines; other control characters dropped. */
export function escapeText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
  );
}

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Lines longer than 75 octets folded with CRLF and a space (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  let out = '';
  let used = 0;
  for (const char of line) {
    const size = octets(char.codePointAt(0)!);
    if (used + size > 75) {
      out += '\r\n ';
      used = 1;
    }
    out += char;
    used += size;
  }
  return out;
}

/** "20261130T140000Z" for an instant. */
export function utcStamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
}

const SAFE_URL = /^https:\/\/[^\s"<>\\^`{|}]+$/;

/**
 * Every upcoming deadline of `items` as one VEVENT. UIDs are `<orderId>-<kind>@refund-radar`
 * (a second dispute of the same order with the same kind gets its case id added), so importing a
 * newer file updates the same events; SEQUENCE grows with the time of export for clients that
 * compare it.
 */
export function buildCalendar(items: readonly CalendarItem[], texts: CalendarTexts, now: Date): Calendar {
  const events: Array<{ uid: string; start: string; lines: string[] }> = [];
  const uids = new Set<string>();
  const stamp = utcStamp(now.getTime());
  const sequence = Math.max(0, Math.floor(now.getTime() / 60_000));
  for (const item of items) {
    for (const deadline of item.deadlines) {
      if (!isUpcoming(deadline.at, now)) continue;
      let uid = `${item.orderId}-${deadline.kind}`;
      if (uids.has(uid)) uid = `${uid}-${item.disputeId ?? 'order'}`;
      for (let n = 2; uids.has(uid); n++) uid = `${item.orderId}-${deadline.kind}-${n}`;
      uids.add(uid);
      const kind = texts.kind(deadline.kind);
      const summary = texts.summary(kind, item.orderId, item.storeName);
      const url = item.url && SAFE_URL.test(item.url) ? item.url : null;
      const day = isCalendarDate(deadline.at);
      const start = day
        ? `DTSTART;VALUE=DATE:${deadline.at.replace(/-/g, '')}`
        : `DTSTART:${utcStamp(Date.parse(deadline.at))}`;
      const description = [texts.order(item.orderId, item.storeName), texts.source(deadline.source), url]
        .filter((line): line is string => !!line)
        .join('\n');
      events.push({
        uid,
        start: deadline.at,
        lines: [
          'BEGIN:VEVENT',
          `UID:${uid}@refund-radar`,
          `DTSTAMP:${stamp}`,
          `SEQUENCE:${sequence}`,
          start,
          `SUMMARY:${escapeText(summary)}`,
          `DESCRIPTION:${escapeText(description)}`,
          ...(url ? [`URL:${url}`] : []),
          'TRANSP:TRANSPARENT',
          'BEGIN:VALARM',
          'ACTION:DISPLAY',
          `DESCRIPTION:${escapeText(summary)}`,
          // A day before an instant; noon of the day before a calendar date.
          `TRIGGER:${day ? '-PT12H' : '-P1D'}`,
          'END:VALARM',
          'END:VEVENT',
        ],
      });
    }
  }
  events.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.uid < b.uid ? -1 : 1));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Refund Radar',
    ...events.flatMap((e) => e.lines),
    'END:VCALENDAR',
  ];
  return { text: lines.map(foldLine).join('\r\n') + '\r\n', count: events.length };
}
