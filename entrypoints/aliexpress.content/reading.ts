import type { PageSnapshot } from '../../src/model/index.ts';
import {
  markSent,
  parseTapMessage,
  read,
  TAP_REPLAY,
  unsent,
  type JsonInput,
  type Sent,
} from '../../src/aliexpress/index.ts';

/** The parts of WXT's ContentScriptContext the reader uses, so tests can hand in their own. */
export interface ReadingContext {
  readonly isInvalid: boolean;
  setTimeout(handler: () => void, timeout?: number): number;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  onInvalidated(cb: () => void): () => void;
}

export interface ReadingDeps {
  read: typeof read;
  send: (snapshot: PageSnapshot) => Promise<unknown>;
  now: () => Date;
  /** Quiet time after the first change before reading: a render adds many cards in a burst. */
  delayMs: number;
  /** Work done ahead of a read in slices (see readAhead); true when nothing is left. */
  readAhead?: (doc: Document, url: string, enough: () => boolean) => boolean;
}

/** Longest slice of reading ahead per task: well under the 50 ms that makes a page feel stuck. */
const SLICE_MS = 8;

/** Tapped answers kept for merging with the DOM; older ones were sent already. */
const KEEP_ANSWERS = 50;

/**
 * Reads the page on start and again whenever it renders more (new cards, "View orders" appends,
 * URL changes without reload, a tapped answer), at most once per `delayMs`, and sends the
 * background only the orders, disputes and problems that changed since they were last sent.
 */
export function startReading(
  ctx: ReadingContext,
  win: Window & typeof globalThis,
  deps: ReadingDeps,
): { readNow: (whole?: boolean) => void; flush: () => Promise<void>; settled: () => Promise<void> } {
  const sent: Sent = new Map();
  const tapped: JsonInput[] = [];
  let scheduled = false;
  /** The last send, so `flush` can wait until the background has what the page shows. */
  let inFlight: Promise<unknown> = Promise.resolve();
  /** Resolves when the read now scheduled has run (and sent what it found). */
  let nextRead: { done: Promise<void>; resolve: () => void } | null = null;

  /** `whole`: read everything in this task (the shopper is waiting on it), without slicing ahead. */
  const readNow = (whole = false) => {
    scheduled = false;
    if (ctx.isInvalid) return;
    if (deps.readAhead && !whole) {
      const until = win.performance.now() + SLICE_MS;
      if (!deps.readAhead(win.document, win.location.href, () => win.performance.now() >= until)) {
        // More cards than one slice reads: the rest in the next task, then the read.
        scheduled = true;
        ctx.setTimeout(() => readNow(), 0);
        return;
      }
    }
    nextRead?.resolve();
    nextRead = null;
    const snapshot = deps.read(win.document, win.location.href, deps.now(), { tapped });
    const delta = unsent(snapshot, sent);
    if (!delta.snapshot) return;
    // Marked before the answer so a re-read while the message is in flight does not send it twice.
    const before = delta.entries.map(([key]) => [key, sent.get(key)] as const);
    markSent(sent, delta.entries);
    inFlight = deps.send(delta.snapshot);
    inFlight.catch(() => {
      // Not received (background asleep, extension reloaded): forget it was sent, so the next read retries.
      delta.entries.forEach(([key, print], i) => {
        if (sent.get(key) !== print) return;
        const old = before[i]![1];
        if (old === undefined) sent.delete(key);
        else sent.set(key, old);
      });
    });
  };

  // Not a trailing debounce: a page that keeps rendering would postpone the read forever.
  const schedule = () => {
    if (scheduled || ctx.isInvalid) return;
    scheduled = true;
    ctx.setTimeout(() => readNow(), deps.delayMs);
  };

  // Only added elements matter: countdowns ticking in place must not cause reads every second.
  const observer = new win.MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n.nodeType === 1))) schedule();
  });
  observer.observe(win.document.body ?? win.document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());

  ctx.addEventListener(win, 'wxt:locationchange', schedule);
  ctx.addEventListener(win, 'message', (event) => {
    const message = parseTapMessage(event as MessageEvent, win);
    if (!message) return;
    tapped.push({ json: message.json, api: message.api });
    if (tapped.length > KEEP_ANSWERS) tapped.shift();
    schedule();
  });
  win.postMessage({ source: TAP_REPLAY }, '*');
  schedule();

  /**
   * Reads now what the page shows and waits until the background has it: the helper asks the
   * background about an order the shopper may have clicked before the debounced read went out
   * (a card "View orders" added a moment ago). Messages are handled in the order they arrive.
   */
  const flush = async () => {
    readNow(true);
    await inFlight.catch(() => undefined);
  };
  /**
   * Waits for the read already scheduled and its send, without forcing one: for questions that can
   * wait for the debounced, sliced read (which cards get Start refund) rather than block the page.
   */
  const settled = async () => {
    if (scheduled) {
      if (!nextRead) {
        let resolve!: () => void;
        nextRead = { done: new Promise<void>((r) => (resolve = r)), resolve };
      }
      await nextRead.done;
    }
    await inFlight.catch(() => undefined);
  };

  return { readNow, flush, settled };
}
