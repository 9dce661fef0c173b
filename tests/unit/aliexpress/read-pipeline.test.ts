import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  startReading,
  type ReadingContext,
  type ReadingDeps,
} from '../../../entrypoints/aliexpress.content/reading.ts';
import type { PageReading, PageSnapshot } from '../../../src/model/index.ts';
import type { DomReader } from '../../../src/aliexpress/dom-reader.ts';
import { read, type AnswerRead } from '../../../src/aliexpress/read.ts';
import { readAnswer } from '../../../src/aliexpress/json/answer.ts';
import { TAP_MAX_CHARS, TAP_SOURCE } from '../../../src/aliexpress/tap-protocol.ts';
import { capture } from './json/fixtures.ts';
import { bareCard } from './bare-card.ts';
import { watchPage, type PageChanges } from '../../../src/inject/page-changes.ts';
import { letGoCards } from '../../../src/aliexpress/dom/order-list.ts';
import { useCardReader } from '../../../src/aliexpress/dom/index.ts';
import { readCards } from '../../../src/aliexpress/cards.ts';
import { FIXTURE_CLOCK, siteOrders } from '../../site/data.ts';
import { renderOrderListHtml } from '../../site/render.ts';

/** A context whose timers run only when the test says so, and which can be invalidated. */
function fakeContext() {
  const timers: { fn: () => void; ms: number | undefined }[] = [];
  const invalidated: (() => void)[] = [];
  const removers: (() => void)[] = [];
  const ctx: ReadingContext & { invalid: boolean } = {
    invalid: false,
    get isInvalid() {
      return this.invalid;
    },
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    addEventListener: (target, type, handler) => {
      target.addEventListener(type, handler);
      removers.push(() => target.removeEventListener(type, handler));
    },
    onInvalidated: (cb) => {
      invalidated.push(cb);
      return () => undefined;
    },
  };
  const runTimers = () => timers.splice(0).forEach((t) => t.fn());
  const invalidate = () => {
    ctx.invalid = true;
    invalidated.forEach((cb) => cb());
    removers.forEach((r) => r());
  };
  return { ctx, timers, runTimers, invalidate };
}

const card = (orderId: string) => ({
  orderId,
  status: 'shipped' as const,
  statusText: 'Awaiting delivery',
  placedAt: null,
  storeName: null,
  total: null,
  lines: [],
  actions: [],
  dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
});

/** The DOM reader stand-in: one order per `[data-order]` element of the page. */
const readDom: DomReader = (doc) => ({
  orders: [...doc.querySelectorAll('[data-order]')].map((el) => card(el.getAttribute('data-order')!)),
  disputes: [],
  problems: [],
});

function addCard(orderId: string) {
  const el = document.createElement('div');
  el.setAttribute('data-order', orderId);
  document.body.append(el);
}

const tick = () => new Promise((r) => setTimeout(r, 0));
/** Lets a failed send's promise chain run up to its next timer. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await tick();
};

/** Moves happy-dom's page to `url` without loading anything. */
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

const ORDER_LIST_API = 'mtop.aliexpress.trade.buyer.order.list';
const LIST_URL = 'https://www.aliexpress.com/p/order/index.html';
// The order of the real detail capture (its tradeOrderId in tests/fixtures/real/order-detail.json).
const DETAIL_URL = 'https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322';

/** A message as the tap posts it, or as page code can post it: both look the same. */
const tapEvent = (api: string, json: unknown) =>
  new MessageEvent('message', {
    data: { source: TAP_SOURCE, api, url: `https://acs.aliexpress.com/h5/${api}/1.0/`, json },
    source: window,
  });

function start(send: ReadingDeps['send'] = vi.fn(() => Promise.resolve({ accepted: true, changed: 1 }))) {
  const f = fakeContext();
  const spy = vi.fn(read);
  const deps: Omit<ReadingDeps, 'changes'> = {
    read: (input, url, readAt, options) => spy(input, url, readAt, { ...options, readDom }),
    send,
    now: () => new Date('2026-09-07T12:00:00Z'),
    delayMs: 300,
  };
  // The page watcher's additions are real (a MutationObserver on happy-dom's page); its moves are
  // the test's to make, as the Navigation API or popstate would tell them.
  const own = watchPage(f.ctx, window);
  const movers = new Set<() => void>();
  const changes: PageChanges = {
    onAdded: own.onAdded,
    onMoved: (listener) => (movers.add(listener), () => void movers.delete(listener)),
  };
  const reading = startReading(f.ctx, window, { ...deps, changes });
  const move = () => movers.forEach((m) => m());
  return { ...f, send, spy, deps, reading, move };
}

afterEach(() => {
  vi.restoreAllMocks();
  setUrl('about:blank');
  document.body.replaceChildren();
  document.documentElement.setAttribute('lang', 'en');
});

describe('the reading pipeline', () => {
  it('reads once after the delay on start and sends the orders', async () => {
    addCard('8214398062177351');
    const { timers, runTimers, send } = start();
    expect(timers.map((t) => t.ms)).toEqual([300]);
    runTimers();
    expect(send).toHaveBeenCalledTimes(1);
    expect((vi.mocked(send).mock.calls[0]![0] as PageSnapshot).orders.map((o) => o.orderId)).toEqual([
      '8214398062177351',
    ]);
  });

  it('reads a long page ahead a slice per task, then reads and sends once', async () => {
    addCard('8214398062177351');
    // The page's clock stands still, so a slice's 8 ms never run out while the test asserts on it
    // (a busy machine once took longer than that between starting a slice and asking).
    vi.spyOn(window.performance, 'now').mockReturnValue(1_000);
    const f = fakeContext();
    const send = vi.fn(() => Promise.resolve({ accepted: true, changed: 1 }));
    let slices = 0;
    const readAhead = vi.fn((_doc: Document, _url: string, enough: () => boolean) => {
      slices += 1;
      expect(enough()).toBe(false);
      return slices === 3;
    });
    const spy = vi.fn(read);
    startReading(f.ctx, window, {
      read: (input, url, readAt, options) => spy(input, url, readAt, { ...options, readDom }),
      readAhead,
      send,
      now: () => new Date('2026-09-07T12:00:00Z'),
      delayMs: 300,
      changes: watchPage(f.ctx, window),
    });
    f.runTimers();
    expect(f.timers.map((t) => t.ms)).toEqual([0]);
    expect(spy).not.toHaveBeenCalled();
    // Cards added while slicing do not schedule a second read.
    addCard('8214779947343229');
    await tick();
    expect(f.timers).toHaveLength(1);
    f.runTimers();
    f.runTimers();
    expect(readAhead).toHaveBeenCalledTimes(3);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect(f.timers).toHaveLength(0);
  });

  it('flushes on demand: a card added a moment ago reaches the background before flush resolves', async () => {
    // The helper asks about an order right after "View orders" added it, before the debounced read.
    addCard('8214398062177351');
    let delivered: string[] = [];
    let release!: () => void;
    const send = vi.fn(
      (snapshot: PageSnapshot) =>
        new Promise((resolve) => {
          release = () => {
            delivered = [...delivered, ...snapshot.orders.map((o) => o.orderId)];
            resolve({ accepted: true, changed: 1 });
          };
        }),
    );
    const { reading, timers } = start(send);
    addCard('8214779947343229');
    const flushed = reading.flush();
    let done = false;
    void flushed.then(() => (done = true));
    await tick();
    // Read at once, without waiting for the delay, and not resolved before the background answered.
    expect(send).toHaveBeenCalledTimes(1);
    expect(done).toBe(false);
    release();
    await flushed;
    expect(delivered).toEqual(['8214398062177351', '8214779947343229']);
    // The debounced read that was pending finds nothing new to send.
    timers.splice(0).forEach((t) => t.fn());
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('settles without forcing a read: it waits for the scheduled one and its answer', async () => {
    // Which cards get Start refund can wait for the debounced read; forcing one would block a long page.
    addCard('8214398062177351');
    let release!: () => void;
    const send = vi.fn(() => new Promise((resolve) => (release = () => resolve({ accepted: true, changed: 1 }))));
    const { reading, timers } = start(send);
    let done = false;
    void reading.settled().then(() => (done = true));
    await tick();
    expect(send).not.toHaveBeenCalled();
    expect(done).toBe(false);
    timers.splice(0).forEach((t) => t.fn());
    expect(send).toHaveBeenCalledTimes(1);
    await tick();
    expect(done).toBe(false);
    release();
    await tick();
    expect(done).toBe(true);
    // Nothing scheduled and nothing in flight: settled at once.
    let again = false;
    void reading.settled().then(() => (again = true));
    await tick();
    expect(again).toBe(true);
  });

  it('reads again when cards are added, and sends only the new one', async () => {
    addCard('8214398062177351');
    const { timers, runTimers, send } = start();
    runTimers();
    addCard('8214779947343229');
    await tick();
    expect(timers).toHaveLength(1);
    runTimers();
    expect(send).toHaveBeenCalledTimes(2);
    expect((vi.mocked(send).mock.calls[1]![0] as PageSnapshot).orders.map((o) => o.orderId)).toEqual([
      '8214779947343229',
    ]);
  });

  it('batches a burst of changes into one read and ignores text ticking in place', async () => {
    const { timers, runTimers, spy } = start();
    runTimers();
    const countdown = document.createElement('span');
    document.body.append(countdown);
    await tick();
    runTimers();
    const reads = spy.mock.calls.length;
    countdown.textContent = '4 days 23:12:11';
    countdown.firstChild!.nodeValue = '4 days 23:12:10';
    await tick();
    expect(timers).toHaveLength(0);
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('div'));
    await tick();
    expect(timers).toHaveLength(1);
    runTimers();
    expect(spy.mock.calls.length).toBe(reads + 1);
  });

  it("does not read again when only the extension's own elements come and go", async () => {
    // Hand-written hosts, as createShadowUi marks them (a Start button, the panel).
    const { timers, runTimers, spy } = start();
    runTimers();
    const reads = spy.mock.calls.length;
    const host = document.createElement('span');
    host.setAttribute('data-refund-radar-host', 'start');
    document.body.append(host);
    const panel = document.createElement('div');
    panel.setAttribute('data-refund-radar-host', 'panel');
    host.after(panel);
    await tick();
    panel.remove();
    host.remove();
    await tick();
    expect(timers).toHaveLength(0);
    // The page's own element beside ours still counts.
    const mine = document.createElement('span');
    mine.setAttribute('data-refund-radar-host', 'start');
    document.body.append(mine, document.createElement('div'));
    await tick();
    expect(timers).toHaveLength(1);
    runTimers();
    expect(spy.mock.calls.length).toBe(reads + 1);
  });

  it('tells watchers each reading once the background has it, and a late watcher the last one', async () => {
    addCard('8214398062177351');
    let received!: () => void;
    const send = vi.fn(() => new Promise<unknown>((resolve) => (received = () => resolve({ accepted: true }))));
    const { runTimers, reading, move } = start(send);
    const heard: Array<[string[], boolean]> = [];
    const unwatch = reading.watch((snapshot, stored) => heard.push([snapshot.orders.map((o) => o.orderId), stored]));
    runTimers();
    await tick();
    // Not before the background answered: the bar asks the store next, and must find the reading there.
    expect(heard).toEqual([]);
    received();
    await tick();
    expect(heard).toEqual([[['8214398062177351'], true]]);
    // A re-read with nothing new is heard too, as nothing the store lacks.
    move();
    runTimers();
    expect(heard.at(-1)).toEqual([['8214398062177351'], false]);
    const late: boolean[] = [];
    reading.watch((_snapshot, stored) => late.push(stored));
    await tick();
    expect(late).toEqual([true]);
    unwatch();
    move();
    runTimers();
    expect(heard).toHaveLength(2);
  });

  it("tells watchers the problems the background found in the page's cards, until a card is sent again without them", async () => {
    // My orders as the content script reads it: cards as text (a stand-in DOM reader, one card per
    // [data-order] element, its status from the element's text), read by the background.
    const cardsDom: DomReader = (doc) => ({
      orders: [],
      disputes: [],
      problems: [],
      cards: [...doc.querySelectorAll('[data-order]')].map((el) =>
        bareCard(el.getAttribute('data-order')!, el.textContent),
      ),
    });
    addCard('8214398062177351');
    document.querySelector('[data-order]')!.textContent = 'Awaiting teleportation';
    const unknown = { code: 'unknown-status', detail: 'Awaiting teleportation', orderId: '8214398062177351' };
    const send = vi
      .fn<ReadingDeps['send']>()
      .mockResolvedValueOnce({ accepted: true, changed: 1, problems: [unknown] })
      .mockResolvedValue({ accepted: true, changed: 1, problems: [] });
    const f = fakeContext();
    const reading = startReading(f.ctx, window, {
      read: (input, url, readAt, options) => read(input, url, readAt, { ...options, readDom: cardsDom }),
      send,
      now: () => new Date('2026-09-07T12:00:00Z'),
      delayMs: 300,
      changes: { onAdded: () => () => undefined, onMoved: () => () => undefined },
    });
    const heard: unknown[][] = [];
    reading.watch((snapshot) => heard.push(snapshot.problems));
    f.runTimers();
    await settle();
    expect((send.mock.calls[0]![0] as PageReading).cards!.items).toHaveLength(1);
    expect(heard).toEqual([[unknown]]);
    // The card now says something the background reads: its problem goes.
    document.querySelector('[data-order]')!.textContent = 'Awaiting delivery';
    reading.readNow(true);
    await settle();
    expect(send).toHaveBeenCalledTimes(2);
    expect(heard.at(-1)).toEqual([]);
  });

  it('sends nothing when a re-read finds nothing new', async () => {
    addCard('8214398062177351');
    const { runTimers, send, move } = start();
    runTimers();
    move();
    runTimers();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('merges a tapped answer and sends its orders, and ignores a forged message', async () => {
    setUrl(LIST_URL);
    const { timers, runTimers, send, spy } = start();
    runTimers();
    expect(send).not.toHaveBeenCalled();
    window.dispatchEvent(
      new MessageEvent('message', { data: { source: TAP_SOURCE, api: 'nope', url: 'x', json: {} }, source: window }),
    );
    expect(timers).toHaveLength(0);
    window.dispatchEvent(tapEvent(ORDER_LIST_API, capture('order-list-init')));
    expect(timers).toHaveLength(1);
    runTimers();
    expect(spy.mock.lastCall![3]!.tapped).toHaveLength(1);
    const sent = vi.mocked(send).mock.calls[0]![0] as PageSnapshot;
    expect(sent.orders).toHaveLength(10);
    expect(sent.orders.every((o) => o.statusVia === 'json')).toBe(true);
  });

  it('reads a tapped answer only on a page that asks for its API', async () => {
    // The real order list and detail captures, posted as page code could post them, on pages they do not belong to.
    for (const [url, api, json] of [
      ['https://www.aliexpress.com/', ORDER_LIST_API, capture('order-list-init')],
      ['https://campaign.aliexpress.com/p/order/index.html.bak', ORDER_LIST_API, capture('order-list-init')],
      [DETAIL_URL, ORDER_LIST_API, capture('order-list-init')],
      ['https://m.aliexpress.com/p/refund-dispute/list.html', ORDER_LIST_API, capture('order-list-init')],
      [LIST_URL, 'mtop.aliexpress.trade.buyer.order.detail', capture('order-detail')],
      [LIST_URL, 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer', capture('refund-list')],
    ] as const) {
      setUrl(url);
      const { runTimers, send } = start();
      window.dispatchEvent(tapEvent(api, json));
      runTimers();
      expect(send, `${api} on ${url}`).not.toHaveBeenCalled();
    }
    // The same detail answer on the order's own page is read.
    setUrl(DETAIL_URL);
    const { runTimers, send } = start();
    window.dispatchEvent(tapEvent('mtop.aliexpress.trade.buyer.order.detail', capture('order-detail')));
    runTimers();
    expect((vi.mocked(send).mock.calls[0]![0] as PageSnapshot).orders).toHaveLength(1);
  });

  it('has the background read tapped answers, merges them in the order the page got them, and keeps an oversized one here', async () => {
    setUrl(DETAIL_URL);
    const f = fakeContext();
    const send = vi.fn<ReadingDeps['send']>(() => Promise.resolve({ accepted: true, changed: 1 }));
    const spy = vi.fn(read);
    // The background's reading of each answer (json/answer.ts, as the tappedAnswer handler does it), answered
    // in the reverse order: the detail answer (posted first) waits for the logistics one.
    const readers: Array<() => void> = [];
    const readTapped = vi.fn(
      (answer: { api: string; json: unknown }) =>
        new Promise<AnswerRead>((resolve) =>
          readers.push(() => resolve(readAnswer(answer, { url: DETAIL_URL, locale: 'en', readAt: new Date() }))),
        ),
    );
    startReading(f.ctx, window, {
      read: (input, url, readAt, options) => spy(input, url, readAt, { ...options, readDom }),
      send,
      now: () => new Date('2026-09-07T12:00:00Z'),
      delayMs: 300,
      readTapped,
      changes: watchPage(f.ctx, window),
    });
    f.runTimers();
    window.dispatchEvent(tapEvent('mtop.aliexpress.trade.buyer.order.detail', capture('order-detail')));
    window.dispatchEvent(tapEvent('mtop.ae.ld.querydetail', capture('logistics-querydetail')));
    window.dispatchEvent(tapEvent('mtop.ae.ld.querydetail', { data: 'x'.repeat(TAP_MAX_CHARS) }));
    // The oversized answer is named at once, without a message; the others wait for the background.
    await settle();
    expect(readTapped).toHaveBeenCalledTimes(1);
    readers.shift()!();
    await settle();
    expect(readTapped).toHaveBeenCalledTimes(2);
    readers.shift()!();
    await settle();
    f.runTimers();
    const tapped = spy.mock.lastCall![3]!.tapped!;
    // Read elsewhere: the page hands read() what the background read, never the JSON itself.
    expect(tapped.map((a) => ('json' in a ? 'raw' : a.tooLarge ? 'too large' : a.api))).toEqual([
      'too large',
      'mtop.aliexpress.trade.buyer.order.detail',
      'mtop.ae.ld.querydetail',
    ]);
    const sent = send.mock.lastCall![0];
    expect(sent.orders.map((o) => o.orderId)).toEqual(['8212313961591322']);
    expect(sent.problems).toContainEqual({
      code: 'json-invalid',
      detail: `mtop.ae.ld.querydetail: over ${TAP_MAX_CHARS} chars`,
      orderId: null,
    });
  });

  it('drops an answer over the size cap unread and names it', async () => {
    setUrl(LIST_URL);
    const { runTimers, send } = start();
    // Written by hand: an "answer" of one string past the cap, as page code could post it.
    window.dispatchEvent(tapEvent(ORDER_LIST_API, { data: 'x'.repeat(TAP_MAX_CHARS) }));
    runTimers();
    const sent = vi.mocked(send).mock.calls[0]![0] as PageSnapshot;
    expect(sent.orders).toEqual([]);
    expect(sent.problems).toEqual([
      { code: 'json-invalid', detail: `${ORDER_LIST_API}: over ${TAP_MAX_CHARS} chars`, orderId: null },
    ]);
  });

  it('sends a snapshot the background did not take again, half a second and then a second later, until stored', async () => {
    addCard('8214398062177351');
    // The worker asleep twice (no answer), then the snapshot stored.
    const send = vi
      .fn<ReadingDeps['send']>()
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockRejectedValueOnce(Object.assign(new Error('store busy'), { code: 'failed' }))
      .mockResolvedValue({ accepted: true, changed: 1 });
    const { timers, runTimers, reading } = start(send);
    runTimers();
    await settle();
    expect(timers.map((t) => t.ms)).toEqual([500]);
    runTimers();
    await settle();
    expect(timers.map((t) => t.ms)).toEqual([1000]);
    runTimers();
    await settle();
    expect(send).toHaveBeenCalledTimes(3);
    expect(vi.mocked(send).mock.calls.map(([s]) => s)).toEqual(Array(3).fill(vi.mocked(send).mock.calls[0]![0]));
    expect(timers).toHaveLength(0);
    await reading.flush();
    // Stored: a later read finds nothing new to send.
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('does not send again what the background refused, but a later read does', async () => {
    addCard('8214398062177351');
    const send = vi.fn(() => Promise.reject(Object.assign(new Error('orders.0: bad'), { code: 'invalid-request' })));
    const { timers, runTimers, move } = start(send);
    runTimers();
    await settle();
    expect(timers).toHaveLength(0);
    expect(send).toHaveBeenCalledTimes(1);
    move();
    runTimers();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after a minute of failed tries, and a later read sends again', async () => {
    addCard('8214398062177351');
    const send = vi.fn(() => Promise.reject(new Error('Extension context invalidated')));
    const { timers, runTimers, move } = start(send);
    runTimers();
    const waits: number[] = [];
    for (let i = 0; i < 20; i++) {
      await settle();
      waits.push(...timers.map((t) => t.ms ?? 0));
      if (!timers.length) break;
      runTimers();
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16000, 28500]);
    expect(send).toHaveBeenCalledTimes(8);
    move();
    runTimers();
    expect(send).toHaveBeenCalledTimes(9);
  });

  it('stops reading once the context is invalidated', async () => {
    const { timers, runTimers, invalidate, spy, move } = start();
    runTimers();
    const reads = spy.mock.calls.length;
    invalidate();
    document.body.append(document.createElement('div'));
    move();
    await tick();
    expect(timers).toHaveLength(0);
    expect(spy.mock.calls.length).toBe(reads);
  });
});

/**
 * My orders as the content script reads it: cards as text, let go once the background stored them.
 * Input: the local stand-in's My orders page (tests/site/render.ts), read by the real order-list
 * reader; what is under test is which cards the pipeline sends, not what the reader makes of them.
 */
describe('cards the background stored', () => {
  beforeAll(() => useCardReader(null));
  afterAll(() => useCardReader(readCards));

  function showList(count: number): void {
    setUrl(LIST_URL);
    const html = renderOrderListHtml({ lang: 'en', clock: FIXTURE_CLOCK }, siteOrders(count));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  }

  function startList(send: ReadingDeps['send'], readTapped?: ReadingDeps['readTapped']) {
    const f = fakeContext();
    const spy = vi.fn(read);
    const reading = startReading(f.ctx, window, {
      read: spy,
      send,
      now: () => new Date('2026-09-07T12:00:00Z'),
      delayMs: 300,
      letGo: letGoCards,
      changes: watchPage(f.ctx, window),
      ...(readTapped && { readTapped }),
    });
    return { ...f, spy, reading };
  }

  const stored = () => vi.fn<ReadingDeps['send']>(() => Promise.resolve({ accepted: true, changed: 1 }));
  const cardsSent = (send: ReturnType<typeof stored>, call: number) => send.mock.calls[call]![0].cards?.items ?? [];

  it('sends each card once and reads no stored card again while it says the same; a changed one goes again', async () => {
    showList(3);
    const send = stored();
    const { runTimers, spy, reading } = startList(send);
    runTimers();
    await settle();
    const first = cardsSent(send, 0);
    expect(first).toHaveLength(3);
    await reading.flush();
    expect(send).toHaveBeenCalledTimes(1);
    // The read after the background stored them gives none of their cards: the page keeps no copy.
    expect(spy.mock.results.at(-1)!.value.cards.items).toEqual([]);
    const status = document.querySelectorAll('.order-item-header-status-text')[2]!;
    status.textContent = first[2]!.status === 'Completed' ? 'Awaiting delivery' : 'Completed';
    await reading.flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(cardsSent(send, 1)).toEqual([{ ...first[2], status: status.textContent }]);
  });

  it('sends a stored card again, whole, with its order when what the JSON says of that order changes', async () => {
    showList(3);
    const send = stored();
    const ids = siteOrders(3).map((o) => o.orderId);
    // The background's reading of a tapped order list that now says something of the second order.
    const readTapped = vi.fn(async (): Promise<AnswerRead> => ({
      api: ORDER_LIST_API,
      read: { orders: [card(ids[1]!)], disputes: [], locale: 'en', problems: [] },
    }));
    const { runTimers } = startList(send, readTapped);
    runTimers();
    await settle();
    const first = cardsSent(send, 0);
    expect(first.map((c) => c.orderId)).toEqual(ids);
    window.dispatchEvent(tapEvent(ORDER_LIST_API, { data: {} }));
    await settle();
    runTimers();
    await settle();
    expect(send).toHaveBeenCalledTimes(2);
    const second = send.mock.calls[1]![0];
    expect(second.orders.map((o) => o.orderId)).toEqual([ids[1]]);
    expect(second.cards?.items).toEqual([first[1]]);
  });

  it('keeps the texts of cards the background refused, and sends them again on the next read', async () => {
    showList(2);
    const send = vi
      .fn<ReadingDeps['send']>()
      .mockRejectedValueOnce(Object.assign(new Error('cards.0: bad'), { code: 'invalid-request' }))
      .mockResolvedValue({ accepted: true, changed: 2 });
    const { runTimers, reading } = startList(send);
    runTimers();
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
    await reading.flush();
    expect(send).toHaveBeenCalledTimes(2);
    expect(cardsSent(send, 1)).toEqual(cardsSent(send, 0));
    expect(cardsSent(send, 1)).toHaveLength(2);
  });
});
