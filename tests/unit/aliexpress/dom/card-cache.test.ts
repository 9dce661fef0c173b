/**
 * The order-list reader keeps each card's reading by element, with the card's text and link it
 * was read from: an unchanged card is not read again (and gives the same card object, which the
 * content script's `unsent` then tells apart without printing), a changed one is. Read as the
 * content script reads, without the card reader: cards as text. Input: the local stand-in's My
 * orders page (tests/site/render.ts), with its cards edited here.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readCards } from '../../../../src/aliexpress/cards.ts';
import { useCardReader } from '../../../../src/aliexpress/dom/index.ts';
import { letGoCards, readCardsAhead } from '../../../../src/aliexpress/dom/order-list.ts';
import { read } from '../../../../src/aliexpress/read.ts';
import { FIXTURE_CLOCK, siteOrders } from '../../../site/data.ts';
import { renderOrderListHtml } from '../../../site/render.ts';

const URL_ = 'https://www.aliexpress.com/p/order/index.html';
const readCardsOfPage = () => read(document, URL_, FIXTURE_CLOCK).cards?.items ?? [];

function showList(count: number): void {
  const html = renderOrderListHtml({ lang: 'en', clock: FIXTURE_CLOCK }, siteOrders(count));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.setAttribute('lang', 'en');
  document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
}

beforeAll(() => useCardReader(null));
afterAll(() => useCardReader(readCards));
afterEach(() => document.body.replaceChildren());

describe('the card cache', () => {
  it('gives the same card objects for cards that did not change', () => {
    showList(4);
    const first = readCardsOfPage();
    expect(first).toHaveLength(4);
    const again = readCardsOfPage();
    again.forEach((c, i) => expect(c).toBe(first[i]));
  });

  it('reads a card again when its text changes in place, and only that card', () => {
    showList(4);
    const first = readCardsOfPage();
    const status = document.querySelectorAll('.order-item-header-status-text')[2]!;
    status.textContent = first[2]!.status === 'Completed' ? 'Awaiting delivery' : 'Completed';
    const again = readCardsOfPage();
    expect(again[2]).not.toBe(first[2]);
    expect(again[2]!.status).toBe(status.textContent);
    expect(again[0]).toBe(first[0]);
    expect(again[3]).toBe(first[3]);
  });

  it('reads a card again when its text changes to one of the same length', () => {
    // The cache keeps a sum of the text and its length, not the text: "Awaiting delivery" and
    // "Awaiting shipment" are both 17 characters, so only the sum tells them apart.
    showList(2);
    const first = readCardsOfPage();
    const status = document.querySelectorAll('.order-item-header-status-text')[1]!;
    status.textContent = 'Awaiting delivery';
    const before = readCardsOfPage();
    status.textContent = 'Awaiting shipment';
    const after = readCardsOfPage();
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.status).toBe('Awaiting shipment');
    expect(readCards(after, 'en').orders[1]!.status).toBe('to-ship');
    expect(after[0]).toBe(first[0]);
  });

  it('reads a card again when its order link changes, though its text does not', () => {
    showList(2);
    const first = readCardsOfPage();
    const link = document.querySelectorAll('.order-item')[1]!.querySelector('a[href]')!;
    link.setAttribute('href', `${link.getAttribute('href')}&x=1`);
    const again = readCardsOfPage();
    expect(again[1]).not.toBe(first[1]);
    expect(again[1]).toEqual(first[1]);
  });
});

describe('cards the background has', () => {
  const readWhole = (ids: string[]) => read(document, URL_, FIXTURE_CLOCK, { whole: new Set(ids) }).cards?.items ?? [];

  it('leaves a card let go out of later reads while it says the same, and gives it whole when asked', () => {
    showList(4);
    const first = readCardsOfPage();
    letGoCards([first[1]!, first[3]!]);
    expect(readCardsOfPage()).toEqual([first[0], first[2]]);
    // Asked whole (its order's JSON changed): read again from the page, the same texts in a new object.
    const whole = readWhole([first[3]!.orderId]);
    expect(whole.map((c) => c.orderId)).toEqual([first[0], first[2], first[3]].map((c) => c!.orderId));
    expect(whole[2]).toEqual(first[3]);
    expect(whole[2]).not.toBe(first[3]);
    // That new reading is kept until it is let go in turn.
    expect(readCardsOfPage()[2]).toBe(whole[2]);
  });

  it('reads a card let go again when it changes, and lets go only the cards it gave', () => {
    showList(3);
    const first = readCardsOfPage();
    letGoCards(first);
    expect(readCardsOfPage()).toEqual([]);
    const status = document.querySelectorAll('.order-item-header-status-text')[0]!;
    status.textContent = first[0]!.status === 'Completed' ? 'Awaiting delivery' : 'Completed';
    const changed = readCardsOfPage();
    expect(changed.map((c) => [c.orderId, c.status])).toEqual([[first[0]!.orderId, status.textContent]]);
    // An object the reader did not give (a copy) lets nothing go.
    letGoCards([{ ...changed[0]! }]);
    expect(readCardsOfPage()).toEqual(changed);
  });

  it('still names the problems of a card let go', () => {
    showList(2);
    document.querySelector('.order-item')!.querySelector("[data-pl='order_item_header_status']")!.remove();
    const before = read(document, URL_, FIXTURE_CLOCK);
    expect(before.problems).toContainEqual({
      code: 'field-missing',
      detail: 'orderList.status',
      orderId: before.cards!.items[0]!.orderId,
    });
    letGoCards(before.cards!.items);
    const after = read(document, URL_, FIXTURE_CLOCK);
    expect(after.cards!.items).toEqual([]);
    expect(after.problems).toEqual(before.problems);
  });
});

describe('reading ahead', () => {
  it('has the read that follows take the cards read ahead as read, and the read after that check them again', () => {
    showList(3);
    expect(readCardsAhead(document, () => false)).toBe(true);
    const status = document.querySelectorAll('.order-item-header-status-text')[1]!;
    const before = status.textContent;
    status.textContent = before === 'Completed' ? 'Awaiting delivery' : 'Completed';
    // The full read of the same burst: the card is taken as read ahead, without its text summed again.
    const following = readCardsOfPage();
    expect(following[1]!.status).toBe(before);
    // Any later read checks every card's text: the change is read.
    const next = readCardsOfPage();
    expect(next[1]!.status).toBe(status.textContent);
    expect(next[0]).toBe(following[0]);
  });
});

describe('what cards say alike', () => {
  it('keeps one frozen button list for the cards with the same buttons, as each card shows them', () => {
    showList(12);
    const cards = readCardsOfPage();
    const rows = [...document.querySelectorAll('.order-item')].map((card) =>
      [...card.querySelectorAll('.order-item-btns button, .order-item-btns a')].map((b) => b.textContent),
    );
    const byRow = new Map<string, (typeof cards)[number]['buttons']>();
    cards.forEach((card, i) => {
      // What the card shows, whether or not its list is another card's.
      expect(card.buttons.map((b) => b.label)).toEqual(rows[i]);
      const key = JSON.stringify(card.buttons);
      const seen = byRow.get(key);
      if (seen) expect(card.buttons).toBe(seen);
      else byRow.set(key, card.buttons);
      expect(Object.isFrozen(card.buttons)).toBe(true);
      card.buttons.forEach((b) => expect(Object.isFrozen(b)).toBe(true));
    });
    // The stand-in's statuses give cards different rows, and several cards the same one.
    expect(byRow.size).toBeGreaterThan(1);
    expect(byRow.size).toBeLessThan(cards.length);
  });

  it('keeps a card’s own list when its labels are too long to be any other card’s', () => {
    showList(2);
    for (const button of document.querySelectorAll('.order-item-btn')) button.textContent = 'x'.repeat(300);
    const [a, b] = readCardsOfPage();
    expect(a!.buttons[0]!.label).toBe('x'.repeat(300));
    expect(a!.buttons).not.toBe(b!.buttons);
    expect(Object.isFrozen(a!.buttons)).toBe(false);
  });
});
