import { describe, expect, it } from 'vitest';
import { Order } from '../../../../src/model/index.ts';
import { readOrderDetail } from '../../../../src/aliexpress/json/order-detail.ts';
import { capture } from './fixtures.ts';

const url = 'https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322';
const ctx = { url, locale: null, readAt: new Date('2026-09-07T12:00:00Z') };

type Json = {
  data: {
    data: Record<string, { fields: Record<string, unknown> }>;
    hierarchy: { structure: Record<string, string[]> };
  };
};
const fresh = () => capture('order-detail') as Json;

describe('readOrderDetail on the real order detail capture', () => {
  const read = readOrderDetail(capture('order-detail'), ctx);
  const order = read.orders[0]!;

  it('reads one valid order and no problem', () => {
    expect(read.problems).toEqual([]);
    expect(read.orders).toHaveLength(1);
    expect(Order.safeParse(order).success).toBe(true);
    expect(read.locale).toBe('en');
  });

  it('reads the id, status, store and total', () => {
    expect(order.orderId).toBe('8212313961591322');
    expect(order.status).toBe('completed');
    expect(order.statusText).toBe('Completed');
    expect(order.storeName).toBe('Vega Store');
    expect(order.total).toEqual({ amount: 132.74, currency: 'BRL' });
  });

  it('reads the placed, shipped, completed and delivery-guarantee dates, the coupon and the free-return window', () => {
    // From the real capture's service block: "Apply for R$5,00 coupon code if delayed by Aug 3, 2026 ·
    // Refund if no delivery before Sep 4, 2026 · ..." and "Send it back within 15 days after delivery".
    expect(order.placedAt).toBe('2026-07-15');
    expect(order.dates).toEqual({
      shippedAt: '2026-07-16',
      completedAt: '2026-07-28',
      protectionEndsAt: null,
      deliveryGuaranteeAt: '2026-09-04',
      lateCoupon: { by: '2026-08-03', amount: { amount: 5, currency: 'BRL' } },
      freeReturnDays: 15,
    });
  });

  it('reads the line and the actions of the status block and the item', () => {
    expect(order.lines).toEqual([
      {
        lineId: '8212840438652111',
        title:
          'Neo XENON 2.1 de Gama Omega eco Cabo Xenon XENON Pixel 8K@60Hz 4K@120Hz Tango Xenon HD e HD Indigo alfa TV Ultra PS5 Tango',
        quantity: 1,
      },
    ]);
    expect(order.actions).toEqual(['track', 'buy-again', 'returns-refunds']);
  });
});

describe('readOrderDetail on changed answers', () => {
  it('takes the id from the page URL when the answer has none it can trust', () => {
    const json = fresh();
    json.data.data['detail_order_status_block_111818']!.fields.orderId = JSON.parse('9212313961591322999');
    json.data.data['detail_simple_order_info_component_111820']!.fields.tradeOrderId = null;
    expect(readOrderDetail(json, ctx).orders[0]!.orderId).toBe('8212313961591322');
  });

  it('records nothing and names the problem when no id can be read at all', () => {
    const json = fresh();
    delete json.data.data['detail_order_status_block_111818']!.fields.orderId;
    delete json.data.data['detail_simple_order_info_component_111820']!.fields.tradeOrderId;
    const read = readOrderDetail(json, { ...ctx, url: 'https://www.aliexpress.com/p/order/detail.html' });
    expect(read.orders).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(['order-id-missing']);
  });

  it('leaves the delivery guarantee null when the promise is not in a known wording', () => {
    const json = fresh();
    const services = json.data.data['detail_order_services_sv3-8212313961591322']!.fields.data as { content: string }[];
    services[0]!.content = 'Reembolso se não entregue até 4 de set. de 2026';
    expect(readOrderDetail(json, ctx).orders[0]!.dates.deliveryGuaranteeAt).toBeNull();
  });

  it('says the layout is unrecognized for a graph of other components', () => {
    const read = readOrderDetail(
      { data: { data: { x_1: { tag: 'x', fields: {} } }, hierarchy: { root: 'x_1', structure: { x_1: [] } } } },
      ctx,
    );
    expect(read.orders).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(['layout-unrecognized']);
  });
});
