/**
 * My orders' cards arrive as text and are read in the background (src/aliexpress/cards.ts through
 * page-service.ts `readSnapshotCards`), through the real message path. Inputs: the committed My
 * orders fixture pages in all ten languages (tests/fixtures/pages, rendered by the stand-in), the
 * real order-list capture (tests/fixtures/real, MIT), and cards written here by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCards } from '../../../src/aliexpress/cards.ts';
import { useCardReader } from '../../../src/aliexpress/dom/index.ts';
import { readSnapshotCards } from '../../../src/aliexpress/page-service.ts';
import { read } from '../../../src/aliexpress/read.ts';
import type { OrderCard, PageReading, Problem } from '../../../src/model/index.ts';
import type { RadarDb } from '../../../src/store/db.ts';
import { FIXTURE_CLOCK } from '../../site/data.ts';
import { ALL_PAGES, loadFixture } from '../aliexpress/dom/fixtures.ts';
import { capture } from '../aliexpress/json/fixtures.ts';
import { freshDb } from '../store/fixtures.ts';
import { backgroundFor, SENDERS, type BackgroundUnderTest } from './background-under-test.ts';

const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
const readAt = FIXTURE_CLOCK;

/** As the content script reads: no card reader, so My orders' cards stay text. */
function asContentScript<T>(run: () => T): T {
  useCardReader(null);
  try {
    return run();
  } finally {
    useCardReader(readCards);
  }
}

const byKey = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.code}|${p.orderId ?? ''}|${p.detail ?? ''}`).sort();

describe('reading the cards in the background gives what reading them on the page gave', () => {
  const lists = ALL_PAGES.filter((p) => p.kind === 'order-list');

  it.each(lists.map((p) => [p.lang, p] as const))('My orders in %s', (_lang, page) => {
    const { doc, url } = loadFixture(page);
    const sent = asContentScript(() => read(doc, url, readAt));
    expect(sent.orders).toEqual([]);
    expect(sent.cards!.items.length).toBeGreaterThan(0);
    const understood = readSnapshotCards(sent).snapshot;
    const onPage = read(loadFixture(page).doc, url, readAt);
    expect(understood.orders).toEqual(onPage.orders);
    expect(understood.disputes).toEqual(onPage.disputes);
    expect(byKey(understood.problems)).toEqual(byKey(onPage.problems));
    expect(understood).not.toHaveProperty('cards');
  });
});

/** A card as a page in English shows it, written by hand. */
const card = (over: Partial<OrderCard> = {}): OrderCard => ({
  orderId: '8212313961591322',
  status: 'Awaiting delivery',
  info: ['Order date: Jul 15, 2026', 'Order ID: 8212313961591322'],
  total: 'Total:US $12.49',
  store: 'Vega Store',
  lines: [{ title: 'USB cable', quantity: 'x2' }],
  buttons: [
    { label: 'Track order', link: null },
    { label: 'Order details', link: null },
  ],
  progress: null,
  ...over,
});

const reading = (items: unknown[], over: Partial<PageReading> = {}) => ({
  kind: 'order-list',
  url: LIST_URL,
  locale: 'en',
  readAt: '2026-11-20T10:00:00.000Z',
  orders: [],
  disputes: [],
  problems: [],
  cards: { locale: 'en', items },
  ...over,
});

describe('the snapshot message with cards', () => {
  let db: RadarDb;
  let bg: BackgroundUnderTest;
  beforeEach(() => {
    db = freshDb();
    bg = backgroundFor(db);
  });
  afterEach(() => db.close());

  it('stores what the cards mean, and answers what they did not say clearly', async () => {
    const unclear = card({
      orderId: '8212313961591323',
      status: 'Awaiting teleportation',
      total: 'about twelve',
      // A label no language has, told by its link (the page saw AliExpress's own case path).
      buttons: [{ label: 'Fall ansehen?', link: 'view-dispute' }],
    });
    const answer = await bg.send('snapshot', reading([card(), unclear]), SENDERS.contentScript);
    expect(answer).toEqual({
      ok: true,
      data: {
        accepted: true,
        changed: 2,
        problems: [
          { code: 'unknown-status', detail: 'Awaiting teleportation', orderId: '8212313961591323' },
          { code: 'amount-unparsed', detail: 'about twelve', orderId: '8212313961591323' },
        ],
      },
    });
    const stored = await db.orders.get('8212313961591322');
    expect(stored).toMatchObject({
      status: 'shipped',
      statusText: 'Awaiting delivery',
      placedAt: '2026-07-15',
      storeName: 'Vega Store',
      total: { amount: 12.49, currency: 'USD' },
      lines: [{ lineId: null, title: 'USB cable', quantity: 2 }],
      actions: ['track'],
    });
    expect(await db.orders.get('8212313961591323')).toMatchObject({ status: 'unknown', actions: ['view-dispute'] });
  });

  it('a card that is not a card, or says too much, is refused alone and named; the others are stored', async () => {
    const items = [
      card(),
      { ...card({ orderId: '8212313961591324' }), orderId: 'not-an-id' },
      card({ orderId: '8212313961591325', status: 'x'.repeat(5000) }),
      null,
      card({ orderId: '8212313961591326', buttons: 'Track order' as never }),
      card({ orderId: '8212313961591327' }),
    ];
    const answer = await bg.send('snapshot', reading(items), SENDERS.contentScript);
    expect(answer).toMatchObject({ ok: true, data: { accepted: true, changed: 2 } });
    expect((await db.orders.toArray()).map((o) => o.orderId).sort()).toEqual(['8212313961591322', '8212313961591327']);
    const problems = (answer as { data: { problems: Problem[] } }).data.problems;
    expect(problems.map((p) => [p.code, p.detail?.split(':')[0], p.orderId])).toEqual([
      ['layout-unrecognized', 'cards.1.orderId', 'not-an-id'],
      ['oversize', 'cards.2.status', '8212313961591325'],
      ['layout-unrecognized', 'cards.3', null],
      ['layout-unrecognized', 'cards.4.buttons', '8212313961591326'],
    ]);
  });

  it('a status line too long for the model is refused with its order, as a page order is', async () => {
    const answer = await bg.send(
      'snapshot',
      reading([card({ status: `Awaiting delivery ${'!'.repeat(300)}` })]),
      SENDERS.contentScript,
    );
    expect(answer).toMatchObject({ ok: true, data: { accepted: true, changed: 0 } });
    expect((answer as { data: { problems: Problem[] } }).data.problems).toContainEqual({
      code: 'oversize',
      detail: 'cards.0.statusText: Invalid input',
      orderId: '8212313961591322',
    });
    expect(await db.orders.count()).toBe(0);
  });

  it('cards that are not a list, or too many, refuse the message whole and write nothing', async () => {
    for (const cards of [{ locale: 'en', items: 'cards' }, { locale: 'en', items: Array(5001).fill(null) }, 'cards']) {
      const answer = await bg.send('snapshot', { ...reading([]), cards }, SENDERS.contentScript);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await db.orders.count()).toBe(0);
  });

  it("the card outranks what the page's JSON says of the same order (real capture, card by hand)", async () => {
    // The capture says this order is Completed; the shopper's page shows it awaiting delivery.
    const json = asContentScript(() => read({ json: capture('order-list-init') }, LIST_URL, readAt));
    const fromJson = json.orders.find((o) => o.orderId === '8212313961591322')!;
    expect(fromJson.status).toBe('completed');
    const answer = await bg.send('snapshot', reading([card()], { orders: [fromJson] }), SENDERS.contentScript);
    expect(answer).toMatchObject({ ok: true, data: { accepted: true, changed: 1 } });
    expect(await db.orders.get('8212313961591322')).toMatchObject({
      status: 'shipped',
      statusText: 'Awaiting delivery',
      // What the card does not show, the JSON fills in.
      storeName: 'Vega Store',
    });
  });

  it('with the language unknown, or one we have no labels for, the cards are read in every language the background has', () => {
    for (const locale of [null, 'xx-forged']) {
      const { snapshot, problems } = readSnapshotCards({
        ...(reading([]) as PageReading),
        cards: { locale, items: [card({ status: 'Concluído', info: ['15/07/2026'], total: 'R$ 50,90' })] },
      });
      expect(problems).toEqual([]);
      expect(snapshot.orders[0]).toMatchObject({
        status: 'completed',
        placedAt: '2026-07-15',
        total: { amount: 50.9, currency: 'BRL' },
      });
    }
  });
});
