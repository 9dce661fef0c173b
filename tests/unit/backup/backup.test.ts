import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../../src/backup/export.ts';
import { BackupV1, parseBackup } from '../../../src/backup/format.ts';
import { importBackup } from '../../../src/backup/import.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { dumpAll, wipeAll } from '../../../src/store/dump.ts';
import { allObservations } from '../../../src/store/history.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { answerSubmitted, tickStep, wentToDispute } from '../../../src/store/progress.ts';
import { readSettings, writeSettings } from '../../../src/store/settings.ts';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema.ts';
import { contents, dispute, freshDb, order, snapshot } from '../store/fixtures.ts';

const ID = '8212379857492017';
/** A case page read before its order: only its line and case are known, so the store holds it. */
const HELD_LINE = '8212379857509999';
const HELD_CASE = '5012345678909999';
const HELD_URL = `https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=${HELD_LINE}&reverseOrderLineId=${HELD_CASE}`;
const heldPage = () =>
  snapshot({
    kind: 'dispute-detail',
    url: HELD_URL,
    readAt: '2026-11-24T08:00:00.000Z',
    orders: [],
    disputes: [
      {
        ...dispute({ lineId: HELD_LINE, disputeId: HELD_CASE, status: 'awaiting-buyer', awaiting: 'buyer' }),
        orderId: null,
        deadline: '2026-11-27T08:00:00.000Z',
        statusVia: 'dom',
      },
    ],
  });
const NOW = new Date('2026-11-25T00:00:00.000Z');
/** After the stored alert fired: a backup must not claim anything happened later than a day from now. */
const AFTER_ALERT = new Date('2026-12-01T00:00:00.000Z');
let db: RadarDb;

async function fill(target: RadarDb) {
  await ingest(target, snapshot({ disputes: [dispute()] }));
  await ingest(
    target,
    snapshot({ readAt: '2026-11-21T00:00:00.000Z', orders: [order({ status: 'in-dispute', storeName: 'Renamed' })] }),
  );
  await ingest(target, snapshot({ readAt: '2026-11-22T00:00:00.000Z', orders: [order({ status: 'to-ship' })] }));
  await ingest(
    target,
    snapshot({ readAt: '2026-11-23T00:00:00.000Z', orders: [], disputes: [dispute({ status: 'awaiting-return' })] }),
  );
  await ingest(target, snapshot({ orders: [order({ orderId: '1111111111', storeName: null })] }));
  await ingest(target, heldPage());
  await wentToDispute(target, ID, 'not-received', '2026-11-20T11:00:00.000Z');
  await answerSubmitted(target, ID, true, '2026-11-20T11:30:00.000Z');
  await tickStep(target, ID, 'photos', true, '2026-11-20T12:00:00.000Z');
  await writeSettings(target, { ...DEFAULT_SETTINGS, notifyLeadDays: [2], language: 'pl' });
  await target.alerts.put({
    id: `rr:escalation-open:${ID}:-@2026-11-30T00:00:00.000Z`,
    key: `escalation-open:${ID}:-`,
    at: '2026-11-30T00:00:00.000Z',
    firedAt: '2026-11-30T00:00:05.000Z',
    url: `https://www.aliexpress.com/p/order/detail.html?orderId=${ID}`,
  });
}

async function exported(target: RadarDb) {
  return JSON.stringify(await exportBackup(target, NOW));
}

beforeEach(async () => {
  db = freshDb();
  await fill(db);
});
afterEach(() => db.close());

describe('backup', () => {
  it('reads the 00:00 UTC order dates of a version 1 file as the calendar dates they were', async () => {
    // Generated: this test's own export, rewritten to how version 1 spelled a date shown without a time.
    const v1 = JSON.parse(await exported(db)) as { version: number; orders: Array<Record<string, unknown>> };
    v1.version = 1;
    const first = v1.orders[0]!;
    first.placedAt = '2026-11-03T00:00:00.000Z';
    first.dates = { ...(first.dates as object), shippedAt: '2026-11-05T14:22:10.000Z' };
    const parsed = parseBackup(JSON.stringify(v1), AFTER_ALERT);
    expect(parsed.ok).toBe(true);
    const order = parsed.ok ? parsed.backup.orders[0]! : null;
    expect([order?.placedAt, order?.dates.shippedAt]).toEqual(['2026-11-03', '2026-11-05T14:22:10.000Z']);
  });

  it('exports a versioned file that reads back as a backup', async () => {
    const backup = await exportBackup(db, NOW);
    expect(backup).toMatchObject({ format: 'refund-radar-backup', version: 2, exportedAt: NOW.toISOString() });
    expect(backup.orders).toHaveLength(2);
    expect(backup.observations.some((o) => o.flagged)).toBe(true);
    expect(BackupV1.safeParse(JSON.parse(JSON.stringify(backup))).success).toBe(true);
  });

  it('gives everything back after export, wipe and import', async () => {
    const before = await contents(db);
    const text = await exported(db);
    await wipeAll(db);
    expect((await contents(db)).orders).toEqual([]);
    const result = await importBackup(db, text);
    expect(result).toMatchObject({ imported: true });
    expect(await contents(db)).toEqual(before);
  });

  it('keeps a dispute held for its order, which joins it once read, wherever the backup goes', async () => {
    // Generated: the held reading of fill(), exported, and imported into an empty store.
    expect(await db.held.count()).toBe(1);
    const text = await exported(db);
    const other = freshDb();
    try {
      expect(await importBackup(other, text, AFTER_ALERT)).toMatchObject({ imported: true });
      expect(await other.held.toArray()).toEqual(await db.held.toArray());
      // The order's page, read on the new device: the dispute joins it with the time it was read.
      const owner = order({ orderId: '8212379857499999', lines: [{ lineId: HELD_LINE, title: 'Lamp', quantity: 1 }] });
      await ingest(other, snapshot({ readAt: '2026-11-25T08:00:00.000Z', orders: [owner] }));
      expect(await other.held.count()).toBe(0);
      expect(await other.disputes.get(`${owner.orderId}:${HELD_LINE}`)).toMatchObject({
        status: 'awaiting-buyer',
        deadline: '2026-11-27T08:00:00.000Z',
        firstSeenAt: '2026-11-24T08:00:00.000Z',
      });
    } finally {
      other.close();
    }
  });

  it('joins a held dispute of the backup to the order the store already knows', async () => {
    const text = await exported(db);
    const other = freshDb();
    try {
      const owner = order({ orderId: '8212379857499999', lines: [{ lineId: HELD_LINE, title: 'Lamp', quantity: 1 }] });
      await ingest(other, snapshot({ orders: [owner] }));
      expect(await importBackup(other, text, AFTER_ALERT)).toMatchObject({ imported: true });
      expect(await other.held.count()).toBe(0);
      expect(await other.disputes.get(`${owner.orderId}:${HELD_LINE}`)).toMatchObject({ status: 'awaiting-buyer' });
    } finally {
      other.close();
    }
  });

  it('changes nothing when the same backup is imported again', async () => {
    const text = await exported(db);
    const before = await dumpAll(db);
    expect(await importBackup(db, text)).toEqual({ imported: true, changed: 0 });
    expect(await dumpAll(db)).toEqual(before);
  });

  it('merges through the ingest rules: a newer stored value is kept, gaps are filled, history is added', async () => {
    const text = await exported(db);
    const other = freshDb();
    await ingest(
      other,
      snapshot({ readAt: '2026-11-24T00:00:00.000Z', orders: [order({ storeName: 'Newest', placedAt: null })] }),
    );
    await wentToDispute(other, ID, 'not-received', '2026-11-24T01:00:00.000Z');
    await answerSubmitted(other, ID, true, '2026-11-24T02:00:00.000Z');
    const result = await importBackup(other, text);
    expect(result.imported && result.changed).toBeGreaterThan(0);
    const merged = await other.orders.get(ID);
    expect(merged?.storeName).toBe('Newest');
    expect(merged?.placedAt).toBe('2026-11-03T10:00:00.000Z');
    // The local reading of 24 Nov is newer than the backup's in-dispute of 21 Nov.
    expect(merged?.status).toBe('shipped');
    expect(merged?.firstSeenAt).toBe('2026-11-20T10:00:00.000Z');
    // The earliest submission survives (its deadlines count from it), and the latest visit.
    expect(await other.progress.get(ID)).toMatchObject({
      submittedAt: '2026-11-20T11:00:00.000Z',
      wentToDisputeAt: '2026-11-24T01:00:00.000Z',
    });
    expect((await other.disputes.toArray())[0]?.statusSince).toBe('2026-11-23T00:00:00.000Z');
    expect(await other.orders.count()).toBe(2);
    other.close();
  });

  it('imports the history of a file written one observation per order as one record per reading', async () => {
    // Written by hand: a version 2 file as every release before the store grouped its history,
    // ids and all; two orders read in one list, and one of them later on its own page.
    const at = (orderId: string, readAt: string, url: string, kind: string, to: string, id: number) => ({
      id,
      orderId,
      entity: 'order',
      entityId: orderId,
      readAt,
      url,
      kind,
      via: 'dom',
      changes: { storeName: { from: null, to } },
      flagged: null,
    });
    const list = 'https://www.aliexpress.com/p/order/index.html';
    const detail = 'https://www.aliexpress.com/p/order/detail.html?orderId=1111111111';
    const file = {
      format: 'refund-radar-backup',
      version: 2,
      exportedAt: '2026-11-24T00:00:00.000Z',
      orders: [],
      disputes: [],
      observations: [
        at('1111111111', '2026-11-20T10:00:00.000Z', list, 'order-list', 'A', 7),
        at('2222222222', '2026-11-20T10:00:00.000Z', list, 'order-list', 'B', 8),
        at('1111111111', '2026-11-21T10:00:00.000Z', detail, 'order-detail', 'C', 9),
      ],
      progress: [],
      settings: DEFAULT_SETTINGS,
      alerts: [],
    };
    const other = freshDb();
    expect(await importBackup(other, JSON.stringify(file), NOW)).toEqual({ imported: true, changed: 3 });
    expect((await other.readings.toArray()).map((r) => [r.kind, r.size])).toEqual([
      ['order-list', 2],
      ['order-detail', 1],
    ]);
    const history = await allObservations(other);
    expect(history.map(({ id: _id, ...o }) => o)).toEqual(file.observations.map(({ id: _id, ...o }) => o));
    // Exported again, it is the same history, one observation per order and reading.
    const again = await exportBackup(other, NOW);
    expect(again.observations).toEqual(file.observations.map(({ id: _id, ...o }) => o));
    other.close();
  });

  describe('refuses a file that is not a good backup, and changes nothing', () => {
    const cases: Array<[string, (good: string) => string, string]> = [
      ['corrupt', () => 'this is not JSON at all {', 'corrupt'],
      ['corrupt in the middle', (good) => good.replace('"orders"', '"orders" oops'), 'corrupt'],
      ['truncated', (good) => good.slice(0, Math.floor(good.length / 2)), 'truncated'],
      ['foreign JSON', () => JSON.stringify({ name: 'refund-radar', version: '0.1.0', dependencies: {} }), 'foreign'],
      ['foreign array', () => '[1, 2, 3]', 'foreign'],
      ['another format name', (good) => good.replace('"refund-radar-backup"', '"other-backup"'), 'foreign'],
      ['a newer version', (good) => good.replace('"version":2', '"version":3'), 'newer-version'],
      ['invalid records', (good) => good.replace(`"orderId":"${ID}"`, '"orderId":"not-an-id"'), 'invalid'],
      ['an invalid dispute key', (good) => good.replace(`"key":"${ID}:`, '"key":"1234567:'), 'invalid'],
      ['invalid settings', (good) => good.replace('"notifyLeadDays":[2]', '"notifyLeadDays":[-2]'), 'invalid'],
      ['an empty file', () => '', 'corrupt'],
    ];
    it.each(cases)('%s', async (_label, spoil, reason) => {
      const good = await exported(db);
      const bad = spoil(good);
      expect(bad).not.toBe(good);
      const before = await dumpAll(db);
      const result = await importBackup(db, bad);
      expect(result).toMatchObject({ imported: false, reason });
      expect(result.imported ? '' : result.message.length).toBeGreaterThan(5);
      expect(await dumpAll(db)).toEqual(before);
    });
  });

  it('says what is wrong in an invalid file', () => {
    const result = parseBackup(JSON.stringify({ format: 'refund-radar-backup', version: 1, exportedAt: 'x' }));
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok ? '' : result.message).toContain('exportedAt');
  });

  it('refuses a backup whose records claim to be read in the year 9999, so later pages still win', async () => {
    const good = JSON.parse(await exported(db)) as {
      orders: Array<{ orderId: string; updatedAt: string; status: string }>;
    };
    // Derived from this test's own export: one order made to look read in 9999 and completed.
    const forged = good.orders.find((o) => o.orderId === ID)!;
    forged.updatedAt = '9999-12-31T23:59:59.000Z';
    forged.status = 'completed';
    const other = freshDb();
    const result = await importBackup(other, JSON.stringify(good), NOW);
    expect(result).toMatchObject({ imported: false, reason: 'invalid' });
    expect(result.imported ? '' : result.message).toContain('updatedAt');
    await ingest(other, snapshot({ readAt: '2026-11-24T00:00:00.000Z', orders: [order({ status: 'shipped' })] }));
    expect((await other.orders.get(ID))?.status).toBe('shipped');
    other.close();
  });

  it.each([
    ['an order it cannot have', { orderId: ID }, 'held.0.dispute: a held dispute has no order yet'],
    ['neither line nor case', { lineId: null, disputeId: null }, 'held.0.dispute'],
  ])('refuses a held dispute with %s, and changes nothing', async (_, change, message) => {
    // Derived from this test's own export: its held dispute edited by hand.
    const file = JSON.parse(await exported(db)) as { held: Array<{ dispute: Record<string, unknown> }> };
    Object.assign(file.held[0]!.dispute, change);
    const other = freshDb();
    const result = await importBackup(other, JSON.stringify(file), AFTER_ALERT);
    expect(result).toMatchObject({ imported: false, reason: 'invalid' });
    expect(result.imported ? '' : result.message).toContain(message);
    expect((await contents(other)).orders).toEqual([]);
    other.close();
  });

  it('refuses a held dispute read in the year 9999', async () => {
    const file = JSON.parse(await exported(db)) as { held: Array<{ readAt: string }> };
    file.held[0]!.readAt = '9999-12-31T23:59:59.000Z';
    const result = parseBackup(JSON.stringify(file), AFTER_ALERT);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(result.ok ? '' : result.message).toContain('held.0.readAt');
  });

  it('keeps the current reminders when a backup has none, and says so', async () => {
    const good = JSON.parse(await exported(db)) as { settings: { notifyLeadDays: number[] } };
    // Derived from this test's own export: a backup that would turn every reminder off.
    good.settings.notifyLeadDays = [];
    const result = await importBackup(db, JSON.stringify(good), AFTER_ALERT);
    expect(result).toMatchObject({ imported: true });
    expect(result.imported && result.settingsKept).toContain('notifyLeadDays');
    expect((await readSettings(db)).notifyLeadDays).toEqual([2]);
  });

  it('reads settings of version 1 (before issue 15) and brings them to version 2, reply reminders at their defaults', async () => {
    const good = JSON.parse(await exported(db)) as { settings: Record<string, unknown> };
    // Derived from this test's own export: its settings as version 1 wrote them.
    delete good.settings.buyerReplyLeadHours;
    good.settings.version = 1;
    const other = freshDb();
    const result = await importBackup(other, JSON.stringify(good), AFTER_ALERT);
    expect(result).toMatchObject({ imported: true });
    expect(await readSettings(other)).toMatchObject({
      version: 2,
      notifyLeadDays: [2],
      buyerReplyLeadHours: [48, 24, 6],
    });
    other.close();
  });

  it('keeps a snooze through export and import (issue 15)', async () => {
    const [first] = await db.alerts.toArray();
    expect(first).toBeDefined();
    await db.alerts.update(first!.id, { snoozedAt: NOW.toISOString() });
    const other = freshDb();
    expect(await importBackup(other, await exported(db), AFTER_ALERT)).toMatchObject({ imported: true });
    expect(await other.alerts.get(first!.id)).toMatchObject({ snoozedAt: NOW.toISOString() });
    other.close();
  });

  it('puts imported rule overrides through the options page checks', async () => {
    const good = JSON.parse(await exported(db)) as { settings: { rules: { overrides: Record<string, unknown> } } };
    // Derived from this test's own export: an override no rule has, which settingsSet refuses.
    good.settings.rules.overrides = { noSuchRule: 5 };
    const result = await importBackup(db, JSON.stringify(good), AFTER_ALERT);
    expect(result.imported && result.settingsKept).toContain('rules.');
    expect((await readSettings(db)).rules.overrides).toEqual({});
  });
});
