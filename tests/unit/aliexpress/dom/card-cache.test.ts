/**
 * The order-list reader keeps each card's reading by element, with the card's text and link it
 * was read from: an unchanged card is not parsed again (and gives the same objects, which the content
 * script's `unsent` then tells apart without printing), a changed one is. Input: the local
 * stand-in's My orders page (tests/site/render.ts), with its cards edited here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { read } from '../../../../src/aliexpress/read.ts';
import { FIXTURE_CLOCK, siteOrders } from '../../../site/data.ts';
import { renderOrderListHtml } from '../../../site/render.ts';

const URL_ = 'https://www.aliexpress.com/p/order/index.html';
const readPage = () => read(document, URL_, FIXTURE_CLOCK);

function showList(count: number): void {
  const html = renderOrderListHtml({ lang: 'en', clock: FIXTURE_CLOCK }, siteOrders(count));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.setAttribute('lang', 'en');
  document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
}

afterEach(() => document.body.replaceChildren());

describe('the card cache', () => {
  it('gives the same order objects for cards that did not change', () => {
    showList(4);
    const first = readPage();
    expect(first.orders).toHaveLength(4);
    const again = readPage();
    again.orders.forEach((o, i) => expect(o).toBe(first.orders[i]));
  });

  it('reads a card again when its text changes in place, and only that card', () => {
    showList(4);
    const first = readPage();
    const status = document.querySelectorAll('.order-item-header-status-text')[2]!;
    const was = first.orders[2]!.status;
    status.textContent = was === 'completed' ? 'Awaiting delivery' : 'Completed';
    const again = readPage();
    expect(again.orders[2]).not.toBe(first.orders[2]);
    expect(again.orders[2]!.statusText).toBe(status.textContent);
    expect(again.orders[2]!.status).not.toBe(was);
    expect(again.orders[0]).toBe(first.orders[0]);
    expect(again.orders[3]).toBe(first.orders[3]);
  });

  it('reads a card again when its text changes to one of the same length', () => {
    // The cache keeps a sum of the text and its length, not the text: "Awaiting delivery" and
    // "Awaiting shipment" are both 17 characters, so only the sum tells them apart.
    showList(2);
    const first = readPage();
    const status = document.querySelectorAll('.order-item-header-status-text')[1]!;
    status.textContent = 'Awaiting delivery';
    const before = readPage();
    status.textContent = 'Awaiting shipment';
    const after = readPage();
    expect(before.orders[1]!.status).toBe('shipped');
    expect(after.orders[1]).not.toBe(before.orders[1]);
    expect(after.orders[1]!.statusText).toBe('Awaiting shipment');
    expect(after.orders[1]!.status).toBe('to-ship');
    expect(after.orders[0]).toBe(first.orders[0]);
  });

  it('reads a card again when its order link changes, though its text does not', () => {
    showList(2);
    const first = readPage();
    const link = document.querySelectorAll('.order-item')[1]!.querySelector('a[href]')!;
    link.setAttribute('href', `${link.getAttribute('href')}&x=1`);
    const again = readPage();
    expect(again.orders[1]).not.toBe(first.orders[1]);
    expect(again.orders[1]).toEqual(first.orders[1]);
  });
});
