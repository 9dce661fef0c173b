/**
 * The content script's one MutationObserver (page-changes.ts), shared by the reader and the
 * helper, and Start refund drawn only for rows near the viewport (near.ts, through a stand-in
 * viewport: happy-dom lays nothing out). Pages are hand-written cards (page.ts's `card`, as
 * ALIEXPRESS.md describes them) and generated lists of them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startReading, type ReadingContext } from '../../../entrypoints/aliexpress.content/reading.ts';
import { read } from '../../../src/aliexpress/read.ts';
import { setLanguage } from '../../../src/i18n/index.ts';
import { addsPageElements, watchPage } from '../../../src/inject/page-changes.ts';
import {
  attachWatched,
  card,
  DISPUTE_URL,
  fakeContext,
  fakeDeps,
  fakeViewport,
  hosts,
  LIST_URL,
  setPage,
  settle,
} from './page.ts';

let stop: (() => void) | undefined;
beforeEach(() => setLanguage('en'));
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => String(8212379857400000 + from + i));
const listOf = (orderIds: string[]) =>
  setPage(`<div class="comet-checkbox-group order-list">${orderIds.map((id) => card(id)).join('')}</div>`);
const rows = () => [...document.querySelectorAll('.order-item-btns')];
const withButton = () => rows().filter((r) => r.querySelector('[data-refund-radar-host="start"]'));
const host = (name: string) => {
  const el = document.createElement('span');
  el.setAttribute('data-refund-radar-host', name);
  return el;
};

describe('addsPageElements', () => {
  const record = (...nodes: Node[]) => ({ addedNodes: nodes }) as unknown as MutationRecord;
  it('counts the page’s elements, not text nor our own hosts', () => {
    expect(addsPageElements([record(host('start')), record(host('panel'))])).toBe(false);
    expect(addsPageElements([record(document.createTextNode('3 days 12:00:01'))])).toBe(false);
    expect(addsPageElements([record()])).toBe(false);
    expect(addsPageElements([record(host('start')), record(document.createElement('div'))])).toBe(true);
  });
});

describe('watchPage', () => {
  it('tells each listener once per batch of additions, and nothing after it stops', async () => {
    const ctx = fakeContext();
    const changes = watchPage(ctx);
    const heard = vi.fn();
    changes.onAdded(heard);
    document.body.append(host('start'));
    await settle();
    expect(heard).not.toHaveBeenCalled();
    for (let i = 0; i < 3; i++) document.body.append(document.createElement('div'));
    await settle();
    expect(heard).toHaveBeenCalledTimes(1);
    ctx.invalidate();
    document.body.append(document.createElement('div'));
    await settle();
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe('one observer for the reader and the helper', () => {
  function readingContext(): ReadingContext & { timers: (() => void)[] } {
    const timers: (() => void)[] = [];
    return {
      timers,
      isInvalid: false,
      setTimeout: (fn) => timers.push(fn),
      addEventListener: () => undefined,
      onInvalidated: () => () => undefined,
    };
  }

  it('observes the page once, and Start buttons appearing schedule no read', async () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(LIST_URL);
    listOf(ids(3));
    const observed = vi.spyOn(window.MutationObserver.prototype, 'observe');
    const ctx = readingContext();
    const changes = watchPage(ctx, window);
    const send = vi.fn(() => Promise.resolve({ accepted: true, changed: 3 }));
    startReading(ctx, window, { read, send, now: () => new Date('2026-09-07T12:00:00Z'), delayMs: 300, changes });
    const viewport = fakeViewport();
    stop = attachWatched(fakeContext(), { deps: fakeDeps(), href: () => LIST_URL, changes, near: viewport.watch });
    expect(observed).toHaveBeenCalledTimes(1);
    ctx.timers.splice(0).forEach((fn) => fn());
    expect(send).toHaveBeenCalledTimes(1);
    await settle();
    expect(hosts('start')).toHaveLength(3);
    // Our three hosts were added to the page: no read is scheduled for them.
    expect(ctx.timers).toHaveLength(0);
    // A card the page adds is heard by both: a read is scheduled, and its row is watched.
    document.querySelector('.order-list')!.insertAdjacentHTML('beforeend', card(ids(1, 3)[0]!));
    await settle();
    expect(ctx.timers).toHaveLength(1);
    expect(hosts('start')).toHaveLength(4);
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('about:blank');
  });
});

describe('Start refund near the viewport only', () => {
  it('draws buttons for the rows near the screen, and for others as they are scrolled to', async () => {
    const orderIds = ids(30);
    listOf(orderIds);
    // The first three rows are on screen, as on a freshly loaded page.
    const viewport = fakeViewport((row) => rows().indexOf(row) < 3);
    const deps = fakeDeps();
    stop = attachWatched(fakeContext(), { deps, href: () => LIST_URL, near: viewport.watch });
    await settle();
    expect(withButton()).toEqual(rows().slice(0, 3));
    // The background was asked about those three only; nothing was read or marked on the others.
    expect(deps.offers.mock.calls).toEqual([[orderIds.slice(0, 3)]]);
    expect(rows().filter((r) => r.hasAttribute('data-refund-radar-start'))).toHaveLength(3);
    expect(viewport.watched.size).toBe(27);

    viewport.scrollTo(rows().slice(10, 13));
    await settle();
    expect(withButton()).toEqual([...rows().slice(0, 3), ...rows().slice(10, 13)]);
    expect(deps.offers.mock.calls.at(-1)).toEqual([orderIds.slice(10, 13)]);
    // A row that got its button is no longer watched: coming near again draws nothing twice.
    viewport.scrollTo([...rows().slice(0, 3), ...rows().slice(10, 13)]);
    await settle();
    expect(hosts('start')).toHaveLength(6);
    expect(deps.offers).toHaveBeenCalledTimes(2);
  });

  it('watches cards the page adds later, and leaves them bare until they come near', async () => {
    listOf(ids(2));
    const viewport = fakeViewport((row) => rows().indexOf(row) < 2);
    stop = attachWatched(fakeContext(), { deps: fakeDeps(), href: () => LIST_URL, near: viewport.watch });
    await settle();
    document.querySelector('.order-list')!.insertAdjacentHTML(
      'beforeend',
      ids(10, 2)
        .map((id) => card(id))
        .join(''),
    );
    await settle();
    expect(hosts('start')).toHaveLength(2);
    expect(viewport.watched.size).toBe(10);
    viewport.scrollTo(rows().slice(-1));
    await settle();
    expect(withButton()).toEqual([...rows().slice(0, 2), rows().at(-1)]);
    expect(hosts('start')).toHaveLength(3);
  });

  it('stops watching when the extension is reloaded', async () => {
    listOf(ids(5));
    const viewport = fakeViewport(() => false);
    const ctx = fakeContext();
    attachWatched(ctx, { deps: fakeDeps(), href: () => LIST_URL, near: viewport.watch });
    await settle();
    expect(viewport.watched.size).toBe(5);
    ctx.invalidate();
    expect(viewport.watched.size).toBe(0);
    viewport.scrollTo(rows());
    await settle();
    expect(hosts('start')).toHaveLength(0);
  });
});

describe('moves without a load', () => {
  const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  const DETAIL_URL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8212379857400001';
  afterEach(() => {
    setUrl('about:blank');
    delete (window as { navigation?: unknown }).navigation;
  });

  it('without the Navigation API (Firefox ESR), hears a move when the page renders after it, and back and forward', async () => {
    setUrl(LIST_URL);
    const ctx = fakeContext();
    const changes = watchPage(ctx);
    const moved = vi.fn();
    changes.onMoved(moved);
    // The page's own pushState, then its render of the new page (happy-dom has no Navigation API).
    setUrl(DETAIL_URL);
    document.body.append(document.createElement('div'));
    await settle();
    expect(moved).toHaveBeenCalledTimes(1);
    // More rendering at the same URL is no move.
    document.body.append(document.createElement('div'));
    await settle();
    expect(moved).toHaveBeenCalledTimes(1);
    // Back: the browser fires popstate.
    setUrl(LIST_URL);
    window.dispatchEvent(new Event('popstate'));
    expect(moved).toHaveBeenCalledTimes(2);
    ctx.invalidate();
    setUrl(DETAIL_URL);
    window.dispatchEvent(new Event('popstate'));
    document.body.append(document.createElement('div'));
    await settle();
    expect(moved).toHaveBeenCalledTimes(2);
  });

  it('with the Navigation API (Chromium), hears each change of entry that changed the URL', async () => {
    setUrl(LIST_URL);
    // Stands in for window.navigation, which fires currententrychange after pushState, replaceState and traversal.
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    const ctx = fakeContext();
    const moved = vi.fn();
    watchPage(ctx).onMoved(moved);
    setUrl(DETAIL_URL);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(moved).toHaveBeenCalledTimes(1);
    // A change of entry to the same URL (a state-only replaceState) is no move.
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(moved).toHaveBeenCalledTimes(1);
    ctx.invalidate();
    setUrl(LIST_URL);
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(moved).toHaveBeenCalledTimes(1);
  });

  it('draws the dispute bar when the page moves to a case, and removes it when it moves away', async () => {
    setUrl(LIST_URL);
    listOf(ids(1));
    const ctx = fakeContext();
    const changes = watchPage(ctx);
    let href = LIST_URL;
    stop = attachWatched(ctx, { deps: fakeDeps(), href: () => href, changes, near: fakeViewport().watch });
    await settle();
    expect(hosts('dispute-bar')).toHaveLength(0);
    // The page's own pushState to the case, then its render of it: nothing but the render says so.
    href = DISPUTE_URL;
    setUrl(DISPUTE_URL);
    document.body.append(document.createElement('div'));
    await settle();
    expect(hosts('dispute-bar')).toHaveLength(1);
    // Back to the list.
    href = LIST_URL;
    setUrl(LIST_URL);
    window.dispatchEvent(new Event('popstate'));
    await settle();
    expect(hosts('dispute-bar')).toHaveLength(0);
  });
});
