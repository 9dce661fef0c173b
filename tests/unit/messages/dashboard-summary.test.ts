import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { protocol, type Response } from '../../../src/messages/protocol.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { dispute, freshDb, order, snapshot } from '../store/fixtures.ts';
import { backgroundFor, SENDERS, type BackgroundUnderTest } from './background-under-test.ts';

type Summary = Response<'dashboardSummary'>;
const NOW = new Date('2026-11-22T12:00:00.000Z');
let db: RadarDb;
let bg: BackgroundUnderTest;

beforeEach(() => {
  db = freshDb();
  bg = backgroundFor(db, NOW);
});
afterEach(() => db.close());

async function summary(limit: number, sender = SENDERS.popup): Promise<Summary> {
  const answer = await bg.send('dashboardSummary', { limit }, sender);
  if (!answer.ok) throw new Error(`${answer.error.code} ${answer.error.message}`);
  // What the background sends must pass the protocol's own answer schema.
  const parsed = protocol.dashboardSummary.response.safeParse(answer.data);
  expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  return answer.data as Summary;
}

/** `n` orders in dispute, the seller's deadline of order i being i hours after the first's, and `quiet` completed ones. */
function seed(n: number, quiet = 0) {
  const ids = Array.from({ length: n + quiet }, (_, i) => String(8100000000000000 + i));
  return snapshot({
    readAt: '2026-11-21T10:00:00.000Z',
    orders: ids.map((orderId, i) =>
      order({
        orderId,
        status: i < n ? 'in-dispute' : 'completed',
        lines: [{ lineId: `${orderId}01`, title: `Item ${i}`, quantity: 1 }],
      }),
    ),
    disputes: ids.slice(0, n).map((orderId, i) =>
      dispute({
        orderId,
        lineId: `${orderId}01`,
        disputeId: `${orderId}99`,
        deadline: new Date(NOW.getTime() + (i + 1) * 3_600_000).toISOString(),
      }),
    ),
  });
}

describe('the popup’s list from the background', () => {
  it('is empty, with nothing tracked, before the first reading', async () => {
    const empty = await summary(20);
    expect(empty).toMatchObject({ tracked: 0, needing: 0, entries: [], policy: { pack: 'guide', overridden: [] } });
    // The rules travel as numbers only: the guide's 5 days for the seller, no source texts.
    expect(empty.policy.rules.sellerResponse).toEqual({ value: 5, from: 'dispute-opened' });
    for (const rule of Object.values(empty.policy.rules)) expect(Object.keys(rule!).sort()).toEqual(['from', 'value']);
  });

  it('holds at most `limit` cards, most urgent first, and the counts for the rest', async () => {
    await bg.send('snapshot', seed(30, 5), SENDERS.contentScript);
    const first = await summary(20);
    expect(first.tracked).toBe(35);
    expect(first.needing).toBe(30);
    expect(first.entries).toHaveLength(20);
    expect(first.entries.map((e) => e.order.orderId)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(8100000000000000 + i)),
    );
    expect(first.entries[0]!.timeline.phase).toBe('waiting-for-seller');
    expect(first.entries[0]!.timeline.deadlines.find((d) => d.kind === 'seller-response')?.source).toBe('page');
    expect((await summary(40)).entries).toHaveLength(30);
  });

  it('follows the store: a new reading, a tick and a changed rule show in the next answer', async () => {
    await bg.send('snapshot', seed(2), SENDERS.contentScript);
    expect((await summary(20)).needing).toBe(2);

    await bg.send('snapshot', { ...seed(3), readAt: '2026-11-21T11:00:00.000Z' }, SENDERS.contentScript);
    expect((await summary(20)).needing).toBe(3);

    expect((await bg.send('stepTicked', { orderId: '8100000000000000', stepId: 'photos', done: true })).ok).toBe(true);
    expect((await summary(20)).entries[0]!.progress?.steps).toHaveProperty('photos');

    expect((await bg.send('settingsSet', { rules: { pack: 'official-legacy', overrides: {} } })).ok).toBe(true);
    expect((await summary(20)).policy.pack).toBe('official-legacy');
  });

  it('carries the shopper’s language setting, so the popup needs no second question to choose its language', async () => {
    expect((await summary(20)).language).toBe('auto');
    expect((await bg.send('settingsSet', { language: 'pt-BR' })).ok).toBe(true);
    expect((await summary(20)).language).toBe('pt-BR');
  });

  it('is for the extension’s own pages, and checks its request', async () => {
    expect(await bg.send('dashboardSummary', { limit: 20 }, SENDERS.contentScript)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    for (const bad of [{}, { limit: 0 }, { limit: 2.5 }, { limit: '20' }, { limit: 20, extra: 1 }, { limit: 1e9 }])
      expect(await bg.send('dashboardSummary', bad)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
