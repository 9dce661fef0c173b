import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthNames, numericOrder, parseDate } from '../../../../src/aliexpress/text/date.ts';

const LOCALES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ru', 'pl', 'it', 'nl', 'tr'];
const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min, s)).toISOString();

describe('parseDate', () => {
  it.each([
    ['Order date: Nov 3, 2026', 'en', utc(2026, 11, 3)],
    ['3 de nov. de 2026', 'pt-BR', utc(2026, 11, 3)],
    ['3. Nov. 2026', 'de', utc(2026, 11, 3)],
    ['3 listopada 2026', 'pl', utc(2026, 11, 3)],
    ['3 ноября 2026 г. 14:22:10', 'ru', utc(2026, 11, 3, 14, 22, 10)],
    ['Data zamówienia: 3 lis 2026', 'pl', utc(2026, 11, 3)],
    ['3 Kasım 2026', 'tr', utc(2026, 11, 3)],
    ['03.11.2026', 'de', utc(2026, 11, 3)],
    ['03/11/2026 14:22:10', 'fr', utc(2026, 11, 3, 14, 22, 10)],
    ['11/03/2026', 'en', utc(2026, 11, 3)],
    ['03-11-2026', 'nl', utc(2026, 11, 3)],
    ['2026-11-03 09:05', 'en', utc(2026, 11, 3, 9, 5)],
    ['Refund if no delivery before Sep 3, 2026', 'en', utc(2026, 9, 3)],
    ['Nov 3, 2026 2:22 PM', 'en', utc(2026, 11, 3, 14, 22)],
    ['12 de março de 2026', 'pt-BR', utc(2026, 3, 12)],
    ['1 mai 2026', 'fr', utc(2026, 5, 1)],
  ])('%s (%s)', (text, locale, expected) => {
    expect(parseDate(text, locale)?.toISOString()).toBe(expected);
  });

  it.each([
    ['no date here', 'en'],
    ['Order ID: 8100000000000000', 'en'],
    ['31.02.2026', 'de'],
    ['Feb 30, 2026', 'en'],
    ['', 'en'],
    ['Nov 2026', 'en'],
  ])('finds no date in %j', (text, locale) => {
    expect(parseDate(text, locale)).toBeNull();
  });

  it('reads numeric dates the way the locale writes them', () => {
    expect(numericOrder('en-US')).toBe('mdy');
    expect(numericOrder('de')).toBe('dmy');
    expect(parseDate('03/11/2026', 'en')?.toISOString()).toBe(utc(2026, 3, 11));
    expect(parseDate('03/11/2026', 'it')?.toISOString()).toBe(utc(2026, 11, 3));
  });

  it('without a locale reads only what cannot be read two ways', () => {
    expect(parseDate('03/11/2026', null)).toBeNull();
    expect(parseDate('23/11/2026', null)?.toISOString()).toBe(utc(2026, 11, 23));
    expect(parseDate('Nov 3, 2026', null)?.toISOString()).toBe(utc(2026, 11, 3));
  });

  it('gets month names from Intl, including the forms used inside a date', () => {
    expect(monthNames('pl').get('listopada')).toBe(10);
    expect(monthNames('pl').get('listopad')).toBe(10);
    expect(monthNames('ru').get('нояб')).toBe(10);
    expect(monthNames('xx-invalid-locale-!!').size).toBe(0);
  });

  it('reads back any date Intl writes, in every language and style', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LOCALES),
        fc.constantFrom<Intl.DateTimeFormatOptions>(
          { year: 'numeric', month: 'short', day: 'numeric' },
          { year: 'numeric', month: 'long', day: 'numeric' },
          { year: 'numeric', month: '2-digit', day: '2-digit' },
          { dateStyle: 'medium' },
          { dateStyle: 'long' },
        ),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        (locale, style, date) => {
          const text = new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' }).format(date);
          const midnight = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
          expect(parseDate(text, locale)?.toISOString(), text).toBe(midnight.toISOString());
        },
      ),
      { numRuns: 1500 },
    );
  });
});
