import { describe, expect, it } from 'vitest';
import { timeLeft } from '../../../src/timeline/index.ts';

const now = new Date('2026-11-10T00:00:00.000Z');

describe('timeLeft', () => {
  it.each([
    ['2026-11-14T23:12:11.000Z', { days: 4, hours: 23, past: false }],
    ['2026-11-11T00:00:00.000Z', { days: 1, hours: 0, past: false }],
    ['2026-11-10T23:59:59.999Z', { days: 0, hours: 23, past: false }],
    ['2026-11-10T00:59:59.999Z', { days: 0, hours: 0, past: false }],
    ['2026-11-10T00:00:00.001Z', { days: 0, hours: 0, past: false }],
    ['2026-11-10T00:00:00.000Z', { days: 0, hours: 0, past: true }],
    ['2026-11-01T00:00:00.000Z', { days: 0, hours: 0, past: true }],
    ['2027-11-10T00:00:00.000Z', { days: 365, hours: 0, past: false }],
  ])('%s', (at, expected) => {
    expect(timeLeft(at, now)).toEqual(expected);
  });

  it('accepts a Date and an offset other than Z', () => {
    expect(timeLeft(new Date('2026-11-12T06:00:00.000Z'), now)).toEqual({ days: 2, hours: 6, past: false });
    expect(timeLeft('2026-11-12T14:00:00+08:00', now)).toEqual({ days: 2, hours: 6, past: false });
  });

  it('counts 24-hour days across a daylight-saving change', () => {
    // Europe and the US leave summer time between these instants; the count must not notice.
    expect(timeLeft('2026-11-03T12:00:00.000Z', new Date('2026-10-20T12:00:00.000Z'))).toEqual({
      days: 14,
      hours: 0,
      past: false,
    });
  });

  it('says past for an unreadable date rather than inventing time', () => {
    expect(timeLeft('not a date', now)).toEqual({ days: 0, hours: 0, past: true });
  });
});
