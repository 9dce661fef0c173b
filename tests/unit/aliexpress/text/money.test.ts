import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseMoney } from '../../../../src/aliexpress/text/money.ts';

describe('parseMoney', () => {
  it.each([
    ['US $12.34', 'en', 12.34, 'USD'],
    ['Total:US $1,234.56', 'en', 1234.56, 'USD'],
    ['12,34 €', 'es', 12.34, 'EUR'],
    ['1\u202f234,56\u00a0€', 'fr', 1234.56, 'EUR'],
    ['1.234,56 €', 'de', 1234.56, 'EUR'],
    ['€ 1.234,56', 'nl', 1234.56, 'EUR'],
    ['R$ 62,90', 'pt-BR', 62.9, 'BRL'],
    ['1 234,56 руб.', 'ru', 1234.56, 'RUB'],
    ['1 234,56 ₽', 'ru', 1234.56, 'RUB'],
    ['12,34 zł', 'pl', 12.34, 'PLN'],
    ['₺1.234,56', 'tr', 1234.56, 'TRY'],
    ['1.234,56 TL', 'tr', 1234.56, 'TRY'],
    ['£7.50', 'en', 7.5, 'GBP'],
    ['C$ 5.00', 'en', 5, 'CAD'],
    ['EUR 12,34', 'de', 12.34, 'EUR'],
    ['12.34 USD', 'en', 12.34, 'USD'],
    ['$12.34', 'en', 12.34, null],
    ['12.34', 'en', 12.34, null],
    ['1.234 €', 'de', 1234, 'EUR'],
    ['1,234', 'en', 1234, null],
    ['0,99 €', 'it', 0.99, 'EUR'],
  ])('%s (%s) -> %d %s', (text, locale, amount, currency) => {
    expect(parseMoney(text, locale)).toEqual({ amount, currency });
  });

  it('never turns "12,34 €" into 1234 by dropping separators', () => {
    expect(parseMoney('12,34 €', 'en')?.amount).toBe(12.34);
    expect(parseMoney('12,34 €', null)?.amount).toBe(12.34);
  });

  it('prefers the number next to a currency over a bare one', () => {
    expect(parseMoney('x2 US $4.99', 'en')).toEqual({ amount: 4.99, currency: 'USD' });
  });

  it('a word that only starts like a currency does not count', () => {
    expect(parseMoney('12 TLX', 'tr')).toEqual({ amount: 12, currency: null });
  });

  it.each(['', 'Total:', 'free shipping', 'US $'])('finds no price in %j', (text) => {
    expect(parseMoney(text, 'en')).toBeNull();
  });

  it('rejects separators no locale writes', () => {
    expect(parseAmount('1,23,4', 'en')).toBeNull();
    expect(parseAmount('12..3', 'en')).toBeNull();
  });

  it('reads back every amount Intl writes as a currency, in every language', () => {
    const cases = [
      ['en-US', 'USD'],
      ['es-ES', 'EUR'],
      ['fr-FR', 'EUR'],
      ['de-DE', 'EUR'],
      ['pt-BR', 'BRL'],
      ['ru-RU', 'RUB'],
      ['pl-PL', 'PLN'],
      ['it-IT', 'EUR'],
      ['nl-NL', 'EUR'],
      ['tr-TR', 'TRY'],
      ['en-GB', 'GBP'],
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.integer({ min: 0, max: 999_999_999 }), ([locale, currency], cents) => {
        const text = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
        const parsed = parseMoney(text, locale);
        expect(parsed?.amount, text).toBe(cents / 100);
        // Intl writes a bare "$" for en-US: rightly, that names no single currency.
        expect(parsed?.currency, text).toBe(currency === 'USD' ? null : currency);
      }),
      { numRuns: 1500 },
    );
  });
});
