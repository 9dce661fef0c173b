/**
 * The calendar file, checked with a real iCalendar parser (ical.js, Mozilla's), on generated
 * items written here: deadlines of each source, instants and calendar dates, hostile store names.
 * Run in five time zones by `npm run test:tz`.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  escapeText,
  foldLine,
  isUpcoming,
  type CalendarItem,
  type CalendarTexts,
} from '../../../src/calendar/ics.ts';
import type { Deadline, DeadlineKind } from '../../../src/model/index.ts';

const NOW = new Date('2026-11-26T12:00:00.000Z');

/** Plain English words, so a test reads what the file says. */
const texts: CalendarTexts = {
  kind: (kind) => `kind ${kind}`,
  summary: (kind, orderId, store) => `${kind}: ${store ?? `order ${orderId}`}`,
  order: (orderId, store) => `Order ${orderId}${store ? `, store ${store}` : ''}`,
  source: (source) => `source ${source}`,
};

const deadline = (kind: DeadlineKind, at: string, source: Deadline['source'] = 'rule'): Deadline => ({
  kind,
  at,
  source,
  rule: source === 'page' ? null : 'sellerResponse',
});

function item(over: Partial<CalendarItem> = {}): CalendarItem {
  return {
    orderId: '8212379857492017',
    disputeId: '5012345678901234',
    storeName: 'Best Store',
    url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017',
    deadlines: [],
    ...over,
  };
}

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
}

describe('the calendar file', () => {
  const items = [
    item({
      deadlines: [
        deadline('seller-response', '2026-11-30T14:00:00.000Z', 'page'),
        deadline('escalation-opens', '2026-12-05T12:00:00.000Z', 'rule'),
        // Passed: not in the file.
        deadline('dispute-opens', '2026-11-20T00:00:00.000Z', 'rule'),
      ],
    }),
    item({
      orderId: '8214779947343229',
      disputeId: null,
      storeName: null,
      url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8214779947343229',
      deadlines: [
        deadline('protection-ends', '2026-12-03', 'page'),
        deadline('refund-request-ends', '2026-12-18', 'shopper'),
      ],
    }),
  ];

  it('has one VEVENT per upcoming deadline, with kind, order, store, source, link and an alarm', () => {
    const { text, count } = buildCalendar(items, texts, NOW);
    const found = events(text);
    expect(count).toBe(4);
    expect(found).toHaveLength(4);
    const byUid = Object.fromEntries(found.map(({ event, vevent }) => [event.uid, { event, vevent }]));
    expect(Object.keys(byUid).sort()).toEqual([
      '8212379857492017-escalation-opens@refund-radar',
      '8212379857492017-seller-response@refund-radar',
      '8214779947343229-protection-ends@refund-radar',
      '8214779947343229-refund-request-ends@refund-radar',
    ]);
    const seller = byUid['8212379857492017-seller-response@refund-radar']!;
    expect(seller.event.summary).toBe('kind seller-response: Best Store');
    expect(seller.event.description).toBe(
      'Order 8212379857492017, store Best Store\nsource page\nhttps://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017',
    );
    expect(seller.vevent.getFirstPropertyValue('url')).toBe(
      'https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017',
    );
    const protection = byUid['8214779947343229-protection-ends@refund-radar']!;
    expect(protection.event.summary).toBe('kind protection-ends: order 8214779947343229');
    expect(byUid['8214779947343229-refund-request-ends@refund-radar']!.event.description).toContain('source shopper');
    expect(byUid['8212379857492017-escalation-opens@refund-radar']!.event.description).toContain('source rule');
    for (const { vevent } of found) {
      const alarm = vevent.getFirstSubcomponent('valarm');
      expect(alarm, 'VALARM').not.toBeNull();
      expect(alarm!.getFirstPropertyValue('action')).toBe('DISPLAY');
      const trigger = alarm!.getFirstPropertyValue('trigger') as ICAL.Duration;
      expect(trigger.isNegative).toBe(true);
      expect(trigger.toSeconds()).toBeLessThan(0);
      expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-26T12:00:00Z');
    }
  });

  it('puts an instant at its UTC time and a calendar date on that all-day date, in every time zone', () => {
    const found = events(buildCalendar(items, texts, NOW).text);
    const start = (uid: string) => found.find(({ event }) => event.uid === uid)!.event.startDate;
    const instant = start('8212379857492017-seller-response@refund-radar');
    expect(instant.isDate).toBe(false);
    expect(instant.zone?.tzid).toBe('UTC');
    expect(instant.toUnixTime() * 1000).toBe(Date.parse('2026-11-30T14:00:00.000Z'));
    const day = start('8214779947343229-protection-ends@refund-radar');
    expect(day.isDate).toBe(true);
    expect([day.year, day.month, day.day]).toEqual([2026, 12, 3]);
    // The raw line: a DATE value, not a time that a zone could move to another day.
    expect(buildCalendar(items, texts, NOW).text).toContain('\r\nDTSTART;VALUE=DATE:20261203\r\n');
    // A calendar app in the zone this test runs in (test:tz: five of them) shows that same day.
    const local = day.toJSDate();
    expect([local.getFullYear(), local.getMonth() + 1, local.getDate()]).toEqual([2026, 12, 3]);
  });

  it('keeps the same UIDs in a later export, with a later DTSTAMP and a higher SEQUENCE', () => {
    const later = new Date(NOW.getTime() + 3 * 3_600_000);
    const first = events(buildCalendar(items, texts, NOW).text);
    const second = events(buildCalendar(items, texts, later).text);
    expect(second.map(({ event }) => event.uid)).toEqual(first.map(({ event }) => event.uid));
    for (const [i, { vevent }] of second.entries()) {
      const before = first[i]!.vevent;
      expect(Number(vevent.getFirstPropertyValue('sequence'))).toBeGreaterThan(
        Number(before.getFirstPropertyValue('sequence')),
      );
      expect(vevent.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-26T15:00:00Z');
    }
  });

  it('gives a second dispute of the same order with the same kind its own UID', () => {
    const two = [
      item({ deadlines: [deadline('seller-response', '2026-11-30T14:00:00.000Z')] }),
      item({ disputeId: '5012345678909999', deadlines: [deadline('seller-response', '2026-12-01T14:00:00.000Z')] }),
    ];
    expect(events(buildCalendar(two, texts, NOW).text).map(({ event }) => event.uid)).toEqual([
      '8212379857492017-seller-response@refund-radar',
      '8212379857492017-seller-response-5012345678909999@refund-radar',
    ]);
  });

  it('escapes hostile store names and folds long lines, and the parser gives back the exact text', () => {
    const hostile = [
      'Shop, Inc; "best"\\deals',
      'Line one\nEND:VEVENT\nBEGIN:VEVENT\r\nUID:evil',
      `Магазин 🛒 ${'Ω'.repeat(150)}, ${'x'.repeat(150)}`,
      'tab\there\u0007bell',
    ];
    const list = hostile.map((storeName, i) =>
      item({
        orderId: `821237985749201${i}`,
        storeName,
        deadlines: [deadline('seller-response', '2026-11-30T14:00:00.000Z')],
      }),
    );
    const { text, count } = buildCalendar(list, texts, NOW);
    const found = events(text);
    expect(count).toBe(4);
    // Injected lines stay text inside one event: still four events.
    expect(found).toHaveLength(4);
    const summaries = found.map(({ event }) => event.summary).sort();
    expect(summaries).toEqual(
      [
        `kind seller-response: ${hostile[0]}`,
        `kind seller-response: Line one\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil`,
        `kind seller-response: ${hostile[2]}`,
        // A control character other than a tab is dropped; the tab stays.
        'kind seller-response: tab\therebell',
      ].sort(),
    );
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\r\n]/);
    }
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(4);
  });

  it('names a kind it has never heard of through the texts, and leaves no deadline out', () => {
    const unknown = item({ deadlines: [deadline('late-coupon' as DeadlineKind, '2026-12-10')] });
    const [found] = events(buildCalendar([unknown], texts, NOW).text);
    expect(found!.event.summary).toBe('kind late-coupon: Best Store');
    expect(found!.event.uid).toBe('8212379857492017-late-coupon@refund-radar');
  });

  it('leaves out a link that is not a plain https URL', () => {
    const bad = item({
      url: 'javascript:alert(1)',
      deadlines: [deadline('seller-response', '2026-11-30T14:00:00.000Z')],
    });
    const [found] = events(buildCalendar([bad], texts, NOW).text);
    expect(found!.vevent.getFirstPropertyValue('url')).toBeNull();
    expect(found!.event.description).not.toContain('javascript');
  });

  it('makes an empty but valid calendar when nothing is upcoming', () => {
    const { text, count } = buildCalendar(
      [item({ deadlines: [deadline('seller-response', '2026-11-01T00:00:00Z')] })],
      texts,
      NOW,
    );
    expect(count).toBe(0);
    expect(events(text)).toEqual([]);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  });
});

describe('calendar parts', () => {
  it('escapes backslash, semicolon, comma and newlines as RFC 5545 says', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('folds at 75 octets without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(80)}`);
    expect(foldLine('short')).toBe('short');
  });

  it('counts a calendar date as upcoming until that day has ended everywhere, an instant until it passes', () => {
    expect(isUpcoming('2026-11-26', NOW)).toBe(true);
    expect(isUpcoming('2026-11-25', new Date('2026-11-26T11:59:00Z'))).toBe(true);
    expect(isUpcoming('2026-11-25', new Date('2026-11-26T12:00:00Z'))).toBe(false);
    expect(isUpcoming('2026-11-26T12:00:00.000Z', NOW)).toBe(false);
    expect(isUpcoming('2026-11-26T12:00:01.000Z', NOW)).toBe(true);
    expect(isUpcoming('not a date', NOW)).toBe(false);
  });
});
