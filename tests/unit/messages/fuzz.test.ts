import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode, protocol } from '../../../src/messages/protocol.ts';
import { dumpAll } from '../../../src/store/dump.ts';
import { ingest } from '../../../src/store/ingest.ts';
import { dispute, freshDb, snapshot } from '../store/fixtures.ts';
import { backgroundFor, SENDERS } from './background-under-test.ts';

const NAMES = Object.keys(protocol);
const READ_ONLY = new Set([
  'dashboardSummary',
  'helperFacts',
  'settingsGet',
  'pageTexts',
  'backupExport',
  'calendarDeadlines',
  'recentAlerts',
]);

/**
 * Ways to break a snapshot; each leaves the rest of it valid. A broken page field refuses the whole
 * message; a broken order, dispute or problem is dropped alone and the rest, which the database
 * already holds, changes nothing.
 */
const breakSnapshot: Array<(s: Record<string, unknown>, junk: unknown) => void> = [
  (s) => delete s.readAt,
  (s) => (s.readAt = '2026-13-45'),
  (s) => (s.url = 'not a url'),
  (s) => (s.kind = 'order-page'),
  (s) => (s.orders = 'many'),
  (s, junk) => (s.disputes = [junk === undefined ? null : junk, 1]),
  (s) => ((s.orders as Array<Record<string, unknown>>)[0]!.orderId = '12ab'),
  (s) => ((s.orders as Array<Record<string, unknown>>)[0]!.status = 'lost'),
  (s) => ((s.orders as Array<Record<string, unknown>>)[0]!.total = { amount: -1, currency: 'USD' }),
  (s) => ((s.orders as Array<Record<string, unknown>>)[0]!.total = { amount: 3, currency: 'usd' }),
  (s) => ((s.orders as Array<Record<string, unknown>>)[0]!.lines = [{ lineId: 5, title: null, quantity: 1 }]),
  (s) => ((s.orders as Array<Record<string, unknown>>)[0]!.dates = null),
  (s) => ((s.disputes as Array<Record<string, unknown>>)[0]!.awaiting = 'nobody'),
  (s) => ((s.disputes as Array<Record<string, unknown>>)[0]!.deadline = 1764000000000),
  (s) => ((s.disputes as Array<Record<string, unknown>>)[0]!.canEscalate = 'yes'),
  (s) => delete (s.disputes as Array<Record<string, unknown>>)[0]!.status,
  (s) => (s.problems = [{ code: 'oops', detail: null, orderId: null }]),
];

const nearValidSnapshot = fc
  .tuple(fc.integer({ min: 0, max: breakSnapshot.length - 1 }), fc.anything())
  .map(([i, junk]) => {
    const s = structuredClone(snapshot({ disputes: [dispute()] })) as unknown as Record<string, unknown>;
    breakSnapshot[i]!(s, junk);
    return s;
  });

const name = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'Snapshot', 'snapshot '),
);
const data = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
  }),
  nearValidSnapshot,
  fc.record({ orderId: fc.string(), stepId: fc.string(), done: fc.anything() }, { requiredKeys: [] }),
  // Anything but the one valid confirmation: a real wipe would rightly change the database.
  fc.record({ confirm: fc.anything().filter((v) => v !== true) }),
  fc.record({ text: fc.oneof(fc.string(), fc.json(), fc.constant('{"format":"refund-radar-backup","version":2}')) }),
  fc
    .record({ notifyLeadDays: fc.anything(), language: fc.anything(), rules: fc.anything() }, { requiredKeys: [] })
    .filter((p) => Object.keys(p).length > 0),
);
const sender = fc.constantFrom(...Object.values(SENDERS));
const envelope = fc.oneof(
  { weight: 8, arbitrary: fc.record({ name, data }) },
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.record({ name, data, extra: fc.anything() }) },
);

describe('fuzzing the background with messages', () => {
  it('answers 10,000 random, unknown and near-valid messages with typed errors and leaves the database as it was', async () => {
    const db = freshDb();
    await ingest(db, snapshot({ disputes: [dispute()] }));
    const bg = backgroundFor(db);
    expect((await bg.send('stepTicked', { orderId: '8212379857492017', stepId: 'photos', done: true })).ok).toBe(true);
    expect((await bg.send('settingsSet', { language: 'fr' })).ok).toBe(true);
    await db.alerts.put({
      id: 'rr:x@2026-11-30T00:00:00.000Z',
      key: 'x',
      at: '2026-11-30T00:00:00.000Z',
      firedAt: '2026-11-30T00:00:00.000Z',
      url: 'https://www.aliexpress.com/',
    });
    const before = await dumpAll(db);
    const codes = new Map<string, number>();
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(envelope, sender, async (message, from) => {
        runs += 1;
        const answer = await bg.raw(message, from).catch((error: unknown) => ({ threw: error }));
        expect(answer).not.toHaveProperty('threw');
        const a = answer as Awaited<ReturnType<typeof bg.send>>;
        if (a.ok) {
          // Only a read, or a settings patch that was refused or changed nothing, may succeed.
          const n = String((message as { name: unknown }).name);
          expect(READ_ONLY.has(n) || ['settingsSet', 'backupImport', 'snapshot', 'snoozeAlert'].includes(n)).toBe(true);
          // No alert was shown here: any id snoozes nothing.
          if (n === 'snoozeAlert') expect(a.data).toEqual({ result: 'unknown' });
          if (n === 'snapshot') expect(a.data).toEqual({ accepted: true, changed: 0, problems: [] });
          if (n === 'backupImport') expect((a.data as { imported: boolean }).imported).toBe(false);
        } else {
          expect(ErrorCode.options).toContain(a.error.code);
          codes.set(a.error.code, (codes.get(a.error.code) ?? 0) + 1);
        }
      }),
      { numRuns: 10_000 },
    );

    expect(runs).toBeGreaterThanOrEqual(10_000);
    expect(await dumpAll(db)).toEqual(before);
    // The run must have reached the handlers' doors, not only the envelope check.
    for (const code of ['malformed', 'unknown-message', 'forbidden', 'invalid-request'])
      expect(codes.get(code) ?? 0).toBeGreaterThan(50);
    db.close();
  }, 120_000);
});
