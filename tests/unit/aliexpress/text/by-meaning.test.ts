/** The text side of reading by meaning: order-number labels and their values, countdowns by shape. */
import { describe, expect, it } from 'vitest';
import { isCountdownOnly } from '../../../../src/aliexpress/text/countdown.ts';
import { labelKey } from '../../../../src/aliexpress/text/normalize.ts';
import { afterOrderLabel, orderNumberIn } from '../../../../src/aliexpress/text/order-number.ts';

// Labels as compileLocale folds them, longest first (hand-picked from rules/locales for these tests).
const EN = ['order number', 'order no.', 'order id', 'order no'];
const RU = [labelKey('№ заказа', 'ru'), labelKey('Номер заказа', 'ru')];

describe('afterOrderLabel', () => {
  it.each([
    ['Order number', EN, ''],
    ['Order number:', EN, ''],
    ['Order No.: 8100 0000 1111 2222', EN, '8100 0000 1111 2222'],
    ['Order ID：8100000011112222', EN, '8100000011112222'],
    ['Order number # 8100000011112222 Copy', EN, '8100000011112222 copy'],
    ['Номер заказа № 8133 2244 5566 7788', RU, '8133 2244 5566 7788'],
    ['№ заказа 8133224455667788', RU, '8133224455667788'],
  ])('%j is a label followed by %#', (text, labels, rest) => {
    expect(afterOrderLabel(labelKey(text, null), labels)).toBe(rest);
  });

  it.each(['Order numbers are shown below', 'Your order number', 'Order', 'Tracking number: 8100000011112222', ''])(
    '%j is no order-number label',
    (text) => {
      expect(afterOrderLabel(labelKey(text, null), EN)).toBeNull();
    },
  );
});

describe('orderNumberIn', () => {
  it.each([
    ['8100000011112222', '8100000011112222'],
    ['8100 0000 1111 2222', '8100000011112222'],
    ['8100000011112222copy', '8100000011112222'],
    ['8100 0000 1111 2222 копировать', '8100000011112222'],
    ['810000001111', '810000001111'],
    ['8100000011112222333', '8100000011112222333'],
  ])('%j holds %j', (text, id) => {
    expect(orderNumberIn(text)).toBe(id);
  });

  it.each([
    '81000000111',
    '81000000111122223333',
    'LP00654321987654',
    'US $12.34',
    '8100000011112222 and 8100000011113333',
    '8100000011112222 copy this',
    '',
  ])('%j holds none', (text) => {
    expect(orderNumberIn(text)).toBeNull();
  });

  it('stays fast on hostile input', () => {
    const start = performance.now();
    expect(orderNumberIn(`${'1 '.repeat(50_000)}x!`)).toBeNull();
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('isCountdownOnly', () => {
  it.each([
    ['4 days 23:12:11', 'en'],
    ['3 days 4 hours', 'en'],
    ['23:12:11', 'en'],
    ['3d 4h', 'en'],
    ['2 días 05:00:00', 'es'],
    ['1 д 03:04:05', 'ru'],
    ['1 dia 10:30:00', 'pt-BR'],
    ['2 Tage 05:03:09', null],
  ])('%j (%s) is a countdown', (text, locale) => {
    expect(isCountdownOnly(text, locale)).toBe(true);
  });

  it.each([
    ['Time left: 4 days 23:12:11', 'en'],
    ['2026-11-18 09:41:07', 'en'],
    ['4 days ago', 'en'],
    ['Order 8100000011112222', 'en'],
    ['2026', 'en'],
    ['', 'en'],
    ['4 일 03:00:00', 'ko'],
  ])('%j (%s) is not only a countdown', (text, locale) => {
    expect(isCountdownOnly(text, locale)).toBe(false);
  });
});
