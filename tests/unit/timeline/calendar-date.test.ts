import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/aliexpress/text/date.ts';
import { formatDateTime, formatDay, formatWhen, setClock, setTimeZone } from '../../../src/i18n/format.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import { localEndOfDay } from '../../../src/platform/alert-runner.ts';

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
    const read = parseDate('Nov 3, 2026', 'en')!.toISOString();
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
    expect(formatDay(parseDate('Dec 30, 2025', 'en')!.toISOString())).toBe('Dec 30, 2025');
    expect(formatDay(parseDate('Jan 6, 2027', 'en')!.toISOString())).toBe('Jan 6, 2027');
    expect(formatDay(parseDate('Jan 6, 2026', 'en')!.toISOString())).toBe('Jan 6');
  });

  it('is due at the end of that day where the shopper is, in every zone', () => {
    const end = new Date(localEndOfDay(parseDate('Nov 3, 2026', 'en')!.toISOString()));
    expect([end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([10, 3, 23, 59]);
    expect(new Date(end.getTime() + 1).getDate()).toBe(4);
  });
});
