import { describe, expect, it } from 'vitest';
import { idFromHref, ORDER_ID_PARAMS, quantityOf } from '../../../../src/aliexpress/dom/common.ts';

describe('ids come from link parameters only', () => {
  it.each([
    ['//www.aliexpress.com/p/order/detail.html?orderId=8100000000000000', '8100000000000000'],
    ['detail.html?spm=a.b&orderId=8100000000000000&x=1', '8100000000000000'],
    ['/p/tracking/index.html?tradeOrderId=8212379857492017#top', '8212379857492017'],
    ['https://track.aliexpress.com/logisticsdetail.htm?tradeId=8212379857492017', '8212379857492017'],
  ])('%s -> %s', (href, id) => {
    expect(idFromHref(href, ORDER_ID_PARAMS)).toBe(id);
  });

  it.each([
    null,
    '',
    '/p/order/detail.html',
    '/p/order/detail.html?orderId=',
    '/p/order/detail.html?orderId=abc123456',
    '/p/order/detail.html?orderId=12345',
    '/p/order/detail.html?orderId=8100000000000000x',
    '/p/order/detail.html?xorderId=8100000000000000',
    '/p/order/detail.html#orderId=8100000000000000',
    '/p/order/detail.html?orderId=1234567890123456789012345',
  ])('no id in %j', (href) => {
    expect(idFromHref(href, ORDER_ID_PARAMS)).toBeNull();
  });

  it('tries the parameters in the order given', () => {
    expect(idFromHref('?tradeOrderLineId=8100000000010000&orderId=8100000000000000', ['tradeOrderLineId'])).toBe(
      '8100000000010000',
    );
  });
});

describe('quantities', () => {
  it.each([
    ['x2', 2],
    ['×3', 3],
    ['Qty: x 12', 12],
    ['x0', null],
    ['2', null],
    ['', null],
    ['box10', null],
  ])('%j -> %j', (text, n) => {
    expect(quantityOf(text)).toBe(n);
  });
});
