import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { startReading, type ReadingContext } from '../../../entrypoints/aliexpress.content/reading.ts';
import { detectPage } from '../../../src/aliexpress/detect.ts';
import { DETECTOR_EXAMPLES, otherExamples } from '../../../src/aliexpress/detect-examples.ts';
import { read } from '../../../src/aliexpress/read.ts';
import { watchPage } from '../../../src/inject/page-changes.ts';
import { TAP_SOURCE } from '../../../src/aliexpress/tap-protocol.ts';
import { checkSnapshot, SnapshotArrival, type PageKind, type PageSnapshot } from '../../../src/model/index.ts';
import { capture } from './json/fixtures.ts';

const ORDER_LIST = 'mtop.aliexpress.trade.buyer.order.list';
const ORDER_DETAIL = 'mtop.aliexpress.trade.buyer.order.detail';
const REFUND_LIST = 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer';
const LOGISTICS = 'mtop.ae.ld.querydetail';
const CASE = 'mtop.aliexpress.issue.detail.get';

/**
 * Which pages ask for which answers, written out here rather than taken from the code under test:
 * My orders its list, an order's page and its tracking page the order's detail and parcel, the
 * dispute pages the dispute and refund answers (known by the words in their names).
 */
function mayRead(kind: PageKind, api: string): boolean {
  if (api === ORDER_LIST) return kind === 'order-list';
  if (api === ORDER_DETAIL || api === LOGISTICS) return kind === 'order-detail' || kind === 'tracking';
  return ['dispute-list', 'dispute-detail', 'refund-start', 'refund-amount'].includes(kind);
}

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);

/** The content script's reading with its tap intake, on one page, driven by hand so that anything thrown surfaces here. */
function pipeline(url: string) {
  setUrl(url);
  const handlers: ((event: Event) => void)[] = [];
  const timers: (() => void)[] = [];
  const onInvalid: (() => void)[] = [];
  let invalid = false;
  const ctx: ReadingContext = {
    get isInvalid() {
      return invalid;
    },
    setTimeout: (fn) => timers.push(fn),
    addEventListener: (_target, type, handler) => void (type === 'message' && handlers.push(handler)),
    onInvalidated: (cb) => {
      onInvalid.push(cb);
      return () => undefined;
    },
  };
  const sent: PageSnapshot[] = [];
  startReading(ctx, window, {
    read,
    send: (snapshot) => {
      sent.push(snapshot);
      return Promise.resolve({ accepted: true, changed: 1 });
    },
    now: () => new Date('2026-09-07T12:00:00Z'),
    delayMs: 300,
    changes: watchPage(ctx, window),
  });
  return {
    sent,
    post(data: unknown) {
      const event = new MessageEvent('message', { data: data as object, source: window });
      handlers.forEach((h) => h(event));
      timers.splice(0).forEach((fn) => fn());
    },
    close() {
      invalid = true;
      onInvalid.forEach((cb) => cb());
    },
  };
}

// Real captures (tests/fixtures/real/) and, written by hand, a case answer naming its line.
const ANSWERS = [
  capture('order-list-init'),
  capture('order-detail'),
  capture('refund-list'),
  capture('logistics-querydetail'),
  {
    data: {
      module: {
        tradeOrderLineId: '8100009876553128',
        gmtCreate: '1788000000000',
        reverseStatusText: 'Refund complete',
      },
    },
  },
];

// Generated: forged tap messages, mostly well formed, with any API name on any page.
const api = fc.oneof(
  fc.constantFrom(ORDER_LIST, ORDER_DETAIL, REFUND_LIST, LOGISTICS, CASE, 'mtop.ae.reverse.order.detail'),
  fc.constantFrom('mtop.aliexpress.trade.buyer.order.count', 'mtop.aliexpress.member.info', '__proto__', 'constructor'),
  fc.stringMatching(/^mtop\.[a-z.]{1,30}$/),
  fc.string({ maxLength: 20 }),
);
const json = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ANSWERS) },
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 3 }),
);
const message = fc.oneof(
  { weight: 8, arbitrary: fc.record({ source: fc.constant(TAP_SOURCE), api, url: fc.string(), json }) },
  fc.record({ source: fc.string(), api, url: fc.string(), json }),
  fc.anything({ maxDepth: 2 }),
);
const page = fc.constantFrom(
  ...Object.values(DETECTOR_EXAMPLES).flat(),
  ...otherExamples.filter((u) => URL.canParse(u)),
  'https://campaign.aliexpress.com/',
  'https://sale.aliexpress.com/__pc/landing.htm',
);

describe('forged tap messages', () => {
  afterAll(() => setUrl('about:blank'));

  it('never make an order or dispute on a page that does not ask for their API, nor throw (10,000 runs)', () => {
    let read = 0;
    fc.assert(
      fc.property(page, message, (url, data) => {
        const p = pipeline(url);
        try {
          p.post(data);
        } finally {
          p.close();
        }
        const kind = detectPage(url);
        const api = (data as { api?: unknown } | null)?.api;
        for (const snapshot of p.sent) {
          const items = [...snapshot.orders, ...snapshot.disputes];
          if (!items.length) continue;
          // Nothing is on the page itself: every item came from the message.
          expect(kind).not.toBe('other');
          expect(typeof api === 'string' && mayRead(kind, api.toLowerCase()), `${String(api)} on ${url}`).toBe(true);
          for (const item of items) expect(item.statusVia).toBe('json');
          const arrival = SnapshotArrival.safeParse(snapshot);
          expect(arrival.success).toBe(true);
          checkSnapshot(arrival.data!);
          read += 1;
        }
      }),
      { seed: 20261202, numRuns: 10_000 },
    );
    // The forgeries a page's own API may bring were read: the test saw both sides.
    expect(read).toBeGreaterThan(50);
  }, 240_000);
});
