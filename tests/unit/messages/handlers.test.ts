import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { protocol } from '../../../src/messages/protocol.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { dumpAll } from '../../../src/store/dump.ts';
import { dispute, freshDb, snapshot } from '../store/fixtures.ts';
import { backgroundFor, SENDERS, type BackgroundUnderTest } from './background-under-test.ts';

const ID = '8212379857492017';
let db: RadarDb;
let bg: BackgroundUnderTest;

beforeEach(() => {
  db = freshDb();
  bg = backgroundFor(db);
});
afterEach(() => db.close());

async function ok(name: string, data: unknown, sender = SENDERS.popup) {
  const answer = await bg.send(name, data, sender);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
  // Every answer must also pass the protocol's own answer schema, as the sending side checks it.
  expect(protocol[name as keyof typeof protocol].response.safeParse(answer.data).success).toBe(true);
  return answer.data as never;
}

describe('who may send what', () => {
  it('accepts a snapshot from our content script on AliExpress and stores it', async () => {
    expect(await ok('snapshot', snapshot(), SENDERS.contentScript)).toEqual({
      accepted: true,
      changed: 1,
      problems: [],
    });
    expect(
      await ok('snapshot', snapshot({ url: 'https://aliexpress.us/p/order/index.html' }), SENDERS.contentScriptUs),
    ).toEqual({ accepted: true, changed: 0, problems: [] });
    expect(bg.changes).toEqual(['data']);
  });

  it.each([
    ['an extension page', SENDERS.popup],
    ['another extension', SENDERS.otherExtension],
    ['another extension on AliExpress', SENDERS.otherExtensionOnAliExpress],
    ['our content script on another site', SENDERS.contentScriptElsewhere],
    ['a host that only starts like AliExpress', SENDERS.lookalikeHost],
    ['a sender without id', SENDERS.nobody],
  ])('refuses a snapshot from %s and writes nothing', async (_label, sender) => {
    const answer = await bg.send('snapshot', snapshot(), sender);
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db.orders.count()).toBe(0);
  });

  it.each([
    'dashboardSummary',
    'settingsSet',
    'backupExport',
    'backupImport',
    'wipe',
    'stepTicked',
    'disputeSubmitted',
    'calendarDeadlines',
  ])('refuses %s from a content script', async (name) => {
    expect(await bg.send(name, {}, SENDERS.contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets the page helper read the facts of one order, its offers and its texts, and note a visit to the form', async () => {
    await ok('snapshot', snapshot(), SENDERS.contentScript);
    expect(await ok('helperFacts', { orderId: ID }, SENDERS.contentScript)).toMatchObject({
      order: { orderId: ID },
      eligibility: { kind: expect.any(String) },
    });
    expect(await ok('helperOffers', { orderIds: [ID, '1234567890'] }, SENDERS.contentScript)).toMatchObject({
      '1234567890': 'none',
    });
    expect(await ok('pageTexts', {}, SENDERS.contentScript)).toMatchObject({
      texts: { helperStart: expect.anything() },
    });
    expect(await ok('wentToDispute', { orderId: ID, reason: 'not-received' }, SENDERS.contentScript)).toMatchObject({
      reason: 'not-received',
      wentToDisputeAt: '2026-11-22T12:00:00.000Z',
      submittedAt: null,
    });
  });

  it('takes "I submitted it" only from the extension’s own pages: a page script cannot start deadlines', async () => {
    await ok('snapshot', snapshot(), SENDERS.contentScript);
    expect(await bg.send('disputeSubmitted', { orderId: ID, submitted: true }, SENDERS.contentScript)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await db.progress.count()).toBe(0);
  });

  it('refuses everything from another extension, even its extension pages', async () => {
    for (const name of Object.keys(protocol)) {
      expect(await bg.send(name, {}, SENDERS.otherExtension)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });

  it('answers extension pages opened in a tab', async () => {
    expect(await ok('settingsGet', {}, SENDERS.optionsTab)).toMatchObject({ version: 2 });
  });
});

describe('queries', () => {
  it('answers helperFacts for an order, or for a case page by dispute or line id, with its timeline now', async () => {
    await ok('snapshot', snapshot({ disputes: [dispute()] }), SENDERS.contentScript);
    type Facts = { order: { orderId: string } | null; dispute: { disputeId: string } | null; timeline: unknown };
    const byOrder = (await ok('helperFacts', { orderId: ID }, SENDERS.contentScript)) as Facts;
    expect(byOrder.order?.orderId).toBe(ID);
    expect(byOrder.dispute?.disputeId).toBe('5012345678901234');
    // The seller's five days from the page's own deadline: the background's clock, the page's date.
    expect(byOrder.timeline).toMatchObject({
      deadlines: expect.arrayContaining([
        expect.objectContaining({ kind: 'seller-response', at: '2026-11-25T12:00:00.000Z', source: 'page' }),
      ]),
    });
    const byDispute = await ok('helperFacts', { lineId: null, disputeId: '5012345678901234' }, SENDERS.contentScript);
    expect(byDispute).toEqual(byOrder);
    expect(await ok('helperFacts', { lineId: '8212379857502017', disputeId: null })).toEqual(byOrder);
    // A case page's dispute id wins over its line id; nothing matching is null, an untracked order is empty facts.
    expect(await ok('helperFacts', { lineId: '8212379857502017', disputeId: '9999999999' })).toBeNull();
    expect(await ok('helperFacts', { lineId: null, disputeId: null })).toBeNull();
    expect(await ok('helperFacts', { orderId: '1234567890' })).toEqual({
      order: null,
      dispute: null,
      timeline: null,
      eligibility: { kind: 'unknown', url: 'https://www.aliexpress.com/p/order/detail.html?orderId=1234567890' },
    });
    expect(await bg.send('helperFacts', { orderId: ID, lineId: null })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
  it('answers calendarDeadlines with the deadlines of every order and dispute, store and page, under the chosen pack', async () => {
    // Input: the store fixtures (an order shipped 2026-11-05, its dispute awaiting the seller until 2026-11-25).
    await ok('snapshot', snapshot({ disputes: [dispute()] }), SENDERS.contentScript);
    type Item = { orderId: string; disputeId: string | null; storeName: string | null; url: string | null };
    const items = (await ok('calendarDeadlines', {})) as Array<
      Item & { deadlines: Array<{ kind: string; at: string }> }
    >;
    expect(items).toEqual([
      {
        orderId: ID,
        disputeId: '5012345678901234',
        storeName: 'Best Store',
        url: 'https://trade.aliexpress.com/issue/fastissue/Detail.htm?tradeOrderLineId=8212379857502017&reverseOrderLineId=5012345678901234',
        deadlines: expect.arrayContaining([
          { kind: 'seller-response', at: '2026-11-25T12:00:00.000Z', source: 'page', rule: null },
        ]),
      },
    ]);
    const kinds = (pack: string) =>
      ok('settingsSet', { rules: { pack, overrides: {} } })
        .then(() => ok('calendarDeadlines', {}))
        .then((a) => (a as typeof items)[0]!.deadlines.map((d) => d.kind).sort());
    expect(await kinds('guide')).toEqual(['escalation-closes', 'escalation-opens', 'seller-response']);
    // The current pack has no escalation window for the shopper.
    expect(await kinds('current')).toEqual(['seller-response']);
  });
});

describe('progress', () => {
  it('ticks and unticks a step, and ticking twice changes nothing', async () => {
    await ok('snapshot', snapshot(), SENDERS.contentScript);
    expect(await ok('stepTicked', { orderId: ID, stepId: 'photos', done: true })).toEqual({ changed: true });
    expect(await ok('stepTicked', { orderId: ID, stepId: 'photos', done: true })).toEqual({ changed: false });
    expect(await ok('stepTicked', { orderId: ID, stepId: 'photos', done: false })).toEqual({ changed: true });
    expect((await db.progress.get(ID))?.steps).toEqual({});
  });

  it('notes the latest visit to the form; "yes" dates the dispute from that visit and a second "yes" moves nothing', async () => {
    await ok('snapshot', snapshot(), SENDERS.contentScript);
    await ok('wentToDispute', { orderId: ID, reason: 'not-received' }, SENDERS.contentScript);
    const later = backgroundFor(db, new Date('2026-11-25T00:00:00.000Z'));
    expect(await later.send('disputeSubmitted', { orderId: ID, submitted: true })).toMatchObject({
      ok: true,
      data: { wentToDisputeAt: '2026-11-22T12:00:00.000Z', submittedAt: '2026-11-22T12:00:00.000Z' },
    });
    const again = backgroundFor(db, new Date('2026-11-26T00:00:00.000Z'));
    await again.send('wentToDispute', { orderId: ID, reason: null }, SENDERS.contentScript);
    expect(await again.send('disputeSubmitted', { orderId: ID, submitted: true })).toMatchObject({
      data: {
        wentToDisputeAt: '2026-11-26T00:00:00.000Z',
        submittedAt: '2026-11-22T12:00:00.000Z',
        reason: 'not-received',
      },
    });
  });

  it('"No" ends the question until the shopper goes to the form again', async () => {
    await ok('snapshot', snapshot(), SENDERS.contentScript);
    await ok('wentToDispute', { orderId: ID, reason: 'damaged' }, SENDERS.contentScript);
    expect(await ok('disputeSubmitted', { orderId: ID, submitted: false })).toMatchObject({
      submittedAt: null,
      notSubmittedAt: '2026-11-22T12:00:00.000Z',
    });
  });

  it('refuses progress for an order it never saw, writing nothing', async () => {
    expect(await bg.send('stepTicked', { orderId: ID, stepId: 'photos', done: true })).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
    expect(await bg.send('wentToDispute', { orderId: ID, reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
    expect(await db.progress.count()).toBe(0);
  });
});

describe('settings', () => {
  it('starts from the defaults', async () => {
    expect(await ok('settingsGet', {})).toEqual({
      version: 2,
      notifyLeadDays: [3, 1],
      buyerReplyLeadHours: [48, 24, 6],
      rules: { pack: 'guide', overrides: {} },
      language: 'auto',
    });
  });

  it('saves valid settings, lead times largest first', async () => {
    const answer = await ok('settingsSet', {
      notifyLeadDays: [1, 5],
      language: 'pt-BR',
      rules: { pack: 'official-legacy', overrides: {} },
    });
    expect(answer).toMatchObject({ saved: true, errors: [] });
    expect(await ok('settingsGet', {})).toMatchObject({
      notifyLeadDays: [5, 1],
      language: 'pt-BR',
      rules: { pack: 'official-legacy' },
    });
    expect(bg.changes).toEqual(['settings']);
  });

  it('refuses invalid fields naming each, and keeps every previous value', async () => {
    await ok('settingsSet', { language: 'de' });
    const before = await dumpAll(db);
    const answer = (await ok('settingsSet', {
      notifyLeadDays: [3, 3, -1],
      language: 'not a language!',
      rules: { pack: 'guide', overrides: { sellerResponse: -4 } },
    })) as { saved: boolean; errors: Array<{ field: string; message: string }>; settings: { language: string } };
    expect(answer.saved).toBe(false);
    const fields = answer.errors.map((e) => e.field);
    expect(fields.some((f) => f.startsWith('notifyLeadDays'))).toBe(true);
    expect(fields).toContain('language');
    expect(fields.some((f) => f.startsWith('rules.overrides.sellerResponse'))).toBe(true);
    expect(answer.settings.language).toBe('de');
    expect(await dumpAll(db)).toEqual(before);
  });

  it('refuses an unknown rules pack', async () => {
    const answer = (await ok('settingsSet', { rules: { pack: 'made-up', overrides: {} } })) as {
      saved: boolean;
      errors: Array<{ field: string }>;
    };
    expect(answer.saved).toBe(false);
    expect(answer.errors[0]?.field).toBe('rules.pack');
  });
});

describe('wipe', () => {
  it('needs confirm: true', async () => {
    await ok('snapshot', snapshot(), SENDERS.contentScript);
    expect(await bg.send('wipe', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await bg.send('wipe', { confirm: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await db.orders.count()).toBe(1);
    expect(await ok('wipe', { confirm: true })).toEqual({ wiped: true });
    const dump = await dumpAll(db);
    expect(Object.values(dump).every((rows) => rows.length === 0)).toBe(true);
    expect(bg.changes).toContain('wiped');
  });
});

describe('malformed messages', () => {
  it('answers each kind of wrong message with its own typed error', async () => {
    const allowed = backgroundFor(db);
    expect(await allowed.send('nope', {})).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    expect(await allowed.send('snapshot', { ...snapshot(), readAt: 'yesterday' }, SENDERS.contentScript)).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid-request', message: expect.stringContaining('readAt') },
      },
    );
    expect(await allowed.send('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    expect(await allowed.send('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
  });
});
