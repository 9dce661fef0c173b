import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { installTap } from '../../src/aliexpress/tap.ts';
import {
  parseAnswerText,
  isTappedApi,
  parseTapMessage,
  TAP_KEEP,
  TAP_KEEP_PER_API,
  TAP_MAX_CHARS,
  TAP_SOURCE,
  tappedApiOf,
} from '../../src/aliexpress/tap-protocol.ts';
import { capturePath } from './aliexpress/json/fixtures.ts';

const LIST_URL = 'https://acs.aliexpress.com/h5/mtop.aliexpress.trade.buyer.order.list/1.0/?jsv=2.5.1&appKey=12574478';
const LIST_TEXT = readFileSync(capturePath('order-list-init'), 'utf8');

/** A stand-in page window: only what the tap touches, so every call into it can be observed. */
function fakeWindow(fetchImpl: (...args: unknown[]) => unknown) {
  const posted: unknown[] = [];
  const listeners: Record<string, (() => void)[]> = {};
  const win = {
    location: { href: 'https://www.aliexpress.com/p/order/index.html' },
    fetch: fetchImpl,
    // A class per window that defines open and send itself, as each browser window's own
    // XMLHttpRequest.prototype does: the tap patches them where they are defined, once.
    XMLHttpRequest: class extends FakeXhr {
      override open(...args: unknown[]) {
        return super.open(...args);
      }
      override send(...args: unknown[]) {
        return super.send(...args);
      }
    },
    postMessage: vi.fn((data: unknown) => posted.push(data)),
    document: { addEventListener: (type: string, fn: () => void) => (listeners[type] ??= []).push(fn) },
    addEventListener: (type: string, fn: () => void) => (listeners[type] ??= []).push(fn),
    lib: undefined as unknown,
  };
  const fire = (type: string) => listeners[type]?.forEach((fn) => fn());
  return { win, posted, fire };
}

class FakeXhr {
  static instances: FakeXhr[] = [];
  status = 0;
  responseType = '';
  responseText = '';
  response: unknown = null;
  opened: unknown[] = [];
  sent: unknown[] = [];
  private listeners: (() => void)[] = [];
  constructor() {
    FakeXhr.instances.push(this);
  }
  open(...args: unknown[]) {
    this.opened = args;
    return 'open-result';
  }
  send(...args: unknown[]) {
    this.sent = args;
    return 'send-result';
  }
  addEventListener(_type: string, fn: () => void) {
    this.listeners.push(fn);
  }
  finish(status: number, text: string) {
    this.status = status;
    this.responseText = text;
    this.listeners.forEach((fn) => fn());
  }
}

const flush = () => new Promise((r) => setTimeout(r, 10));
const install = (win: object) => installTap(win as unknown as Parameters<typeof installTap>[0]);

describe('the fetch tap', () => {
  it('gives the page the very same response and posts a copy of its text, parsed nowhere on the page', async () => {
    const response = new Response(LIST_TEXT, { status: 200 });
    const { win, posted } = fakeWindow(() => Promise.resolve(response));
    install(win);
    const got = (await (win.fetch as typeof fetch)(LIST_URL)) as Response;
    expect(got).toBe(response);
    expect(await got.text()).toBe(LIST_TEXT);
    await flush();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      source: TAP_SOURCE,
      api: 'mtop.aliexpress.trade.buyer.order.list',
      url: LIST_URL,
    });
    // The text as the page received it: the background parses it (json/answer.ts), off the page's thread.
    expect(posted[0]).toHaveProperty('json', LIST_TEXT);
  });

  it('posts the answers of a dispute page, whatever its API is called', async () => {
    // Written by hand: an API name the case page might call, and a small answer in JSONP padding.
    const url = 'https://acs.aliexpress.com/h5/mtop.aliexpress.issue.detail.get/1.0/?jsv=2.5.1';
    const text = 'mtopjsonp3({"data":{"issueId":6239649418962814}})';
    const { win, posted } = fakeWindow(() => Promise.resolve(new Response(text)));
    install(win);
    await (win.fetch as (u: string) => Promise<Response>)(url);
    await flush();
    expect(posted).toEqual([
      {
        source: TAP_SOURCE,
        api: 'mtop.aliexpress.issue.detail.get',
        url,
        json: text,
      },
    ]);
    // Where it is read, its 16-digit id stays exact, as a string.
    expect(parseAnswerText(text)).toEqual({ data: { issueId: '6239649418962814' } });
  });

  it('passes `this` and every argument through and leaves other URLs alone', async () => {
    const calls: { self: unknown; args: unknown[] }[] = [];
    const response = new Response('{"x":1}');
    const { win, posted } = fakeWindow(function (this: unknown, ...args: unknown[]) {
      calls.push({ self: this, args });
      return Promise.resolve(response);
    });
    install(win);
    const init = { method: 'POST', body: 'a=1' };
    const self = { marker: true };
    const result = (win.fetch as (...a: unknown[]) => Promise<Response>).call(
      self,
      'https://www.aliexpress.com/api/other',
      init,
    );
    expect(await result).toBe(response);
    expect(calls).toEqual([{ self, args: ['https://www.aliexpress.com/api/other', init] }]);
    expect(await response.text()).toBe('{"x":1}');
    await flush();
    expect(posted).toEqual([]);
  });

  it('throws the same error the page fetch throws, synchronously or as a rejection', async () => {
    const sync = new TypeError('Failed to construct');
    const { win } = fakeWindow(() => {
      throw sync;
    });
    install(win);
    expect(() => (win.fetch as (u: string) => unknown)(LIST_URL)).toThrow(sync);

    const rejected = new TypeError('Failed to fetch');
    const other = fakeWindow(() => Promise.reject(rejected));
    install(other.win);
    await expect((other.win.fetch as (u: string) => Promise<unknown>)(LIST_URL)).rejects.toBe(rejected);
    await flush();
    expect(other.posted).toEqual([]);
  });

  it('posts nothing for an error status or a body that is not JSON', async () => {
    const { win, posted } = fakeWindow(() => Promise.resolve(new Response('oops', { status: 500 })));
    install(win);
    await (win.fetch as (u: string) => Promise<Response>)(LIST_URL);
    const plain = fakeWindow(() => Promise.resolve(new Response('<html>not json</html>')));
    install(plain.win);
    await (plain.win.fetch as (u: string) => Promise<Response>)(LIST_URL);
    await flush();
    expect([...posted, ...plain.posted]).toEqual([]);
  });

  it('wraps only once however often it is installed', () => {
    const { win } = fakeWindow(() => Promise.resolve(new Response('')));
    install(win);
    const once = win.fetch;
    install(win);
    expect(win.fetch).toBe(once);
  });
});

describe('the XMLHttpRequest tap', () => {
  it('passes open and send through with their results and posts a matching answer', () => {
    const { win, posted } = fakeWindow(() => undefined);
    install(win);
    const xhr = new (win.XMLHttpRequest as unknown as new () => FakeXhr)();
    expect(xhr.open('GET', LIST_URL, true)).toBe('open-result');
    expect(xhr.send(null)).toBe('send-result');
    expect(xhr.opened).toEqual(['GET', LIST_URL, true]);
    expect(xhr.sent).toEqual([null]);
    xhr.finish(200, LIST_TEXT);
    expect(xhr.responseText).toBe(LIST_TEXT);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ source: TAP_SOURCE, api: 'mtop.aliexpress.trade.buyer.order.list' });
    expect(posted[0]).toHaveProperty('json', LIST_TEXT);
  });

  it('ignores other URLs', () => {
    const { win, posted } = fakeWindow(() => undefined);
    install(win);
    const xhr = new (win.XMLHttpRequest as unknown as new () => FakeXhr)();
    xhr.open('GET', '/p/order/index.html');
    xhr.send();
    xhr.finish(200, '{"a":1}');
    expect(posted).toEqual([]);
  });
});

describe('the lib.mtop.request tap', () => {
  it('wraps mtop once the page defines it and passes its result through', async () => {
    const answer = JSON.parse(LIST_TEXT) as unknown;
    const { win, posted, fire } = fakeWindow(() => undefined);
    install(win);
    const promise = Promise.resolve(answer);
    const original = vi.fn(() => promise);
    win.lib = { mtop: { request: original } };
    fire('DOMContentLoaded');
    const lib = win.lib as { mtop: { request: (o: unknown) => unknown } };
    expect(lib.mtop.request).not.toBe(original);
    const options = { api: 'mtop.aliexpress.trade.buyer.order.list', v: '1.0' };
    expect(lib.mtop.request(options)).toBe(promise);
    expect(original).toHaveBeenCalledWith(options);
    await flush();
    expect(posted).toEqual([
      {
        source: TAP_SOURCE,
        api: 'mtop.aliexpress.trade.buyer.order.list',
        url: 'mtop:mtop.aliexpress.trade.buyer.order.list',
        json: answer,
      },
    ]);
  });
});

describe('parseTapMessage on the isolated side', () => {
  const good = {
    source: TAP_SOURCE,
    api: 'mtop.aliexpress.trade.buyer.order.detail',
    url: LIST_URL,
    json: { data: {} },
  };

  it('accepts the tap message from this window', () => {
    expect(parseTapMessage({ data: good, source: window }, window)).toEqual(good);
    const dispute = { ...good, api: 'mtop.ae.reverse.order.detail' };
    expect(parseTapMessage({ data: dispute, source: window }, window)).toEqual(dispute);
  });

  it('ignores garbage, other windows and other APIs', () => {
    const garbage: unknown[] = [
      null,
      'refund-radar-tap',
      42,
      [],
      { source: 'someone-else', api: good.api, url: good.url, json: {} },
      { ...good, api: 'mtop.aliexpress.member.info' },
      { ...good, api: `mtop.aliexpress.issue.${'x'.repeat(200)}` },
      { ...good, api: 'MTOP.ALIEXPRESS.ISSUE.DETAIL' },
      { ...good, api: 'issue.detail' },
      { ...good, api: 7 },
      { ...good, url: 7 },
      { ...good, url: 'x'.repeat(5000) },
      { source: TAP_SOURCE, api: good.api, url: good.url },
    ];
    for (const data of garbage)
      expect(parseTapMessage({ data, source: window }, window), JSON.stringify(data)?.slice(0, 80)).toBeNull();
    expect(parseTapMessage({ data: good, source: null }, window)).toBeNull();
    expect(parseTapMessage({ data: good, source: {} as Window }, window)).toBeNull();
  });

  it('drops an answer over the size cap unread, or one that never ends, and says so', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    // Written by hand: a million numbers, over the cap only once counted (no one string is long).
    const wide = new Array<number>(1_000_000).fill(7);
    for (const json of ['x'.repeat(TAP_MAX_CHARS + 1), cyclic, wide, { a: { b: ['y'.repeat(TAP_MAX_CHARS)] } }])
      expect(parseTapMessage({ data: { ...good, json }, source: window }, window)).toEqual({
        ...good,
        json: null,
        tooLarge: true,
      });
    expect(
      parseTapMessage({ data: { ...good, json: ['x'.repeat(TAP_MAX_CHARS - 100)] }, source: window }, window),
    ).not.toHaveProperty('tooLarge');
  });

  it('ignores a message whose answer throws when read', () => {
    const hostile = {
      get data() {
        throw new Error('no');
      },
    };
    expect(parseTapMessage({ data: { ...good, json: hostile }, source: window }, window)).toBeNull();
  });
});

describe('tap helpers', () => {
  it('knows the APIs from their request URLs', () => {
    expect(tappedApiOf(LIST_URL)).toBe('mtop.aliexpress.trade.buyer.order.list');
    expect(tappedApiOf('https://acs.aliexpress.com/h5/MTOP.ALIEXPRESS.TRADE.BUYER.ORDER.DETAIL/1.0/')).toBe(
      'mtop.aliexpress.trade.buyer.order.detail',
    );
    expect(tappedApiOf('https://acs.aliexpress.com/h5/mtop.ae.ld.querydetail/1.0/')).toBe('mtop.ae.ld.querydetail');
    expect(tappedApiOf('https://acs.aliexpress.com/h5/mtop.aliexpress.member.info/1.0/')).toBeNull();
    expect(tappedApiOf('https://www.aliexpress.com/p/order/index.html')).toBeNull();
  });

  it('knows dispute, refund, return, issue and buyer order APIs by their names', () => {
    const h5 = (api: string) => `https://acs.aliexpress.com/h5/${api}/1.0/?jsv=2.5.1`;
    for (const api of [
      'mtop.aliexpress.issue.detail.get',
      'mtop.ae.reverse.order.detail',
      'mtop.aliexpress.buyer.dispute.query',
      'mtop.aliexpress.refund.amount.query',
      'mtop.aliexpress.trade.buyer.order.count',
      'mtop.ae.aftersale.case.get',
      'mtop.ae.after.sale.case.get',
    ]) {
      expect(tappedApiOf(h5(api)), api).toBe(api);
      expect(isTappedApi(api), api).toBe(true);
    }
    expect(tappedApiOf(h5('MTOP.AE.REVERSE.ORDER.DETAIL'))).toBe('mtop.ae.reverse.order.detail');
    for (const api of ['mtop.aliexpress.cart.list', 'mtop.aliexpress.member.info', 'mtop.ae.seller.store.info']) {
      expect(tappedApiOf(h5(api)), api).toBeNull();
      expect(isTappedApi(api), api).toBe(false);
    }
    expect(tappedApiOf(h5(`mtop.aliexpress.issue.${'x'.repeat(200)}`))).toBeNull();
  });

  it('keeps ids beyond 2^53 exact, unwraps JSONP, and leaves digits inside strings alone', () => {
    expect(parseAnswerText('{"orderId":8212313961591322123,"n":5}')).toEqual({ orderId: '8212313961591322123', n: 5 });
    expect(parseAnswerText('mtopjsonp3({"ids":[1234567890123456789, 7]})')).toEqual({
      ids: ['1234567890123456789', 7],
    });
    expect(parseAnswerText('{"t":"a:1234567890123456789}","n":1}')).toEqual({ t: 'a:1234567890123456789}', n: 1 });
    expect(parseAnswerText('<html>')).toBeUndefined();
  });
});

describe('the replay for a late content script', () => {
  it('posts the kept answers again when asked from the same window only', async () => {
    const response = () => Promise.resolve(new Response(LIST_TEXT));
    const { win, posted } = fakeWindow(response);
    const handlers: ((e: { source: unknown; data: unknown }) => void)[] = [];
    (win as { addEventListener: unknown }).addEventListener = (type: string, fn: never) => {
      if (type === 'message') handlers.push(fn);
    };
    install(win);
    await (win.fetch as (u: string) => Promise<Response>)(LIST_URL);
    await flush();
    expect(posted).toHaveLength(1);
    handlers.forEach((h) => h({ source: {}, data: { source: 'refund-radar-tap-replay' } }));
    handlers.forEach((h) => h({ source: win, data: { source: 'something-else' } }));
    expect(posted).toHaveLength(1);
    handlers.forEach((h) => h({ source: win, data: { source: 'refund-radar-tap-replay' } }));
    expect(posted).toHaveLength(2);
    expect(posted[1]).toBe(posted[0]);
  });

  it('keeps at most TAP_KEEP answers and TAP_KEEP_PER_API of one API, newest first to stay', async () => {
    // Written by hand: a case page polling its status 30 times after the order list arrived.
    const poll = 'https://acs.aliexpress.com/h5/mtop.aliexpress.issue.status.get/1.0/';
    const other = (i: number) => `https://acs.aliexpress.com/h5/mtop.aliexpress.refund.q${i}/1.0/`;
    const { win, posted } = fakeWindow((url: unknown) =>
      Promise.resolve(new Response(url === LIST_URL ? LIST_TEXT : `{"n":${posted.length}}`)),
    );
    const handlers: ((e: { source: unknown; data: unknown }) => void)[] = [];
    (win as { addEventListener: unknown }).addEventListener = (type: string, fn: never) => {
      if (type === 'message') handlers.push(fn);
    };
    install(win);
    const fetch = win.fetch as (u: string) => Promise<Response>;
    await fetch(LIST_URL);
    await flush();
    for (let i = 0; i < 30; i++) {
      await fetch(poll);
      await flush();
    }
    const before = posted.length;
    handlers.forEach((h) => h({ source: win, data: { source: 'refund-radar-tap-replay' } }));
    const replayed = posted.slice(before) as { api: string; json: unknown }[];
    expect(replayed.map((m) => m.api)).toEqual([
      'mtop.aliexpress.trade.buyer.order.list',
      ...Array<string>(TAP_KEEP_PER_API).fill('mtop.aliexpress.issue.status.get'),
    ]);
    expect(replayed.at(-1)).toBe(posted[before - 1]);

    for (let i = 0; i < TAP_KEEP + 5; i++) {
      await fetch(other(i));
      await flush();
    }
    const again = posted.length;
    handlers.forEach((h) => h({ source: win, data: { source: 'refund-radar-tap-replay' } }));
    expect(posted.length - again).toBe(TAP_KEEP);
    expect(posted.at(-1)).toBe(posted[again - 1]);
  });
});

describe('what the page can see of the tap', () => {
  it('leaves no marker: fetch and XMLHttpRequest wrapped, yet printing, naming and listing as before', () => {
    const proto = window.XMLHttpRequest.prototype;
    const look = () => ({
      fetch: Function.prototype.toString.call(window.fetch),
      fetchCalled: `${window.fetch}`,
      open: proto.open.toString(),
      send: Function.prototype.toString.call(proto.send),
      toString: Function.prototype.toString.toString(),
      names: [window.fetch.name, window.fetch.length, proto.open.name, proto.open.length, proto.send.length],
      own: [Reflect.ownKeys(window.fetch), Reflect.ownKeys(proto.open), Reflect.ownKeys(proto)].map((k) =>
        k.map(String),
      ),
      html: [...document.documentElement.attributes].map((a) => a.name),
    });
    const before = look();
    const fetchBefore = window.fetch;
    const sendBefore = proto.send;
    installTap(window as Parameters<typeof installTap>[0]);
    expect(window.fetch).not.toBe(fetchBefore);
    expect(proto.send).not.toBe(sendBefore);
    expect(look()).toEqual(before);
    expect(Object.getOwnPropertySymbols(window.fetch)).toEqual([]);
    // toString still refuses what it always refused.
    expect(() => Function.prototype.toString.call({})).toThrow(TypeError);
  });
});

describe('parseAnswerText on text a page could send', () => {
  const callback = fc.stringMatching(/^[\w$.]{1,12}$/);
  const blank = fc.stringMatching(/^[ \t\n]{0,6}$/);

  it('unwraps JSONP around any JSON, whatever the callback and the blanks', () => {
    fc.assert(
      fc.property(fc.jsonValue(), callback, blank, blank, fc.boolean(), (value, cb, outer, inner, semicolon) => {
        const json = JSON.stringify(value);
        const text = `${outer}${cb}(${inner}${json}${inner})${semicolon ? ';' : ''}${outer}`;
        expect(parseAnswerText(text)).toEqual(parseAnswerText(json));
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('never throws on random prefixes and suffixes, and reads only what is JSON or JSONP', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.jsonValue(),
        fc.string({ maxLength: 40 }),
        (before, value, after) => {
          const json = JSON.stringify(value);
          const got = parseAnswerText(`${before}${json}${after}`);
          if (got === undefined) return;
          // Whatever it read parses as JSON once its padding is gone.
          expect(() => JSON.stringify(got)).not.toThrow();
        },
      ),
      { seed: 20261202, numRuns: 500 },
    );
  });

  it('gets through shapes that make a backtracking pattern take seconds, and 100 texts of 100 KB', () => {
    // Written by hand: the shapes that cost the old pattern 40 s (`cb(` and 4,000 spaces), at 25 times the length.
    const n = 100_000;
    const shapes = [
      `cb(${' '.repeat(4_000)}`,
      `cb(${' '.repeat(n)}`,
      `cb(${' '.repeat(n)})${' '.repeat(n)}x`,
      `${'a'.repeat(n)}(`,
      `${'('.repeat(n)}`,
      `cb(${')'.repeat(n)}`,
      `cb({"a":1})${' ;'.repeat(n)}`,
      `:${' '.repeat(n)}x`,
      `[${'1'.repeat(n)}${' '.repeat(n)}x`,
      `${', '.repeat(n)}1234567890123456`,
    ];
    for (const text of shapes) expect(parseAnswerText(text)).toBeUndefined();
    expect(parseAnswerText(`cb(${' '.repeat(n)}{"orderId":8212313961591322123}${' '.repeat(n)});`)).toEqual({
      orderId: '8212313961591322123',
    });
    // Generated: 100 texts of 100 KB from the characters that matter to the unwrapping and to the id rewrite.
    const pieces = fc.constantFrom(
      'cb',
      '(',
      ')',
      ' ',
      ';',
      ':',
      ',',
      '[',
      ']',
      '{',
      '}',
      '"',
      '1234567890123456',
      '-',
    );
    const texts = fc.sample(fc.array(pieces, { minLength: 20_000, maxLength: 20_000 }), {
      seed: 20261202,
      numRuns: 100,
    });
    for (const parts of texts) {
      const text = parts.join('').padEnd(n, ' ').slice(0, n);
      expect(() => parseAnswerText(text)).not.toThrow();
    }
  }, 5_000);
});
