import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planItems } from '../../../src/alerts/items.ts';
import { planAlerts } from '../../../src/alerts/plan.ts';
import { read } from '../../../src/aliexpress/read.ts';
import { policyOf } from '../../../src/rules/overrides.ts';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { dashboard } from '../../../src/store/queries.ts';
import { capturePath } from '../aliexpress/json/fixtures.ts';
import { backgroundFor, SENDERS } from '../messages/background-under-test.ts';
import { dispute, freshDb, order, snapshot } from './fixtures.ts';
import { allObservations } from '../../../src/store/history.ts';

// Real capture tests/fixtures/real/order-list-init.json: order 8214398062177351 is "Awaiting delivery".
const CAPTURE = readFileSync(capturePath('order-list-init'), 'utf8');
const ID = '8214398062177351';
const LIST = 'https://www.aliexpress.com/p/order/index.html';
const NOW = new Date('2026-11-22T12:00:00.000Z');
const { policy } = policyOf(DEFAULT_SETTINGS.rules);

/** The capture with its first "Awaiting delivery" turned into "Closed": what a page script could post. */
const forgedAnswer = () => JSON.parse(CAPTURE.replace('"statusText": "Awaiting delivery"', '"statusText": "Closed"'));

let db: RadarDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

/** The order as the shopper's own list showed it (written by hand): shipped on 5 Nov. */
const shippedOnPage = (readAt: string) =>
  snapshot({ readAt, orders: [order({ orderId: ID, lines: [], status: 'shipped' })] });

async function alarmsOf(orderId: string) {
  const plan = planAlerts({ items: planItems(await dashboard(db), policy, NOW), leadDays: [3, 1], now: NOW, sent: [] });
  return plan.alarms.filter((a) => a.name.includes(orderId));
}

describe('provenance: what only page JSON says cannot end a genuine order', () => {
  it('a forged order-list answer marking a shipped order Closed, then a genuine reading: shipped, alerts planned', async () => {
    const bg = backgroundFor(db, NOW);
    await ingest(db, shippedOnPage('2026-11-20T10:00:00.000Z'));
    expect(await alarmsOf(ID)).not.toEqual([]);

    const forged = read({ json: forgedAnswer(), api: null }, LIST, new Date('2026-11-21T10:00:00.000Z'));
    expect(forged.orders.find((o) => o.orderId === ID)).toMatchObject({ status: 'closed', statusVia: 'json' });
    expect(await bg.send('snapshot', forged, SENDERS.contentScript)).toMatchObject({ ok: true });
    // Held aside: the order keeps its status and its reminders.
    expect(await db.orders.get(ID)).toMatchObject({ status: 'shipped', claim: { status: 'closed' } });
    expect(await alarmsOf(ID)).not.toEqual([]);

    await bg.send('snapshot', shippedOnPage('2026-11-22T10:00:00.000Z'), SENDERS.contentScript);
    const stored = await db.orders.get(ID);
    expect(stored?.status).toBe('shipped');
    expect(stored?.claim).toBeUndefined();
    expect((await alarmsOf(ID)).length).toBeGreaterThan(0);
  });

  it('applies the closed status once the page itself shows it', async () => {
    await ingest(db, shippedOnPage('2026-11-20T10:00:00.000Z'));
    await ingest(db, read({ json: forgedAnswer(), api: null }, LIST, new Date('2026-11-21T10:00:00.000Z')));
    await ingest(
      db,
      snapshot({
        readAt: '2026-11-21T11:00:00.000Z',
        kind: 'order-detail',
        orders: [order({ orderId: ID, lines: [], status: 'closed' })],
      }),
    );
    expect(await db.orders.get(ID)).toMatchObject({ status: 'closed', statusVia: 'dom' });
    expect((await db.orders.get(ID))?.claim).toBeUndefined();
  });

  it('does not apply it however often JSON says it again', async () => {
    await ingest(db, shippedOnPage('2026-11-20T10:00:00.000Z'));
    for (const hour of [10, 11, 12])
      await ingest(db, read({ json: forgedAnswer(), api: null }, LIST, new Date(`2026-11-21T${hour}:00:00.000Z`)));
    expect(await db.orders.get(ID)).toMatchObject({
      status: 'shipped',
      claim: { status: 'closed', readAt: '2026-11-21T10:00:00.000Z' },
    });
    expect((await allObservations(db)).filter((o) => o.orderId === ID && o.flagged !== null).length).toBe(1);
  });

  it('lets a later page reading win over a status that came from JSON', async () => {
    // A record first seen in JSON has no genuine status to protect: the JSON status is applied, marked so.
    await ingest(db, read({ json: forgedAnswer(), api: null }, LIST, new Date('2026-11-21T10:00:00.000Z')));
    expect(await db.orders.get(ID)).toMatchObject({ status: 'closed', statusVia: 'json' });
    await ingest(db, shippedOnPage('2026-11-22T10:00:00.000Z'));
    expect(await db.orders.get(ID)).toMatchObject({ status: 'shipped', statusVia: 'dom' });
  });

  it('still flags a stale page going backwards from a status the page itself showed', async () => {
    await ingest(
      db,
      snapshot({ readAt: '2026-11-21T10:00:00.000Z', orders: [order({ orderId: ID, status: 'closed' })] }),
    );
    expect(await ingest(db, shippedOnPage('2026-11-22T10:00:00.000Z'))).toMatchObject({ flagged: 1 });
    expect((await db.orders.get(ID))?.status).toBe('closed');
  });

  it('keeps a dispute awaiting the seller, and its reminder, when only JSON says refunded', async () => {
    const d = dispute({ orderId: ID, deadline: '2026-11-25T12:00:00.000Z' });
    await ingest(db, snapshot({ kind: 'dispute-detail', orders: [], disputes: [d] }));
    // Written by hand: the same dispute as a page script could post it, marked refunded.
    await ingest(
      db,
      snapshot({
        readAt: '2026-11-21T10:00:00.000Z',
        orders: [],
        disputes: [{ ...d, status: 'refunded', statusText: 'Refunded', statusVia: 'json' }],
      }),
    );
    expect((await db.disputes.toArray())[0]).toMatchObject({
      status: 'awaiting-seller',
      claim: { status: 'refunded' },
    });
    expect((await alarmsOf(ID)).some((a) => a.name.startsWith('rr:refund-due'))).toBe(true);
  });

  it('keeps the protection reminders of a shipped order when only JSON names a case on it', async () => {
    await ingest(db, shippedOnPage('2026-11-20T10:00:00.000Z'));
    const before = (await alarmsOf(ID)).map((a) => a.name);
    expect(before.some((n) => n.startsWith('rr:protection-ends'))).toBe(true);
    // Written by hand: a case a page script could post for that order.
    const forged = { ...dispute({ orderId: ID, lineId: null, disputeId: null }), statusVia: 'json' as const };
    await ingest(db, snapshot({ readAt: '2026-11-21T10:00:00.000Z', orders: [], disputes: [forged] }));
    expect(await db.disputes.count()).toBe(1);
    const after = (await alarmsOf(ID)).map((a) => a.name);
    for (const name of before) expect(after).toContain(name);
  });
});
