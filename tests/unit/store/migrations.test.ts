import { describe, expect, it } from 'vitest';
import { openDb, TABLES, type Observation, type RadarDb } from '../../../src/store/db.ts';
import { addObservations, allObservations } from '../../../src/store/history.ts';
import { LATEST_VERSION, VERSIONS } from '../../../src/store/schema.ts';

/**
 * What a database written by each released version holds, and how to find each record after
 * upgrading to the latest. A new schema version adds one entry here; the test below fails until it does.
 */
const FIXTURES: Record<number, { fill: (db: RadarDb) => Promise<void>; find: (db: RadarDb) => Promise<unknown[]> }> = {
  1: {
    fill: async (db) => {
      await db.orders.put({
        orderId: '8212379857492017',
        status: 'shipped',
        statusText: 'Awaiting delivery',
        placedAt: '2026-11-03T10:00:00.000Z',
        storeName: 'Best Store',
        total: { amount: 12.5, currency: 'USD' },
        lines: [{ lineId: '8212379857502017', title: 'USB cable', quantity: 2 }],
        actions: ['track'],
        dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
        firstSeenAt: '2026-11-20T10:00:00.000Z',
        updatedAt: '2026-11-20T10:00:00.000Z',
      });
      await db.disputes.put({
        key: '8212379857492017:8212379857502017',
        orderId: '8212379857492017',
        lineId: '8212379857502017',
        disputeId: null,
        status: 'awaiting-seller',
        statusText: null,
        awaiting: 'seller',
        deadline: null,
        canEscalate: null,
        openedAt: null,
        reason: null,
        solution: null,
        firstSeenAt: '2026-11-20T10:00:00.000Z',
        updatedAt: '2026-11-20T10:00:00.000Z',
        statusSince: '2026-11-20T10:00:00.000Z',
      });
      // Up to version 4 the history was one row per order and reading; from 5 on, entries of a reading.
      const row: Observation = {
        orderId: '8212379857492017',
        entity: 'order',
        entityId: '8212379857492017',
        readAt: '2026-11-20T10:00:00.000Z',
        url: 'https://www.aliexpress.com/p/order/index.html',
        kind: 'order-list',
        changes: { status: { from: 'unknown', to: 'shipped' } },
        flagged: null,
      };
      if (db.tables.some((t) => t.name === 'observations')) await db.table('observations').add(row);
      else await addObservations(db, [row]);
      await db.alerts.put({
        id: 'rr:escalation-open:8212379857492017:8212379857502017@2026-11-30T00:00:00.000Z',
        key: 'escalation-open:8212379857492017:8212379857502017',
        at: '2026-11-30T00:00:00.000Z',
        firedAt: '2026-11-30T00:00:01.000Z',
        url: 'https://www.aliexpress.com/p/order/detail.html?orderId=8212379857492017',
      });
      await db.settings.put({
        key: 'settings',
        value: { version: 1, notifyLeadDays: [2], rules: { pack: 'guide', overrides: {} }, language: 'de' },
      });
      // Version 1 and 2 wrote refundStartedAt: only "Take me there" set it.
      await db.table('progress').put({
        orderId: '8212379857492017',
        refundStartedAt: '2026-11-21T00:00:00.000Z',
        reason: 'not-received',
        steps: { photos: '2026-11-21T00:00:00.000Z' },
      });
    },
    find: async (db) => [
      await db.orders.get('8212379857492017'),
      await db.disputes.where('orderId').equals('8212379857492017').first(),
      (await allObservations(db)).find((o) => o.entity === 'order' && o.entityId === '8212379857492017'),
      await db.alerts.where('key').equals('escalation-open:8212379857492017:8212379857502017').first(),
      await db.settings.get('settings'),
      await db.progress.get('8212379857492017'),
    ],
  },
  2: {
    fill: async (db) => {
      await db.held.put({
        key: 'line:8212379857502099',
        lineId: '8212379857502099',
        disputeId: '5012379857502099',
        readAt: '2026-11-22T10:00:00.000Z',
        url: 'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8212379857502099',
        kind: 'dispute-detail',
        dispute: {
          orderId: null,
          lineId: '8212379857502099',
          disputeId: '5012379857502099',
          status: 'awaiting-buyer',
          statusText: 'Waiting for your response',
          awaiting: 'buyer',
          deadline: '2026-11-24T10:00:00.000Z',
          canEscalate: true,
          openedAt: null,
          reason: null,
          solution: null,
        },
      });
    },
    find: async (db) => [
      await db.held.where('lineId').equals('8212379857502099').first(),
      // Version 2 indexes stored disputes by line and case, so a held one can find its order.
      await db.disputes.where('lineId').equals('8212379857502017').first(),
    ],
  },
  3: {
    fill: async (db) => {
      await db.progress.put({
        orderId: '8212379857492099',
        wentToDisputeAt: '2026-11-25T00:00:00.000Z',
        submittedAt: '2026-11-25T00:00:00.000Z',
        notSubmittedAt: null,
        reason: 'damaged',
        steps: {},
      });
    },
    find: async (db) => [await db.progress.get('8212379857492099')],
  },
  4: {
    fill: async (db) => {
      // Written by hand: an order whose dates the page showed without a time, as version 4 stores them.
      await db.orders.put({
        orderId: '8212379857492044',
        status: 'completed',
        statusText: 'Completed',
        placedAt: '2026-11-03',
        storeName: null,
        total: null,
        lines: [],
        actions: [],
        dates: { shippedAt: '2026-11-05', completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
        firstSeenAt: '2026-11-20T10:00:00.000Z',
        updatedAt: '2026-11-20T10:00:00.000Z',
      });
    },
    find: async (db) => [await db.orders.get('8212379857492044')],
  },
  5: {
    fill: async (db) => {
      // Written by hand: a reading of two orders, one of them flagged, as version 5 stores it.
      await db.readings.add({
        readAt: '2026-11-26T10:00:00.000Z',
        url: 'https://www.aliexpress.com/p/order/index.html',
        kind: 'order-list',
        size: 2,
        entries: [
          {
            orderId: '8212379857492066',
            entity: 'order',
            entityId: '8212379857492066',
            via: 'dom',
            changes: { storeName: { from: null, to: 'Best Store' } },
            flagged: null,
          },
          {
            orderId: '8212379857492077',
            entity: 'order',
            entityId: '8212379857492077',
            via: 'dom',
            changes: { status: { from: 'completed', to: 'shipped' } },
            flagged: 'status moved backwards: completed -> shipped',
          },
        ],
        flags: ['order:8212379857492077'],
      });
    },
    find: async (db) => [
      (await allObservations(db)).find((o) => o.orderId === '8212379857492066'),
      // The flag index finds a flag already in the history.
      await db.readings.where('flags').equals('order:8212379857492077').first(),
    ],
  },
};

/** Old rows of the history, each one order's changes from one reading. */
function oldRow(
  orderId: string,
  readAt: string,
  kind: string,
  changes: Record<string, { from: unknown; to: unknown }>,
) {
  return {
    orderId,
    entity: 'order' as const,
    entityId: orderId,
    readAt,
    url: `https://www.aliexpress.com/p/order/${kind}.html`,
    kind,
    via: 'dom' as const,
    changes,
    flagged: null,
  };
}

describe('history written before version 5', () => {
  it('is regrouped one record per reading, every row kept as an entry', async () => {
    const name = `rr-history-${Math.random()}`;
    const old = openDb(name, 4);
    await old.open();
    // Written by hand: two readings of a list (two orders each), a detail page between them, and a
    // flagged row, interleaved in id order as two open tabs would write them.
    const rows = [
      oldRow('8212379857492001', '2026-11-20T10:00:00.000Z', 'list', { status: { from: 'unknown', to: 'shipped' } }),
      oldRow('8212379857492001', '2026-11-20T11:00:00.000Z', 'detail', { storeName: { from: null, to: 'A' } }),
      oldRow('8212379857492002', '2026-11-20T10:00:00.000Z', 'list', { status: { from: 'unknown', to: 'shipped' } }),
      oldRow('8212379857492001', '2026-11-21T10:00:00.000Z', 'list', { storeName: { from: 'A', to: 'B' } }),
      {
        ...oldRow('8212379857492002', '2026-11-21T10:00:00.000Z', 'list', {
          status: { from: 'completed', to: 'shipped' },
        }),
        flagged: 'status moved backwards: completed -> shipped',
      },
    ];
    await old.table('observations').bulkAdd(rows);
    old.close();

    const upgraded = openDb(name);
    const readings = await upgraded.readings.toArray();
    expect(readings.map((r) => [r.readAt, r.kind, r.size, r.flags])).toEqual([
      ['2026-11-20T10:00:00.000Z', 'list', 2, []],
      ['2026-11-20T11:00:00.000Z', 'detail', 1, []],
      ['2026-11-21T10:00:00.000Z', 'list', 2, ['order:8212379857492002']],
    ]);
    // Every row, as it was, apart from its id; grouped by reading.
    const history = (await allObservations(upgraded)).map(({ id: _id, ...o }) => o);
    expect(history).toEqual([rows[0], rows[2], rows[1], rows[3], rows[4]]);
    expect(upgraded.tables.map((t) => t.name)).not.toContain('observations');
    upgraded.close();
  });

  it('leaves an empty history empty', async () => {
    const name = `rr-history-empty-${Math.random()}`;
    const old = openDb(name, 4);
    await old.open();
    old.close();
    const upgraded = openDb(name);
    expect(await upgraded.readings.count()).toBe(0);
    upgraded.close();
  });
});

describe('order dates written before version 4', () => {
  it('become calendar dates where the page shows only dates; instants stay instants', async () => {
    const name = `rr-days-${Math.random()}`;
    const old = openDb(name, 3);
    await old.open();
    // Written by hand: how versions 1-3 stored "Nov 3, 2026" (00:00 UTC), next to real instants.
    await old.orders.put({
      orderId: '8212379857492055',
      status: 'shipped',
      statusText: null,
      placedAt: '2026-11-03T00:00:00.000Z',
      storeName: null,
      total: null,
      lines: [],
      actions: [],
      dates: {
        shippedAt: '2026-11-05T14:22:10.000Z',
        completedAt: null,
        protectionEndsAt: '2026-12-20T00:00:00.000Z',
        deliveryGuaranteeAt: '2026-12-01T00:00:00.000Z',
      },
      firstSeenAt: '2026-11-20T00:00:00.000Z',
      updatedAt: '2026-11-20T00:00:00.000Z',
    });
    old.close();
    const upgraded = openDb(name);
    const order = await upgraded.orders.get('8212379857492055');
    expect([order?.placedAt, order?.dates]).toEqual([
      '2026-11-03',
      {
        shippedAt: '2026-11-05T14:22:10.000Z',
        completedAt: null,
        // A countdown: an instant even at 00:00 UTC.
        protectionEndsAt: '2026-12-20T00:00:00.000Z',
        deliveryGuaranteeAt: '2026-12-01',
      },
    ]);
    expect(order?.updatedAt).toBe('2026-11-20T00:00:00.000Z');
    upgraded.close();
  });
});

describe('progress written before version 3', () => {
  it('becomes a visit to the dispute form, never a submitted dispute', async () => {
    const name = `rr-progress-${Math.random()}`;
    const old = openDb(name, 2);
    await old.open();
    await FIXTURES[1]!.fill(old);
    old.close();
    const upgraded = openDb(name);
    expect(await upgraded.progress.get('8212379857492017')).toEqual({
      orderId: '8212379857492017',
      wentToDisputeAt: '2026-11-21T00:00:00.000Z',
      submittedAt: null,
      notSubmittedAt: null,
      reason: 'not-received',
      steps: { photos: '2026-11-21T00:00:00.000Z' },
    });
    upgraded.close();
  });
});

describe('database versions', () => {
  it('has a fixture for every released version, and versions only grow', () => {
    expect(Object.keys(FIXTURES).map(Number)).toEqual(VERSIONS.map((v) => v.version));
    VERSIONS.forEach((v, i) => expect(v.version).toBe(i + 1));
  });

  it('declares every table in its latest version', () => {
    const latest = openDb(`rr-schema-${Math.random()}`);
    expect(latest.tables.map((t) => t.name).sort()).toEqual([...TABLES].sort());
    latest.close();
  });

  for (const { version } of VERSIONS) {
    it(`upgrades a database written by version ${version} to ${LATEST_VERSION} and finds every record`, async () => {
      const name = `rr-migrate-${version}-${Math.random()}`;
      const old = openDb(name, version);
      await old.open();
      expect(old.verno).toBe(version);
      // Every older fixture first, as a shopper who has been through each release would have.
      for (let v = 1; v <= version; v++) await FIXTURES[v]!.fill(old);
      const counts = await Promise.all(old.tables.map((t) => t.count()));
      const historyBefore = version < 5 ? await old.table('observations').count() : 0;
      old.close();

      const upgraded = openDb(name);
      await upgraded.open();
      expect(upgraded.verno).toBe(LATEST_VERSION);
      for (let v = 1; v <= version; v++) {
        const found = await FIXTURES[v]!.find(upgraded);
        found.forEach((record) => expect(record).toBeDefined());
      }
      const after = await Promise.all(
        upgraded.tables.filter((t) => old.tables.some((o) => o.name === t.name)).map((t) => t.count()),
      );
      // The old history's rows are now entries of readings: counted as entries.
      const historyAfter = version < 5 ? (await allObservations(upgraded)).length : 0;
      expect(after.reduce((a, b) => a + b, historyAfter)).toBeGreaterThanOrEqual(counts.reduce((a, b) => a + b, 0));
      expect(historyAfter).toBeGreaterThanOrEqual(historyBefore);
      upgraded.close();
    });
  }
});
