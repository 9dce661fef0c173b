import {
  looksLikeAnswer,
  TAP_KEEP,
  TAP_KEEP_PER_API,
  TAP_MAX_CHARS,
  TAP_REPLAY,
  TAP_SOURCE,
  tappedApiOf,
  type TapMessage,
} from './tap-protocol.ts';

/**
 * Runs in the page's own world at document_start. It must be invisible to the page: every wrapper
 * calls the original with the same `this` and arguments and returns its result untouched; the
 * copy it reads is a clone; anything that goes wrong in here is swallowed, never thrown into the page.
 * Anti-bot scripts look for wrapped functions and answer with verification sliders, so a wrapper
 * also looks like the original: no marker on it or on the page, and the original's `toString`.
 */

type TapWindow = Window & typeof globalThis & { lib?: { mtop?: { request?: unknown } } };

/** Each of our wrappers and the function it stands for; also how the tap knows it wrapped something already. */
const originals = new WeakMap<object, object>();

type Apply = (original: (...args: unknown[]) => unknown, self: unknown, args: unknown[]) => unknown;

/**
 * Replaces the function `key` names with a Proxy that calls `apply`, on the object that defines it
 * (a prototype, for XMLHttpRequest's methods), so no new property appears. The Proxy keeps the
 * original's name, length and properties (a function wrapper would have its own, and a
 * `prototype`), and `toString` prints the original's source for it. Once only.
 */
function wrap(target: object | null, key: string, apply: Apply) {
  while (target && !Object.hasOwn(target, key)) target = Object.getPrototypeOf(target) as object | null;
  const holder = target as Record<string, unknown> | null;
  const original = holder?.[key];
  if (typeof original !== 'function' || originals.has(original)) return;
  const proxy = new Proxy(original, { apply });
  originals.set(proxy, original);
  holder![key] = proxy;
}

/** Answers already posted, for the isolated script that starts after the first ones arrived. */
const kept = new WeakMap<TapWindow, TapMessage[]>();

function deliver(win: TapWindow, message: TapMessage) {
  try {
    win.postMessage(message, '*');
  } catch {
    // An answer that cannot be cloned is one we cannot read; the page never notices.
  }
}

/** Posts an answer: its text, or the object the page had it as (TapMessage). */
function post(win: TapWindow, api: string, url: string, json: unknown) {
  if (json === undefined || json === null || (typeof json !== 'object' && typeof json !== 'string')) return;
  const message: TapMessage = { source: TAP_SOURCE, api, url, json };
  const list = kept.get(win);
  if (list) keep(list, message);
  deliver(win, message);
}

/** Keeps the newest answers, at most TAP_KEEP_PER_API of one API and TAP_KEEP in all. */
function keep(list: TapMessage[], message: TapMessage) {
  list.push(message);
  const sameApi = list.filter((m) => m.api === message.api);
  if (sameApi.length > TAP_KEEP_PER_API) list.splice(list.indexOf(sameApi[0]!), 1);
  if (list.length > TAP_KEEP) list.shift();
}

/** Passes the text on as it came: parsing it here cost the page's own thread, and the clone of the object more. */
function postText(win: TapWindow, api: string, url: string, text: unknown) {
  if (typeof text !== 'string' || text.length > TAP_MAX_CHARS || !looksLikeAnswer(text)) return;
  post(win, api, url, text);
}

function urlOf(input: unknown, base: string): string | null {
  try {
    if (typeof input === 'string' || input instanceof URL) return new URL(input, base).href;
    if (input && typeof input === 'object' && 'url' in input && typeof input.url === 'string') return input.url;
  } catch {
    // A URL the page's own fetch will reject; nothing to tap.
  }
  return null;
}

function wrapFetch(win: TapWindow) {
  wrap(win, 'fetch', (fetch, self, args) => {
    const result = Reflect.apply(fetch, self, args) as ReturnType<typeof win.fetch>;
    try {
      const url = urlOf(args[0], win.location.href);
      const api = url ? tappedApiOf(url) : null;
      if (api && url && result && typeof result.then === 'function') {
        // Registered before the page can await the promise, so the clone is taken before the page reads the body.
        result.then(
          (response) => {
            try {
              if (!response.ok) return;
              response
                .clone()
                .text()
                .then(
                  (text) => postText(win, api, url, text),
                  () => undefined,
                );
            } catch {
              // The body was already used or cannot be cloned.
            }
          },
          () => undefined,
        );
      }
    } catch {
      // Never let the tap change what the page's fetch does.
    }
    return result;
  });
}

function wrapXhr(win: TapWindow) {
  const proto = win.XMLHttpRequest?.prototype;
  if (!proto) return;
  const urls = new WeakMap<object, string>();
  wrap(proto, 'open', (open, xhr, args) => {
    try {
      const url = urlOf(args[1], win.location.href);
      if (url) urls.set(xhr as object, url);
    } catch {
      // Recording the URL is ours; opening the request is the page's and happens regardless.
    }
    return Reflect.apply(open, xhr, args);
  });
  wrap(proto, 'send', (send, self, args) => {
    const xhr = self as XMLHttpRequest;
    try {
      const url = urls.get(xhr);
      const api = url ? tappedApiOf(url) : null;
      if (api && url) {
        xhr.addEventListener('load', () => {
          try {
            if (xhr.status < 200 || xhr.status >= 300) return;
            if (xhr.responseType === '' || xhr.responseType === 'text') postText(win, api, url, xhr.responseText);
            else if (xhr.responseType === 'json') post(win, api, url, xhr.response);
          } catch {
            // The page set a response type we do not read.
          }
        });
      }
    } catch {
      // As above: the page's send must happen exactly as it would have.
    }
    return Reflect.apply(send, xhr, args);
  });
}

/**
 * `lib.mtop.request` may use JSONP, which neither fetch nor XHR sees; its promise resolves to the
 * parsed answer. It only exists once the page's scripts ran, so this is tried again later.
 */
export function wrapMtop(win: TapWindow) {
  try {
    const mtop = win.lib?.mtop;
    if (mtop)
      wrap(mtop, 'request', (request, self, args) => {
        const result: unknown = Reflect.apply(request, self, args);
        try {
          const options = args[0] as { api?: unknown } | undefined;
          const api = typeof options?.api === 'string' ? tappedApiOf(`/h5/${options.api}/1.0/`) : null;
          if (api && result && typeof (result as Promise<unknown>).then === 'function') {
            (result as Promise<unknown>).then(
              (answer) => post(win, api, `mtop:${api}`, answer),
              () => undefined,
            );
          }
        } catch {
          // The page's request goes on whatever happened here.
        }
        return result;
      });
  } catch {
    // A frozen or exotic lib object: leave it alone.
  }
}

export function installTap(win: TapWindow) {
  try {
    // Every wrapper's `toString` answers with its original's; this one's too.
    wrap(Function.prototype, 'toString', (toString, self, args) =>
      Reflect.apply(toString, originals.get(self as object) ?? self, args),
    );
    wrapFetch(win);
    wrapXhr(win);
    wrapMtop(win);
    if (!kept.has(win)) {
      kept.set(win, []);
      win.addEventListener('message', (event: MessageEvent) => {
        try {
          if (event.source !== win || (event.data as { source?: unknown } | null)?.source !== TAP_REPLAY) return;
          for (const message of kept.get(win) ?? []) deliver(win, message);
        } catch {
          // Someone else's message with a hostile getter: not ours to handle.
        }
      });
    }
    const later = () => wrapMtop(win);
    win.document?.addEventListener('DOMContentLoaded', later, { once: true });
    win.addEventListener('load', later, { once: true });
  } catch {
    // Installing is best effort; the page must load either way.
  }
}
