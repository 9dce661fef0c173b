import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Order, PageDispute, Problem } from '../../../../src/model/index.ts';
import { readJson, READERS, READ_APIS } from '../../../../src/aliexpress/json/index.ts';
import { capture, type CaptureName } from './fixtures.ts';

const ctx = {
  url: 'https://www.aliexpress.com/p/order/index.html',
  locale: null,
  readAt: new Date('2026-09-07T12:00:00Z'),
};

// The readers are called directly, not through readJson's safety net, so an escape would show.
function assertValid(read: ReturnType<typeof readJson>) {
  for (const o of read.orders) expect(Order.safeParse(o).success).toBe(true);
  for (const d of read.disputes) expect(PageDispute.safeParse(d).success).toBe(true);
  for (const p of read.problems) expect(Problem.safeParse(p).success).toBe(true);
}

/** Replaces the value at a random path of a JSON tree: the mutations a changed API makes. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value };
  (copy as Record<string, unknown>)[key] = mutate(child, path.slice(1), replacement);
  return copy;
}

describe('readJson never throws', () => {
  it('on arbitrary values for every API', () => {
    fc.assert(
      fc.property(fc.anything(), (json) => {
        for (const api of READ_APIS) assertValid(READERS[api]!(json, ctx));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  const names: [CaptureName, string][] = [
    ['order-list-init', 'mtop.aliexpress.trade.buyer.order.list'],
    ['order-detail', 'mtop.aliexpress.trade.buyer.order.detail'],
    ['refund-list', 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer'],
    ['logistics-querydetail', 'mtop.ae.ld.querydetail'],
  ];
  for (const [name, api] of names) {
    it(`on the ${name} capture with random subtrees replaced`, () => {
      const original = capture(name);
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 9 }), fc.jsonValue(), (path, replacement) => {
          assertValid(READERS[api]!(mutate(original, path, replacement), ctx));
        }),
        { numRuns: 1000 },
      );
    }, 60_000);
  }

  it('names the API it has no reader for', () => {
    const read = readJson({ api: 'mtop.aliexpress.member.info', data: {} }, undefined, ctx);
    expect(read.problems).toEqual([{ code: 'unknown-answer', detail: 'mtop.aliexpress.member.info', orderId: null }]);
  });

  it('turns a reader that throws into a problem', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        has: () => {
          throw new Error('trap');
        },
      },
    );
    const read = readJson(hostile, 'mtop.aliexpress.trade.buyer.order.list', ctx);
    expect(read.orders).toEqual([]);
    expect(read.problems.map((p) => p.code)).toEqual(['json-invalid']);
  });
});
