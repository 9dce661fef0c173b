import { describe, expect, it } from 'vitest';
import { parseAmountText, parseDateText, parseFormatPriceInfo } from '../../../../src/pages/json/text.ts';

describe('parseDateText', () => {
  const cases: [string, string, string | null][] = [
    ['Jul 15, 2026', 'en', '2026-07-15'],
    ['Sept 3, 2026', 'en', '2026-09-03'],
    ['3 de set. de 2026', 'pt-BR', '2026-09-03'],
    ['3 de dez. de 2026', 'pt-BR', '2026-12-03'],
    ['3 sept. 2026', 'fr', '2026-09-03'],
    ['3. November 2026', 'de', '2026-11-03'],
    ['3 nov 2026', 'es', '2026-11-03'],
    ['3 ноября 2026 г.', 'ru', '2026-11-03'],
    ['03.11.2026', 'ru', '2026-11-03'],
    ['11/3/2026', 'en', '2026-11-03'],
    ['3 listopada 2026', 'pl', '2026-11-03'],
    ['3 Kasım 2026', 'tr', '2026-11-03'],
    ['3 nov 2026', 'nl', '2026-11-03'],
    ['2022-03-23 21:19:58', 'en', '2022-03-23'],
    // No year, an impossible day, a month word the locale does not know: no date rather than a guess.
    ['Jul. 28', 'en', null],
    ['Feb 30, 2026', 'en', null],
    ['3 de set. de 2026', 'en', null],
    ['', 'en', null],
  ];
  for (const [text, locale, day] of cases) {
    it(`${locale}: ${JSON.stringify(text)}`, () => {
      expect(parseDateText(text, locale)).toBe(day && `${day}T00:00:00.000Z`);
    });
  }

  it('does not throw on an invalid locale tag', () => {
    expect(parseDateText('Jul 15, 2026', 'not a locale!')).toBeNull();
  });
});

describe('prices', () => {
  it('reads the split price without touching the separators', () => {
    expect(parseFormatPriceInfo('R$132,74|132|74')).toBe(132.74);
    expect(parseFormatPriceInfo('R$1.031,93|1.031|93')).toBe(1031.93);
    expect(parseFormatPriceInfo('R$132,74')).toBeNull();
  });

  it('reads a price text with the given decimal separator, or an unambiguous one', () => {
    expect(parseAmountText('R$ 126,59')).toBe(126.59);
    expect(parseAmountText('US $1,234.50')).toBe(1234.5);
    expect(parseAmountText('R$1.234,56', ',')).toBe(1234.56);
    expect(parseAmountText('€ 1.234', ',')).toBe(1234);
    expect(parseAmountText('Free shipping')).toBeNull();
    expect(parseAmountText('1,2,3', ',')).toBeNull();
  });
});
