import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../../src/i18n/format.ts';
import { timelineFor } from '../../../src/timeline/index.ts';
import { dispute, order, policy } from './build.ts';

/** The zone's offset from UTC in minutes at an instant, as Intl reports it ("GMT+08:00" -> 480). */
function intlOffset(zone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name ?? '');
  if (!m) throw new Error(`no offset in ${name}`);
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

describe('the time zone of this run', () => {
  it('is the one TZ asks for, so a run under each zone of test:tz really is one', () => {
    // scripts/test-tz.ts sets TEST_TZ next to TZ, so a zone that failed to reach the workers shows here.
    if (process.env.TEST_TZ) expect(process.env.TZ).toBe(process.env.TEST_TZ);
    const zone = process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
    for (const at of [new Date('2026-01-15T12:00:00Z'), new Date('2026-07-15T12:00:00Z')]) {
      expect(0 - at.getTimezoneOffset()).toBe(intlOffset(zone, at));
    }
  });
});

describe('deadlines across daylight-saving changes', () => {
  // Literal instants: whatever the zone of this run, a rule adds exact 24-hour days.
  it('a dispute opened before the US and EU clock changes', () => {
    const t = timelineFor({
      order: null,
      dispute: dispute({ status: 'awaiting-seller', openedAt: '2026-10-24T23:30:00.000Z' }),
      policy: policy('guide'),
      now: new Date('2026-10-25T00:00:00.000Z'),
    });
    expect(t.deadlines.map((d) => d.at)).toEqual([
      '2026-10-29T23:30:00.000Z',
      '2026-11-08T23:30:00.000Z',
      '2026-11-11T23:30:00.000Z',
    ]);
  });

  it('a parcel shipped before the spring change', () => {
    const t = timelineFor({
      order: order({ status: 'shipped', dates: { shippedAt: '2026-03-07T10:00:00.000Z' } }),
      dispute: null,
      policy: policy('official-legacy'),
      now: new Date('2026-03-10T00:00:00.000Z'),
    });
    expect(t.deadlines.map((d) => d.at)).toEqual([
      '2026-05-06T10:00:00.000Z',
      '2026-05-06T10:00:00.000Z',
      '2026-05-21T10:00:00.000Z',
    ]);
  });

  it('a page time with an offset comes out as the same instant in UTC', () => {
    const t = timelineFor({
      order: null,
      dispute: dispute({ status: 'awaiting-seller', deadline: '2026-11-05T06:30:00+08:00' }),
      policy: policy('guide'),
      now: new Date('2026-11-03T00:00:00.000Z'),
    });
    expect(t.deadlines[0]).toEqual({
      kind: 'seller-response',
      at: '2026-11-04T22:30:00.000Z',
      source: 'page',
      rule: null,
    });
  });
});

describe("a date's year, in the zone of this run", () => {
  // formatWhen compares years with Date's own methods in the browser's zone; Intl is the reference.
  it('is shown when the date falls in another year than now, there, around New Year', () => {
    const intlYear = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric' }).format(d);
    const now = new Date('2026-12-31T22:00:00.000Z');
    for (const iso of ['2026-12-31T10:00:00.000Z', '2027-01-01T02:00:00.000Z', '2027-01-01T13:00:00.000Z']) {
      const shown = formatWhen(iso, 'en', undefined, now);
      expect(shown.includes('2027') || shown.includes('2026'), `${iso}: ${shown}`).toBe(
        intlYear(new Date(iso)) !== intlYear(now),
      );
    }
    // A calendar date is that day everywhere, its year compared in UTC.
    expect(formatWhen('2027-01-01', 'en', undefined, now)).toBe('Jan 1, 2027');
  });
});
