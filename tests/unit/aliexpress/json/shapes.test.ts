/**
 * The order list and detail answers in the shapes other people captured (2023–2025): component keys
 * spelled `order_<id>` or anything else, no hierarchy, shuffled keys, "View orders" page-2 answers
 * with only order components. Every input here is derived in the test from the real captures
 * tests/fixtures/real/order-list-init.json and order-detail.json; the changes are written by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Order, type Problem } from '../../../../src/model/index.ts';
import { guessApi, ORDER_DETAIL_API, ORDER_LIST_API } from '../../../../src/aliexpress/json/index.ts';
import { readOrderDetail } from '../../../../src/aliexpress/json/order-detail.ts';
import { readOrderList } from '../../../../src/aliexpress/json/order-list.ts';
import { capture } from './fixtures.ts';

const ctx = {
  url: 'https://www.aliexpress.com/p/order/index.html',
  locale: null,
  readAt: new Date('2026-09-07T12:00:00Z'),
};

type Component = { tag?: string; type?: string; fields: Record<string, unknown>; [k: string]: unknown };
type Graph = {
  data: Record<string, Component>;
  hierarchy?: { root?: string; structure: Record<string, string[]> };
  [k: string]: unknown;
};
type Json = { api?: string; data: Graph };

const list = () => capture('order-list-init') as Json;
const detail = () => capture('order-detail') as Json;

/** The capture's order ids in display order (hierarchy.structure), read from the file itself. */
const DISPLAY_ORDER = (() => {
  const g = list().data;
  const body = Object.keys(g.hierarchy!.structure).find((k) => g.data[k]?.tag === 'pc_om_list_body')!;
  return g.hierarchy!.structure[body]!.map((k) => String(g.data[k]!.fields.orderId));
})();

/** Every order id and status text the answer still carries, in its own `data` order. */
function ordersIn(json: Json): { id: string; status: unknown }[] {
  return Object.values(json.data.data)
    .filter((c) => c.tag === 'pc_om_list_order' || c.type === 'pc_om_list_order')
    .map((c) => ({ id: String(c.fields.orderId), status: c.fields.statusText }));
}

/** Renames every component key (and the hierarchy's references to it); order of keys is `keys`. */
function renamed(json: Json, name: (key: string, c: Component, i: number) => string, keys?: string[]): Json {
  const g = json.data;
  const names = new Map(Object.keys(g.data).map((k, i) => [k, name(k, g.data[k]!, i)]));
  const data = Object.fromEntries((keys ?? Object.keys(g.data)).map((k) => [names.get(k)!, g.data[k]!]));
  const out: Json = { ...json, data: { ...g, data } };
  if (g.hierarchy) {
    const structure = Object.fromEntries(
      Object.entries(g.hierarchy.structure).map(([k, kids]) => [names.get(k) ?? k, kids.map((c) => names.get(c) ?? c)]),
    );
    const root = g.hierarchy.root ? (names.get(g.hierarchy.root) ?? g.hierarchy.root) : undefined;
    out.data.hierarchy = { ...g.hierarchy, root, structure };
  }
  return out;
}

function withoutHierarchy(json: Json): Json {
  const { hierarchy: _, ...graph } = json.data;
  return { ...json, data: graph as Graph };
}

/** What every variant must keep: each order and status of the answer read, no id made up, valid orders. */
function expectEveryOrderRead(json: Json, read: ReturnType<typeof readOrderList>) {
  const inAnswer = ordersIn(json);
  expect(new Set(read.orders.map((o) => o.orderId))).toEqual(new Set(inAnswer.map((o) => o.id)));
  expect(read.orders).toHaveLength(inAnswer.length);
  for (const o of read.orders) {
    expect(Order.safeParse(o).success).toBe(true);
    expect(o.statusText).toBe(inAnswer.find((x) => x.id === o.orderId)!.status);
    expect(o.status).not.toBe('unknown');
  }
}

const codes = (problems: Problem[]) => problems.map((p) => p.code);

describe('readOrderList finds orders by tag, not by key', () => {
  const baseline = readOrderList(list(), ctx);

  it('reads keys spelled order_<id>, keeping the hierarchy order', () => {
    const json = renamed(list(), (k, c) =>
      c.tag === 'pc_om_list_order' ? `order_${String(c.fields.orderId)}` : k.replace(/^pc_om_list_/, ''),
    );
    const read = readOrderList(json, ctx);
    expect(read.problems).toEqual([]);
    expect(read.orders).toEqual(baseline.orders);
    expect(read.orders.map((o) => o.orderId)).toEqual(DISPLAY_ORDER);
    expectEveryOrderRead(json, read);
  });

  it('reads keys with random names when the tag is kept', () => {
    const json = renamed(list(), (_k, _c, i) => `c${(i * 7919) % 1000}x`);
    const read = readOrderList(json, ctx);
    expect(read.problems).toEqual([]);
    expect(read.orders).toEqual(baseline.orders);
  });

  it('reads a component whose kind is only in `type`', () => {
    const json = list();
    for (const c of Object.values(json.data.data)) delete c.tag;
    const read = readOrderList(
      renamed(json, (_k, _c, i) => `n${i}`),
      ctx,
    );
    expect(read.orders).toEqual(baseline.orders);
  });

  it('falls back to the key only for a component without tag or type', () => {
    const json = list();
    for (const c of Object.values(json.data.data)) {
      delete c.tag;
      delete c.type;
    }
    // pc_om_list_order_<id> still names an order by today's key rule; order_<id> alone does not.
    expect(readOrderList(json, ctx).orders).toEqual(baseline.orders);
    const bare = renamed(json, (k) => k.replace(/^pc_om_list_/, ''));
    const read = readOrderList(bare, ctx);
    expect(read.orders).toEqual([]);
    expect(codes(read.problems)).toEqual(['layout-unrecognized']);
  });

  it('reads without a hierarchy, in the order of the data object, with no problem', () => {
    const json = withoutHierarchy(
      renamed(list(), (k, c) => (c.tag === 'pc_om_list_order' ? `order_${c.fields.orderId}` : k)),
    );
    const read = readOrderList(json, ctx);
    expect(read.problems).toEqual([]);
    expect(read.orders.map((o) => o.orderId)).toEqual(ordersIn(json).map((o) => o.id));
    expectEveryOrderRead(json, read);
  });

  it('reads any key order, with or without the hierarchy (property)', () => {
    const keys = Object.keys(list().data.data);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
        fc.boolean(),
        fc.boolean(),
        (order, keepHierarchy, orderKeys) => {
          const shuffled = renamed(
            list(),
            (k, c) => (orderKeys && c.tag === 'pc_om_list_order' ? `order_${c.fields.orderId}` : k),
            order,
          );
          const json = keepHierarchy ? shuffled : withoutHierarchy(shuffled);
          const read = readOrderList(json, ctx);
          expect(read.problems).toEqual([]);
          expectEveryOrderRead(json, read);
          const ids = read.orders.map((o) => o.orderId);
          expect(ids).toEqual(keepHierarchy ? DISPLAY_ORDER : ordersIn(json).map((o) => o.id));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names a hierarchy that is not an object but still reads every order', () => {
    const json = list() as unknown as { data: { hierarchy: unknown } };
    json.data.hierarchy = 'broken';
    const read = readOrderList(json, ctx);
    expect(read.problems).toEqual([{ code: 'json-invalid', detail: 'data.hierarchy: expected object', orderId: null }]);
    expectEveryOrderRead(json as unknown as Json, read);
  });

  it('ignores unknown fields and unknown components', () => {
    const json = list();
    for (const c of Object.values(json.data.data)) c.fields.somethingNew = { nested: [1, 2, 3] };
    json.data.data['pc_om_list_banner_1'] = { tag: 'pc_om_list_banner', fields: { orderId: '8299999999999999' } };
    const read = readOrderList(json, ctx);
    expect(read.problems).toEqual([]);
    expect(read.orders).toEqual(baseline.orders);
  });
});

describe('readOrderList on a "View orders" page-2 answer (renderType append)', () => {
  /** Only the order components, as an append answer brings them; the first three of the capture. */
  function appendPage(hierarchy: 'none' | 'orders-only'): Json {
    const g = list().data;
    const orderKeys = Object.keys(g.data).filter((k) => g.data[k]!.tag === 'pc_om_list_order');
    const keys = orderKeys.slice(0, 3);
    const data = Object.fromEntries(keys.map((k) => [k, g.data[k]!]));
    const graph: Graph = { data, global: { renderType: 'append' } };
    // The body that holds them is not in this answer: only the earlier page had it.
    if (hierarchy === 'orders-only') graph.hierarchy = { structure: { pc_om_list_body_109702: [...keys].reverse() } };
    return { api: 'mtop.aliexpress.trade.buyer.order.list', data: graph };
  }

  it('reads the orders with no header or body and no hierarchy, without layout-unrecognized', () => {
    const json = appendPage('none');
    const read = readOrderList(json, ctx);
    expect(read.problems).toEqual([]);
    expect(read.orders).toHaveLength(3);
    expectEveryOrderRead(json, read);
  });

  it('orders them by a hierarchy that names a body the answer does not carry', () => {
    const json = appendPage('orders-only');
    const read = readOrderList(json, ctx);
    expect(read.problems).toEqual([]);
    const body = json.data.hierarchy!.structure['pc_om_list_body_109702']!;
    expect(read.orders.map((o) => o.orderId)).toEqual(body.map((k) => String(json.data.data[k]!.fields.orderId)));
  });

  it('is recognized as the order list by its tags alone, with or without the envelope', () => {
    const renamedPage = renamed(appendPage('none'), (_k, c) => `order_${c.fields.orderId}`);
    const { api: _, ...noApi } = renamedPage;
    expect(guessApi(noApi)).toBe(ORDER_LIST_API);
    expect(guessApi(renamedPage.data)).toBe(ORDER_LIST_API);
  });
});

describe('readOrderList on field variants', () => {
  const FIRST = 'pc_om_list_order_8214398062177351';
  const first = (json: Json) => json.data.data[FIRST]!.fields;

  it('reads ids of 12 and 19 digits as strings, and a 12-digit safe number', () => {
    for (const [given, expected] of [
      ['821439806217', '821439806217'],
      ['8214398062177351234', '8214398062177351234'],
      [821439806217, '821439806217'],
    ] as const) {
      const json = list();
      first(json).orderId = given;
      const read = readOrderList(json, ctx);
      expect(read.problems).toEqual([]);
      expect(read.orders[0]!.orderId).toBe(expected);
      expectEveryOrderRead(json, read);
    }
  });

  it('refuses a 19-digit id that arrived as a number (rounded by JSON.parse) and invents none', () => {
    const json = list();
    first(json).orderId = JSON.parse('8214398062177351234');
    const read = readOrderList(json, ctx);
    expect(read.orders.map((o) => o.orderId)).toEqual(DISPLAY_ORDER.slice(1));
    expect(codes(read.problems)).toEqual(['order-id-missing']);
  });

  for (const info of ['||', 'R$|', 'R$||']) {
    it(`falls back to the shown total when formatPriceInfo is "${info}"`, () => {
      const json = list();
      Object.assign(first(json), { formatPriceInfo: info, totalPriceText: 'R$1.031,93' });
      const read = readOrderList(json, ctx);
      expect(read.problems).toEqual([]);
      expect(read.orders[0]!.total).toEqual({ amount: 1031.93, currency: 'BRL' });
    });
  }

  it('leaves the total null, never the sum of the lines, when the order has none', () => {
    for (const noTotal of [
      { formatPriceInfo: null, totalPriceText: null },
      { formatPriceInfo: '||', totalPriceText: '' },
      { formatPriceInfo: undefined, totalPriceText: undefined },
    ]) {
      const json = list();
      Object.assign(first(json), noTotal);
      const read = readOrderList(json, ctx);
      expect(read.problems).toEqual([]);
      expect(read.orders[0]!.total).toBeNull();
      expect(read.orders[0]!.lines).toHaveLength(1);
    }
  });

  it('maps "Expired" to closed and "Finished" to completed', () => {
    const json = list();
    first(json).statusText = 'Expired';
    json.data.data['pc_om_list_order_8214779947343229']!.fields.statusText = 'Finished';
    const read = readOrderList(json, ctx);
    expect(read.problems).toEqual([]);
    expect(read.orders.slice(0, 2).map((o) => [o.status, o.statusText])).toEqual([
      ['closed', 'Expired'],
      ['completed', 'Finished'],
    ]);
  });

  it('maps the list texts others captured: "Processing" to to-ship, legacy "Awaiting receipt" to shipped', () => {
    // Texts from the team's RULES-SOURCES.md, "order list statuses" (scraper selectors 2026-06; legacy).
    const json = list();
    first(json).statusText = 'Processing';
    json.data.data['pc_om_list_order_8214779947343229']!.fields.statusText = 'Awaiting receipt';
    const read = readOrderList(json, ctx);
    expect(read.problems).toEqual([]);
    expect(read.orders.slice(0, 2).map((o) => o.status)).toEqual(['to-ship', 'shipped']);
  });

  it("reads a status in a language the answer texts do not list, from the language's labels", () => {
    // "Zustellung ausstehend" is in rules/locales/de.json, not in the JSON side's own list.
    const json = list();
    first(json).statusText = 'Zustellung ausstehend';
    const read = readOrderList(json, { ...ctx, locale: 'de' });
    expect(read.orders[0]).toMatchObject({ status: 'shipped', statusText: 'Zustellung ausstehend' });
    expect(codes(read.problems)).not.toContain('unknown-status');
  });

  it('keeps an order whose optional field has the wrong type, naming the field', () => {
    const json = list();
    first(json).storeName = { text: 'LIMA Store' };
    const read = readOrderList(json, ctx);
    expect(read.orders[0]).toMatchObject({ orderId: '8214398062177351', storeName: null, status: 'shipped' });
    expect(read.problems).toEqual([
      {
        code: 'json-invalid',
        detail: `data.data.${FIRST}.fields.storeName: expected string, got object`,
        orderId: '8214398062177351',
      },
    ]);
  });
});

describe('readOrderDetail finds its blocks by tag', () => {
  const url = 'https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322';
  const dctx = { ...ctx, url };
  const baseline = readOrderDetail(detail(), dctx);

  it('reads the same order with random keys, shuffled, without a hierarchy', () => {
    const keys = Object.keys(detail().data.data).reverse();
    const json = withoutHierarchy(renamed(detail(), (_k, _c, i) => `block_${i}`, keys));
    const read = readOrderDetail(json, dctx);
    expect(read.problems).toEqual([]);
    expect(read.orders).toEqual(baseline.orders);
    expect(read.orders[0]!.orderId).toBe('8212313961591322');
  });

  it('reads blocks whose kind is only in `type`, with unknown extra fields and blocks', () => {
    const json = detail();
    for (const c of Object.values(json.data.data)) {
      delete c.tag;
      c.fields.somethingNew = true;
    }
    json.data.data['detail_new_thing_1'] = { type: 'detail_new_thing', fields: { orderId: '8299999999999999' } };
    const read = readOrderDetail(
      renamed(json, (_k, _c, i) => `x${i}`),
      dctx,
    );
    expect(read.problems).toEqual([]);
    expect(read.orders).toEqual(baseline.orders);
  });

  it('reads the id from the answer, not the URL, and invents none when both lack it', () => {
    const json = withoutHierarchy(renamed(detail(), (_k, _c, i) => `b${i}`));
    const read = readOrderDetail(json, { ...dctx, url: 'https://www.aliexpress.com/p/order/detail.html' });
    expect(read.orders.map((o) => o.orderId)).toEqual(['8212313961591322']);
    for (const c of Object.values(json.data.data)) {
      delete c.fields.orderId;
      delete c.fields.tradeOrderId;
    }
    const none = readOrderDetail(json, { ...dctx, url: 'https://www.aliexpress.com/p/order/detail.html' });
    expect(none.orders).toEqual([]);
    expect(codes(none.problems)).toEqual(['order-id-missing']);
  });

  it('is recognized as the order detail by its tags alone', () => {
    const json = withoutHierarchy(renamed(detail(), (_k, _c, i) => `b${i}`));
    expect(guessApi(json.data)).toBe(ORDER_DETAIL_API);
  });
});
