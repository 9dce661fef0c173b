import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../../src/model/index.ts';
import { dateOf, epochOf, moneyOf, parseFormatPriceInfo } from '../../../../src/aliexpress/json/values.ts';

describe('dateOf', () => {
  const cases: [string, string | null, string | null][] = [
    ['Jul 15, 2026', 'en', '2026-07-15'],
    ['Jul 15, 2026', null, '2026-07-15'],
    // AliExpress leaves some answers in English on a page in another language.
    ['Jul 15, 2026', 'pt-BR', '2026-07-15'],
    ['3 de set. de 2026', 'pt-BR', '2026-09-03'],
    ['3 ноября 2026 г.', 'ru', '2026-11-03'],
    ['03.11.2026', 'de', '2026-11-03'],
  ];
  for (const [text, locale, day] of cases) {
    it(`${locale}: ${text}`, () => {
      const problems: Problem[] = [];
      expect(dateOf(text, locale, problems, '8212313961591322')).toBe(day);
      expect(problems).toEqual([]);
    });
  }

  it('names a text that holds no date in the page language or English, and ignores an empty one', () => {
    const problems: Problem[] = [];
    expect(dateOf('3 de set. de 2026', 'en', problems, '1234567')).toBeNull();
    expect(dateOf('Jul. 28', 'en', problems, '1234567')).toBeNull();
    expect(dateOf('  ', 'en', problems, '1234567')).toBeNull();
    expect(problems).toEqual([
      { code: 'date-unparsed', detail: '3 de set. de 2026', orderId: '1234567' },
      { code: 'date-unparsed', detail: 'Jul. 28', orderId: '1234567' },
    ]);
  });
});

describe('prices', () => {
  it('reads the split price without touching the separators', () => {
    expect(parseFormatPriceInfo('R$132,74|132|74')).toBe(132.74);
    expect(parseFormatPriceInfo('R$1.031,93|1.031|93')).toBe(1031.93);
    expect(parseFormatPriceInfo('R$132,74')).toBeNull();
    expect(parseFormatPriceInfo('R$x|1a|2')).toBeNull();
  });

  it('prefers the split price, falls back to the text, and names what it cannot read', () => {
    const problems: Problem[] = [];
    expect(
      moneyOf({ formatPriceInfo: 'R$132,74|132|74', text: 'garbage', currency: 'BRL' }, 'en', problems, null),
    ).toEqual({
      amount: 132.74,
      currency: 'BRL',
    });
    expect(moneyOf({ text: 'R$ 126,59', currency: null }, 'pt-BR', problems, null)).toEqual({
      amount: 126.59,
      currency: 'BRL',
    });
    expect(moneyOf({ text: 'Free shipping', currency: 'BRL' }, 'en', problems, '1234567')).toBeNull();
    expect(moneyOf({}, 'en', problems, null)).toBeNull();
    expect(problems).toEqual([{ code: 'amount-unparsed', detail: 'Free shipping', orderId: '1234567' }]);
  });
});

describe('epochOf', () => {
  it('reads epoch milliseconds as strings or numbers and refuses anything else', () => {
    expect(epochOf('1648080887108')).toBe('2022-03-24T00:14:47.108Z');
    expect(epochOf(1648080887108)).toBe('2022-03-24T00:14:47.108Z');
    expect(epochOf('2022-03-23')).toBeNull();
    expect(epochOf(-5)).toBeNull();
    expect(epochOf(null)).toBeNull();
  });
});
