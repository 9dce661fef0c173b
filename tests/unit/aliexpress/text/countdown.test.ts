import { describe, expect, it } from 'vitest';
import { parseCountdown } from '../../../../src/aliexpress/text/countdown.ts';
import { normText } from '../../../../src/aliexpress/text/normalize.ts';

const readAt = new Date('2026-11-20T12:00:00.000Z');
const plus = (d: number, h: number, m: number, s: number) =>
  new Date(readAt.getTime() + ((d * 24 + h) * 3600 + m * 60 + s) * 1000).toISOString();

describe('parseCountdown', () => {
  it.each([
    ['4 days 23:12:11', 'en', plus(4, 23, 12, 11)],
    ['1 day 00:00:01', 'en', plus(1, 0, 0, 1)],
    ['Time left: 4 days 23:12:11', 'en', plus(4, 23, 12, 11)],
    ['4 días 23:12:11', 'es', plus(4, 23, 12, 11)],
    ['4 jours 23:12:11', 'fr', plus(4, 23, 12, 11)],
    ['4 Tage 23:12:11', 'de', plus(4, 23, 12, 11)],
    ['4 dias 23:12:11', 'pt-BR', plus(4, 23, 12, 11)],
    ['4 дня 23:12:11', 'ru', plus(4, 23, 12, 11)],
    ['5 дней 01:00:00', 'ru', plus(5, 1, 0, 0)],
    ['21 день 01:00:00', 'ru', plus(21, 1, 0, 0)],
    ['4 dni 23:12:11', 'pl', plus(4, 23, 12, 11)],
    ['1 dzień 23:12:11', 'pl', plus(1, 23, 12, 11)],
    ['4 giorni 23:12:11', 'it', plus(4, 23, 12, 11)],
    ['4 dagen 23:12:11', 'nl', plus(4, 23, 12, 11)],
    ['4 gün 23:12:11', 'tr', plus(4, 23, 12, 11)],
    ['23:12:11', 'en', plus(0, 23, 12, 11)],
    ['3d 4h 5m', 'en', plus(3, 4, 5, 0)],
    ['2 days', 'en', plus(2, 0, 0, 0)],
    ['12 часов 30 минут', 'ru', plus(0, 12, 30, 0)],
    ['4 дня 23:12:11', null, plus(4, 23, 12, 11)],
  ])('%s (%s)', (text, locale, expected) => {
    expect(parseCountdown(text, locale, readAt)?.toISOString()).toBe(expected);
  });

  it.each(['', 'soon', 'Waiting for your response', '12:99:00', 'Order ID 8100000000000000'])(
    'finds no countdown in %j',
    (text) => {
      expect(parseCountdown(text, 'en', readAt)).toBeNull();
    },
  );

  it('reads "9999 days" and refuses, without RangeError, a countdown past year 9999', () => {
    expect(parseCountdown('9999 days', 'en', readAt)?.toISOString()).toBe(plus(9999, 0, 0, 0));
    // Written by hand for this test: thousands of "9999 days" add up past any valid date.
    const endless = '9999 days '.repeat(20_000);
    expect(() => parseCountdown(endless, 'en', readAt)?.toISOString()).not.toThrow();
    expect(parseCountdown(endless, 'en', readAt)).toBeNull();
    expect(parseCountdown('9999 days '.repeat(300), 'en', readAt)).toBeNull();
  });

  it('knows no unit words of a language without a locale file', () => {
    expect(parseCountdown('4 일', 'ko', readAt)).toBeNull();
  });

  it('reads no countdown whose days are in words it does not know, rather than the clock alone (4 days short)', () => {
    // Written by hand: a Korean case page's countdown, read with the page's language unknown or guessed.
    expect(parseCountdown('4일 23:12:11', null, readAt)).toBeNull();
    expect(parseCountdown('4 일 23:12:11', 'en', readAt)).toBeNull();
    // After the clock, a number and a word are not its days.
    expect(parseCountdown('23:12:11 2 items', 'en', readAt)?.toISOString()).toBe(plus(0, 23, 12, 11));
  });
});

describe('normText', () => {
  it('trims, folds spaces, quotes, dashes and case so labels compare as people read them', () => {
    expect(normText('Concluído ')).toBe('concluído');
    expect(normText('Waiting for AliExpress\u2019s\u00a0feedback')).toBe("waiting for aliexpress's feedback");
    expect(normText('Dispute Escalated \u2013 Processing')).toBe('dispute escalated - processing');
    expect(normText('SİPARİŞ', 'tr')).toBe('sipariş');
  });
});
