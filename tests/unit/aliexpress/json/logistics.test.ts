import { describe, expect, it } from 'vitest';
import { readLogistics } from '../../../../src/aliexpress/json/logistics.ts';
import { capture } from './fixtures.ts';

const ctx = (url: string) => ({ url, locale: null, readAt: new Date('2026-09-07T12:00:00Z') });

describe('readLogistics on the real tracking capture', () => {
  it('reads the delivery guarantee, the late-delivery coupon and the delivery of the order named in the answer', () => {
    // The real capture: "Apply for R$5.00 coupon code if delayed by Aug 3, 2026 · Refund if no delivery
    // before Sep 3, 2026 · ..." and a "Delivered" (AE_GTMS_SIGNED) event at 1785512111654.
    const read = readLogistics(
      capture('logistics-querydetail'),
      ctx('https://www.aliexpress.com/p/tracking/index.html'),
    );
    expect(read.problems).toEqual([]);
    expect(read.orders).toEqual([
      {
        orderId: '8212313961591322',
        status: 'unknown',
        statusText: null,
        placedAt: null,
        storeName: null,
        total: null,
        lines: [],
        actions: [],
        dates: {
          shippedAt: null,
          completedAt: null,
          protectionEndsAt: null,
          deliveryGuaranteeAt: '2026-09-03',
          lateCoupon: { by: '2026-08-03', amount: { amount: 5, currency: 'BRL' } },
          deliveredAt: new Date(1785512111654).toISOString(),
        },
      },
    ]);
  });

  it("prefers the page URL's order id", () => {
    const read = readLogistics(
      capture('logistics-querydetail'),
      ctx('https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8214398062177351'),
    );
    expect(read.orders.map((o) => o.orderId)).toEqual(['8214398062177351']);
  });

  it('records nothing without an order id', () => {
    const json = capture('logistics-querydetail') as { data: { module: { trackingDetailLineList: unknown[] } } };
    json.data.module.trackingDetailLineList = [];
    const read = readLogistics(json, ctx('https://www.aliexpress.com/p/tracking/index.html'));
    expect(read.orders).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(['order-id-missing']);
  });

  it('drift: a renamed promise list or event code reads no promise and no delivery, and keeps the rest', () => {
    // The real capture with its keys renamed, as a redesign might.
    const json = capture('logistics-querydetail') as {
      data: {
        module: {
          fastDeliveryInfoDTO: Record<string, unknown>;
          trackingDetailLineList: Array<Record<string, unknown>>;
        };
      };
    };
    const fd = json.data.module.fastDeliveryInfoDTO;
    fd.contentItems = fd.fdContentList;
    delete fd.fdContentList;
    for (const line of json.data.module.trackingDetailLineList) {
      line.events = line.detailList;
      delete line.detailList;
    }
    const read = readLogistics(json, ctx('https://www.aliexpress.com/p/tracking/index.html'));
    expect(read.problems).toEqual([]);
    expect(read.orders.map((o) => [o.orderId, o.dates])).toEqual([
      ['8212313961591322', { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null }],
    ]);
  });
});
