import { describe, expect, it } from 'vitest';
import { Order } from '../../../../src/model/index.ts';
import { readOrderList } from '../../../../src/aliexpress/json/order-list.ts';
import { capture } from './fixtures.ts';

const ctx = {
  url: 'https://www.aliexpress.com/p/order/index.html',
  locale: null,
  readAt: new Date('2026-09-07T12:00:00Z'),
};

// Every order of the capture, in the order of hierarchy.structure, written out by reading the file.
const EXPECTED = [
  [
    '8214398062177351',
    'shipped',
    'Awaiting delivery',
    '2026-09-01',
    'LIMA Store',
    31.93,
    [['8214969923776196', 2]],
    ['confirm-received', 'track'],
  ],
  [
    '8214779947343229',
    'shipped',
    'Awaiting delivery',
    '2026-09-01',
    'LIMA Store',
    87.15,
    [['8214674215518251', 2]],
    ['confirm-received', 'track'],
  ],
  [
    '8212313961591322',
    'completed',
    'Completed',
    '2026-07-15',
    'Vega Store',
    132.74,
    [['8212840438652111', 1]],
    ['buy-again', 'delete'],
  ],
  [
    '8212268452148012',
    'completed',
    'Completed',
    '2026-07-15',
    'Tango Store',
    277.33,
    [['8212556490087649', 1]],
    ['buy-again', 'delete'],
  ],
  [
    '8212611134562621',
    'completed',
    'Completed',
    '2026-06-26',
    'XENON Store',
    335.07,
    [['8212751922320187', 1]],
    ['buy-again', 'delete'],
  ],
  [
    '8211781299384136',
    'completed',
    'Completed',
    '2026-05-27',
    'Bravo Store',
    400.2,
    [['8211146434102767', 1]],
    ['buy-again', 'delete'],
  ],
  [
    '8211748238135282',
    'completed',
    'Completed',
    '2026-05-18',
    'NANO Store',
    87.82,
    [
      ['8211887789632170', 1],
      ['8211005868302376', 1],
    ],
    ['buy-again', 'delete'],
  ],
  [
    '8211736227630231',
    'completed',
    'Completed',
    '2026-04-23',
    'Tango Store',
    287.99,
    [['8211376949949072', 1]],
    ['buy-again', 'delete'],
  ],
  [
    '8211589415816822',
    'completed',
    'Completed',
    '2026-04-19',
    'Jade Store',
    13.97,
    [['8211454970880474', 1]],
    ['buy-again', 'delete'],
  ],
  [
    '8210505692320516',
    'completed',
    'Completed',
    '2026-04-08',
    'LIMA Store',
    45.87,
    [['8210549511183391', 1]],
    ['buy-again', 'delete'],
  ],
] as const;

describe('readOrderList on the real order list capture', () => {
  const read = readOrderList(capture('order-list-init'), ctx);

  it('reads all ten orders in display order with no problem', () => {
    expect(read.problems).toEqual([]);
    expect(read.orders.map((o) => o.orderId)).toEqual(EXPECTED.map((e) => e[0]));
    for (const o of read.orders) expect(Order.safeParse(o).success).toBe(true);
  });

  it('infers English from the status texts when the caller does not know the language', () => {
    expect(read.locale).toBe('en');
  });

  for (const [orderId, status, statusText, day, store, amount, lines, actions] of EXPECTED) {
    it(`reads order ${orderId} field by field`, () => {
      const o = read.orders.find((x) => x.orderId === orderId)!;
      expect(o.status).toBe(status);
      expect(o.statusText).toBe(statusText);
      expect(o.placedAt).toBe(day);
      expect(o.storeName).toBe(store);
      expect(o.total).toEqual({ amount, currency: 'BRL' });
      expect(o.lines.map((l) => [l.lineId, l.quantity])).toEqual(lines);
      expect(o.lines.every((l) => typeof l.title === 'string' && l.title.length > 20)).toBe(true);
      expect(o.actions).toEqual(actions);
      expect(o.dates).toEqual({
        shippedAt: null,
        completedAt: null,
        protectionEndsAt: null,
        deliveryGuaranteeAt: null,
      });
    });
  }

  it('keeps a title exactly as given', () => {
    expect(read.orders[2]!.lines[0]!.title).toBe(
      'Neo XENON 2.1 de Gama Omega eco Cabo Xenon XENON Pixel 8K@60Hz 4K@120Hz Tango Xenon HD e HD Indigo alfa TV Ultra PS5 Tango',
    );
  });
});

type Json = {
  data: {
    data: Record<string, { fields: Record<string, unknown> }>;
    hierarchy: { structure: Record<string, string[]> };
  };
};
const fresh = () => capture('order-list-init') as Json;
const BODY = 'pc_om_list_body_109702';
const FIRST = 'pc_om_list_order_8214398062177351';

describe('readOrderList ordering and bad input', () => {
  it('orders by hierarchy.structure, not by the shuffled object keys', () => {
    const json = fresh();
    json.data.hierarchy.structure[BODY]!.reverse();
    const keys = Object.keys(json.data.data).reverse();
    json.data.data = Object.fromEntries(keys.map((k) => [k, json.data.data[k]!]));
    const ids = readOrderList(json, ctx).orders.map((o) => o.orderId);
    expect(ids).toEqual(EXPECTED.map((e) => e[0]).reverse());
  });

  it('keeps an unknown status text as unknown with a named problem', () => {
    const json = fresh();
    json.data.data[FIRST]!.fields.statusText = 'Warten auf Lieferung';
    const read = readOrderList(json, ctx);
    expect(read.orders[0]).toMatchObject({ status: 'unknown', statusText: 'Warten auf Lieferung' });
    expect(read.problems).toContainEqual({
      code: 'unknown-status',
      detail: 'Warten auf Lieferung',
      orderId: '8214398062177351',
    });
  });

  it('reads a pt-BR order with the Portuguese date and the trailing-space status', () => {
    const json = fresh();
    Object.assign(json.data.data[FIRST]!.fields, { statusText: 'Concluído ', orderDateText: '3 de set. de 2026' });
    const read = readOrderList(json, { ...ctx, locale: 'pt-BR' });
    expect(read.orders[0]).toMatchObject({
      status: 'completed',
      statusText: 'Concluído',
      placedAt: '2026-09-03',
    });
  });

  it('records no order whose id cannot be read, and says so', () => {
    const json = fresh();
    delete json.data.data[FIRST]!.fields.orderId;
    const read = readOrderList(json, ctx);
    expect(read.orders).toHaveLength(9);
    expect(read.problems[0]).toMatchObject({ code: 'json-invalid', orderId: '8214398062177351' });
    expect(read.problems[0]!.detail).toContain(`data.data.${FIRST}.fields.orderId`);
  });

  it('refuses an id that JSON.parse already rounded', () => {
    const json = fresh();
    json.data.data[FIRST]!.fields.orderId = JSON.parse('8214398062177351123');
    const read = readOrderList(json, ctx);
    expect(read.orders.map((o) => o.orderId)).not.toContain('8214398062177351000');
    expect(read.problems).toContainEqual({
      code: 'order-id-missing',
      detail: `data.data.${FIRST}.fields.orderId`,
      orderId: null,
    });
  });

  it('turns a structural mismatch into json-invalid with the path', () => {
    const json = fresh();
    json.data.data[FIRST]!.fields.orderLines = [{ orderLineId: { nested: true } }];
    const read = readOrderList(json, ctx);
    expect(read.orders[0]!.lines).toEqual([]);
    expect(read.problems.find((p) => p.code === 'json-invalid')!.detail).toContain(
      `${FIRST}.fields.orderLines[0].orderLineId`,
    );
  });

  it('names an unparsed date and amount instead of guessing', () => {
    const json = fresh();
    Object.assign(json.data.data[FIRST]!.fields, {
      orderDateText: 'yesterday',
      formatPriceInfo: null,
      totalPriceText: 'R$ ???',
    });
    const read = readOrderList(json, ctx);
    expect(read.orders[0]).toMatchObject({ placedAt: null, total: null });
    expect(read.problems.map((p) => p.code)).toEqual(['date-unparsed', 'amount-unparsed']);
  });

  it('reads the total from the shown text when the split price is missing', () => {
    const json = fresh();
    json.data.data[FIRST]!.fields.formatPriceInfo = null;
    json.data.data[FIRST]!.fields.totalPriceText = 'R$1.031,93';
    expect(readOrderList(json, ctx).orders[0]!.total).toEqual({ amount: 1031.93, currency: 'BRL' });
  });

  it('says the layout is unrecognized when neither orders nor the list body are there', () => {
    const read = readOrderList({ data: { data: {}, hierarchy: { structure: {} } } }, ctx);
    expect(read.orders).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(['layout-unrecognized']);
  });
});
