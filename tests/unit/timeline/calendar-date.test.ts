import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageDate } from '../../../src/aliexpress/text/date.ts';
import { formatDateTime, formatDay, formatWhen, setClock, setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import { localEndOfDay } from '../../../src/platform/alert-runner.ts';
import { timelineFor } from '../../../src/timeline/timeline.ts';
import { DAY_MS, isCalendarDate } from '../../../src/timeline/time.ts';
import { order, policy } from './build.ts';

// Run by scripts/test-tz.ts in UTC, Shanghai, Los Angeles, Kiritimati (+14) and Honolulu (-10):
// every expectation here must hold in each. Dates are written by hand for this test.
const NOW = new Date('2026-11-26T12:00:00.000Z');

beforeEach(() => {
  setLanguage('en');
  setTimeZone(undefined);
  setClock(() => NOW);
});
afterEach(() => {
  setClock(undefined);
});

describe('a date the page showed without a time stays that calendar date in every zone', () => {
  it('"Nov 3, 2026" read from a page shows as Nov 3 in the popup and in notifications', () => {
    const read = pageDate('Nov 3, 2026', 'en')!;
    expect(formatDay(read)).toBe('Nov 3');
    expect(formatDateTime(read)).toBe('Nov 3');
    expect(formatWhen(read, 'en-US', undefined, NOW)).toBe('Nov 3');
    expect(formatWhen(read, 'pl', undefined, NOW)).toBe('3 lis');
  });

  it('an instant is still shown at its time in the shopper zone', () => {
    const at = '2026-11-03T05:30:00.000Z';
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const expected = new Intl.DateTimeFormat('en', {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: zone,
    }).format(new Date(at));
    expect(formatDateTime(at)).toBe(expected);
  });

  it('shows the year of a date outside the current year, and only then', () => {
    expect(formatDay(pageDate('Dec 30, 2025', 'en')!)).toBe('Dec 30, 2025');
    expect(formatDay(pageDate('Jan 6, 2027', 'en')!)).toBe('Jan 6, 2027');
    expect(formatDay(pageDate('Jan 6, 2026', 'en')!)).toBe('Jan 6');
  });

  it('is due at the end of that day where the shopper is, in every zone', () => {
    const end = new Date(localEndOfDay(pageDate('Nov 3, 2026', 'en')!));
    expect([end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([10, 3, 23, 59]);
    expect(new Date(end.getTime() + 1).getDate()).toBe(4);
  });

  it('is read as the calendar date "2026-11-03", and shows as Nov 3 west and east of UTC alike', () => {
    const read = pageDate('Nov 3, 2026', 'en')!;
    expect(read).toBe('2026-11-03');
    for (const zone of ['America/Los_Angeles', 'Pacific/Honolulu', 'Pacific/Kiritimati', 'Europe/London', 'Asia/Tokyo'])
      expect(formatWhen(read, 'en', zone, NOW), zone).toBe('Nov 3');
  });
});

describe('an instant that falls on 00:00 UTC stays an instant', () => {
  it('a page time "Dec 14, 2026 00:00" is read with its time', () => {
    expect(pageDate('Dec 14, 2026 00:00', 'en')).toBe('2026-12-14T00:00:00.000Z');
    expect(isCalendarDate('2026-12-14T00:00:00.000Z')).toBe(false);
  });

  it('a countdown landing exactly on 00:00 UTC is shown with its time, in the shopper zone', () => {
    const at = '2026-12-14T00:00:00.000Z';
    expect(formatWhen(at, 'en', 'America/Los_Angeles', NOW)).toBe('Dec 13, 16:00');
    expect(formatWhen(at, 'en', 'Asia/Tokyo', NOW)).toBe('Dec 14, 09:00');
  });

  it('a countdown landing exactly on 00:00 UTC is due at that instant, not at the end of a day', () => {
    const t = timelineFor({
      order: order({ dates: { protectionEndsAt: '2026-12-14T00:00:00.000Z' } }),
      dispute: null,
      policy: policy('guide'),
      now: NOW,
    });
    expect(t.deadlines.find((d) => d.kind === 'protection-ends')?.at).toBe('2026-12-14T00:00:00.000Z');
  });
});

describe("a rule's whole days from a calendar date", () => {
  it('give a calendar date; from an instant, an instant', () => {
    const days = policy('guide').rules.buyerProtection!.value;
    const deadline = (shippedAt: string) =>
      timelineFor({
        order: order({ dates: { shippedAt } }),
        dispute: null,
        policy: policy('guide'),
        now: NOW,
      }).deadlines.find((d) => d.kind === 'protection-ends')?.at;
    const expected = new Date(Date.parse('2026-11-03') + days * DAY_MS).toISOString();
    expect(deadline('2026-11-03')).toBe(expected.slice(0, 10));
    expect(deadline('2026-11-03T00:00:00.000Z')).toBe(expected);
  });
});
