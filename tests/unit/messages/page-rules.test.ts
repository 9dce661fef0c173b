/**
 * The two messages that keep the rules data and the JSON readers off AliExpress's pages
 * (issue 17), through the real router, sender rules and handlers. Inputs: the bundled rules files,
 * the real order list capture (tests/fixtures/real) and values written here by hand.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_LOCALE_FILES, BUNDLED_SELECTORS } from '../../../src/aliexpress/bundled-rules.ts';
import { read } from '../../../src/aliexpress/read.ts';
import { TAP_MAX_CHARS } from '../../../src/aliexpress/tap-protocol.ts';
import type { AnswerRead } from '../../../src/aliexpress/read.ts';
import type { PageOrder } from '../../../src/model/index.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { capture, capturePath } from '../aliexpress/json/fixtures.ts';
import { freshDb } from '../store/fixtures.ts';
import { backgroundFor, SENDERS, type BackgroundUnderTest } from './background-under-test.ts';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const ORDER_LIST_API = 'mtop.aliexpress.trade.buyer.order.list';
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';

let db: RadarDb;
let bg: BackgroundUnderTest;
beforeEach(() => {
  db = freshDb();
  bg = backgroundFor(db, NOW);
});
afterEach(() => db.close());

const dataOf = <T>(answer: unknown): T => {
  expect(answer).toMatchObject({ ok: true });
  return (answer as { data: T }).data;
};

describe('pageRules', () => {
  it("answers a page's language with English beside it, and the selectors", async () => {
    for (const [lang, names] of [
      ['de-DE', ['de', 'en']],
      ['pt-br', ['pt-BR', 'en']],
      ['en', ['en']],
    ] as const) {
      const rules = dataOf<{ locales: Record<string, unknown>; selectors: unknown }>(
        await bg.send('pageRules', { lang }, SENDERS.contentScript),
      );
      expect(Object.keys(rules.locales).sort(), lang).toEqual([...names].sort());
      for (const name of names) expect(rules.locales[name]).toEqual(BUNDLED_LOCALE_FILES[name]);
      // Checked in the background, so the page carries no schema: the file itself, marked as passing.
      expect(rules.selectors).toEqual({ ok: true, selectors: BUNDLED_SELECTORS });
    }
  });

  it('answers every language when the page names none, or one we have no rules for', async () => {
    for (const lang of [null, 'ko-KR', 'x']) {
      const rules = dataOf<{ locales: Record<string, unknown> }>(
        await bg.send('pageRules', { lang }, SENDERS.contentScript),
      );
      expect(Object.keys(rules.locales).sort(), String(lang)).toEqual(Object.keys(BUNDLED_LOCALE_FILES).sort());
    }
  });

  it('is for content scripts only, and refuses a language tag past the cap', async () => {
    for (const sender of [SENDERS.popup, SENDERS.otherExtensionOnAliExpress, SENDERS.contentScriptElsewhere])
      expect(await bg.send('pageRules', { lang: 'en' }, sender)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    expect(await bg.send('pageRules', { lang: 'e'.repeat(36) }, SENDERS.contentScript)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});

describe('tappedAnswer', () => {
  it('reads a tapped answer as read() reads it beside its page, its items marked as read from JSON', async () => {
    const json = capture('order-list-init');
    const answer = dataOf<AnswerRead>(
      await bg.send('tappedAnswer', { api: ORDER_LIST_API, json, url: LIST_URL, lang: 'en' }, SENDERS.contentScript),
    );
    expect(answer.api).toBe(ORDER_LIST_API);
    expect(answer.read!.orders).toHaveLength(10);
    expect(answer.read!.orders.every((o) => (o as PageOrder).statusVia === 'json')).toBe(true);
    // The same answer read on the page, as the content script did before issue 17.
    const onPage = read({ json, api: ORDER_LIST_API, locale: 'en' }, LIST_URL, NOW);
    expect(answer.read!.orders).toEqual(onPage.orders);
  });

  it('reads the text the tap passes on as it reads the parsed answer, ids of 16 and more digits exact', async () => {
    // The real capture's own text: the tap posts what the page received, unparsed.
    const text = readFileSync(capturePath('order-list-init'), 'utf8');
    const send = (json: unknown) =>
      bg.send('tappedAnswer', { api: ORDER_LIST_API, json, url: LIST_URL, lang: 'en' }, SENDERS.contentScript);
    const fromText = dataOf<AnswerRead>(await send(text));
    const fromObject = dataOf<AnswerRead>(await send(capture('order-list-init')));
    expect(fromText.read!.orders).toHaveLength(10);
    expect(fromText.read).toEqual(fromObject.read);
    for (const order of fromText.read!.orders) expect(text).toContain(order.orderId);
  });

  it('says what was wrong with a text that is not JSON, and refuses one over the cap', async () => {
    const cut = dataOf<AnswerRead>(
      await bg.send(
        'tappedAnswer',
        { api: ORDER_LIST_API, json: '{"data":{"hierarchy":', url: LIST_URL, lang: 'en' },
        SENDERS.contentScript,
      ),
    );
    expect(cut.read!.orders).toEqual([]);
    expect(cut.read!.problems.length).toBeGreaterThan(0);
    const huge = { api: ORDER_LIST_API, json: ' '.repeat(TAP_MAX_CHARS + 1), url: LIST_URL, lang: 'en' };
    expect(await bg.send('tappedAnswer', huge, SENDERS.contentScript)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('names an answer it has no reader for, and never throws on one that is not an answer', async () => {
    const answer = dataOf<AnswerRead>(
      await bg.send(
        'tappedAnswer',
        { api: 'mtop.aliexpress.something.else', json: [1, { a: null }], url: LIST_URL, lang: null },
        SENDERS.contentScript,
      ),
    );
    expect(answer.read!.orders).toEqual([]);
    expect(answer.read!.problems).toEqual([
      { code: 'unknown-answer', detail: 'mtop.aliexpress.something.else', orderId: null },
    ]);
  });

  it('is for content scripts only, and refuses a message without an API or a page URL', async () => {
    const ok = { api: ORDER_LIST_API, json: {}, url: LIST_URL, lang: 'en' };
    expect(await bg.send('tappedAnswer', ok, SENDERS.popup)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const bad of [
      { ...ok, api: '' },
      { ...ok, url: 'not a url' },
      { ...ok, extra: 1 },
    ])
      expect(await bg.send('tappedAnswer', bad, SENDERS.contentScript)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
  });
});
