import { describe, expect, it } from 'vitest';
import { checkEntry, localDay, type EntryForm } from '../../../src/timeline/entry.ts';

// Hand-written form values, as a shopper would type them into "Track this dispute yourself".
const NOW = new Date(2026, 11, 2, 12, 0); // Dec 2 2026, noon where the test runs
const TODAY = localDay(NOW);
const form = (over: Partial<EntryForm> = {}): EntryForm => ({
  awaiting: 'seller',
  daysLeft: '3',
  hoursLeft: '4',
  openedOn: '2026-11-28',
  orderId: '8212379857492017',
  ...over,
});

describe('checkEntry: the one check of a dispute the shopper enters', () => {
  it('accepts a full entry and turns the countdown into ms', () => {
    expect(checkEntry(form(), NOW)).toEqual({
      ok: true,
      entry: {
        awaiting: 'seller',
        leftMs: (3 * 24 + 4) * 3_600_000,
        openedOn: '2026-11-28',
        orderId: '8212379857492017',
      },
    });
  });

  it('leaves the countdown and the day unknown when those fields stay empty', () => {
    const check = checkEntry(form({ daysLeft: '', hoursLeft: ' ', openedOn: '' }), NOW);
    expect(check).toMatchObject({ ok: true, entry: { leftMs: null, openedOn: null } });
  });

  it('takes hours alone and days alone', () => {
    expect(checkEntry(form({ daysLeft: '', hoursLeft: '5' }), NOW)).toMatchObject({ entry: { leftMs: 5 * 3_600_000 } });
    expect(checkEntry(form({ daysLeft: '0', hoursLeft: '' }), NOW)).toMatchObject({ entry: { leftMs: 0 } });
  });

  it('accepts today as the opening day', () => {
    expect(checkEntry(form({ openedOn: TODAY }), NOW)).toMatchObject({ ok: true });
  });

  it.each([
    ['negative days', { daysLeft: '-3' }, 'daysLeft', 'negative'],
    ['400 days', { daysLeft: '400' }, 'daysLeft', 'too-many-days'],
    ['61 days', { daysLeft: '61' }, 'daysLeft', 'too-many-days'],
    ['days in words', { daysLeft: 'three' }, 'daysLeft', 'not-a-number'],
    ['a fraction of a day', { daysLeft: '2.5' }, 'daysLeft', 'not-a-number'],
    ['negative hours', { hoursLeft: '-1' }, 'hoursLeft', 'negative'],
    ['24 hours', { hoursLeft: '24' }, 'hoursLeft', 'too-many-hours'],
    ['a date in the future', { openedOn: '2026-12-03' }, 'openedOn', 'date-future'],
    ['a date over a year ago', { openedOn: '2025-11-01' }, 'openedOn', 'date-too-old'],
    ['a date that does not exist', { openedOn: '2026-02-30' }, 'openedOn', 'date-invalid'],
    ['a date in another form', { openedOn: '28/11/2026' }, 'openedOn', 'date-invalid'],
    ['an order number of letters', { orderId: 'ABCDEFGHIJ' }, 'orderId', 'order-not-digits'],
    ['an order number too short', { orderId: '12345' }, 'orderId', 'order-not-digits'],
    ['no order number', { orderId: '' }, 'orderId', 'order-missing'],
    ['nobody chosen', { awaiting: '' }, 'awaiting', 'awaiting-missing'],
    ['a party that does not exist', { awaiting: 'courier' }, 'awaiting', 'awaiting-missing'],
  ] as const)('refuses %s beside its field', (_label, over, field, reason) => {
    expect(checkEntry(form(over), NOW)).toEqual({ ok: false, errors: { [field]: reason } });
  });

  it('names every refused field at once, nothing accepted', () => {
    const check = checkEntry(form({ daysLeft: '-1', openedOn: '2027-01-01', orderId: 'abc' }), NOW);
    expect(check).toEqual({
      ok: false,
      errors: { daysLeft: 'negative', openedOn: 'date-future', orderId: 'order-not-digits' },
    });
  });
});
