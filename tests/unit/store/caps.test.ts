import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CAPS, checkSnapshot, SnapshotArrival } from '../../../src/model/index.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { backgroundFor, SENDERS } from '../messages/background-under-test.ts';
import { dispute, freshDb, order, snapshot } from './fixtures.ts';

// Every snapshot here is written by hand for this test (tests/unit/store/fixtures.ts).
let db: RadarDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

const HUGE = 'x'.repeat(1_000_000);

describe('caps on every string and list of the model', () => {
  it('refuses a 1,000,000-character title alone, naming it, and stores the other items', async () => {
    const s = snapshot({
      orders: [
        order({ orderId: '8212379857492017' }),
        order({ orderId: '8212379857492018', lines: [{ lineId: null, title: HUGE, quantity: 1 }] }),
        order({ orderId: '8212379857492019' }),
      ],
      disputes: [dispute({ reason: HUGE }), dispute({ orderId: '8212379857492019', lineId: null })],
    });
    const checked = checkSnapshot(SnapshotArrival.parse(s));
    expect(checked.orders.map((o) => o.orderId)).toEqual(['8212379857492017', '8212379857492019']);
    expect(checked.disputes).toHaveLength(1);
    expect(checked.problems).toEqual([
      expect.objectContaining({
        code: 'oversize',
        orderId: '8212379857492018',
        detail: expect.stringMatching(/^orders\.1\.lines\.0\.title:/),
      }),
      expect.objectContaining({
        code: 'oversize',
        orderId: '8212379857492017',
        detail: expect.stringMatching(/^disputes\.0\.reason:/),
      }),
    ]);

    const answer = await backgroundFor(db).send('snapshot', s, SENDERS.contentScript);
    expect(answer).toEqual({ ok: true, data: { accepted: true, changed: 3, problems: [] } });
    expect((await db.orders.toArray()).map((o) => o.orderId).sort()).toEqual(['8212379857492017', '8212379857492019']);
    const longest = Math.max(
      ...JSON.stringify(await db.orders.toArray())
        .split('"')
        .map((p) => p.length),
    );
    expect(longest).toBeLessThanOrEqual(CAPS.url);
  });

  it.each([
    ['a store name', { storeName: 'y'.repeat(CAPS.label + 1) }],
    ['a status text', { statusText: 'y'.repeat(CAPS.label + 1) }],
    [
      'too many lines',
      { lines: Array.from({ length: CAPS.lines + 1 }, () => ({ lineId: null, title: 't', quantity: 1 })) },
    ],
    ['an action listed many times', { actions: Array.from({ length: 100 }, () => 'track' as const) }],
  ])('refuses an order with %s over its cap', (_label, over) => {
    const checked = checkSnapshot(SnapshotArrival.parse(snapshot({ orders: [order(over)] })));
    expect(checked.orders).toEqual([]);
    expect(checked.problems.map((p) => p.code)).toEqual(['oversize']);
  });

  it('refuses a reading with a page URL over its cap whole', () => {
    const s = snapshot({ url: `https://www.aliexpress.com/?q=${'a'.repeat(CAPS.url)}` });
    expect(SnapshotArrival.safeParse(s).success).toBe(false);
  });
});
