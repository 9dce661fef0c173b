import type { OrderCard, PageReading, PageSnapshot, Problem } from '../../src/model/index.ts';
import {
  fingerprint,
  heldCardsOf,
  holdSent,
  markSent,
  parseTapMessage,
  read,
  TAP_REPLAY,
  unsent,
  type AnswerRead,
  type JsonInput,
  type Sent,
} from '../../src/aliexpress/index.ts';
import type { PageChanges } from '../../src/inject/page-changes.ts';
import type { PageContext } from '../../src/platform/content-context.ts';
import { untilAnswered } from '../../src/platform/retry.ts';

/** The content script's context (src/platform/content-context.ts), which tests hand in their own of. */
export type ReadingContext = PageContext;

export interface ReadingDeps {
  read: typeof read;
  /** Answers what the background found unclear in the snapshot's cards (`problems`), as the `snapshot` message does. */
  send: (snapshot: PageReading) => Promise<unknown>;
  now: () => Date;
  /** Quiet time after the first change before reading: a render adds many cards in a burst. */
  delayMs: number;
  /** Work done ahead of a read in slices (see readAhead); true when nothing is left. */
  readAhead?: (doc: Document, url: string, enough: () => boolean) => boolean;
  /** The content script's one MutationObserver, shared with the helper (src/inject/page-changes.ts). */
  changes: PageChanges;
  /**
   * Reads a tapped answer elsewhere (the background: the JSON readers are not on the page). Without
   * it, read() reads the raw answers itself with the plugged-in reader (tests, tools).
   */
  readTapped?: (answer: { api: string; json: unknown }) => Promise<AnswerRead>;
  /**
   * Lets the reader go of the texts of cards the background stored (dom/order-list.ts
   * `letGoCards`). Without it (a reader that keeps no cards), `sent` keeps each card as sent.
   */
  letGo?: (cards: readonly OrderCard[]) => void;
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
/** Hears each reading of the page once the background has it; `stored` when it brought the background something new. */
export type ReadingListener = (snapshot: PageSnapshot, stored: boolean) => void;

export interface Reading {
  readNow: (whole?: boolean) => void;
  flush: () => Promise<void>;
  /** Waits for the read already scheduled and its send, without forcing one. */
  settled: () => Promise<void>;
  /** Follows the page's readings (the dispute bar shows the page's own), instead of asking the store again and again. */
  watch: (listener: ReadingListener) => () => void;
}

export function startReading(ctx: ReadingContext, win: Window & typeof globalThis, deps: ReadingDeps): Reading {
  const sent: Sent = new Map();
  const listeners = new Set<ReadingListener>();
  /** The last reading, without its cards: they are let go once stored. */
  let last: PageSnapshot | null = null;
  /**
   * What the background found unclear in the cards it was sent (an unknown status, a date it could
   * not read), by order: part of the page's problems, so "Save a report" offers itself for them as
   * for the page's own. A card sent again replaces its entry.
   */
  const cardProblems = new Map<string, Problem[]>();
  const shown = (plain: PageSnapshot): PageSnapshot =>
    cardProblems.size ? { ...plain, problems: [...plain.problems, ...[...cardProblems.values()].flat()] } : plain;
  const tell = (snapshot: PageSnapshot, stored: boolean) =>
    listeners.forEach((listener) => listener(shown(snapshot), stored));
  const tapped: (JsonInput | AnswerRead)[] = [];
  /** Answers are read one after another, so they are merged in the order the page got them. */
  let tapReads: Promise<unknown> = Promise.resolve();
  let scheduled = false;
  /** The last send, so `flush` can wait until the background has what the page shows. */
  let inFlight: Promise<unknown> = Promise.resolve();
  /** Resolves when the read now scheduled has run (and sent what it found). */
  let nextRead: { done: Promise<void>; resolve: () => void } | null = null;

  // Sent again while the background's worker is asleep or restarting (platform/retry.ts).
  const sendUntilStored = (snapshot: PageSnapshot): Promise<unknown> => untilAnswered(ctx, () => deps.send(snapshot));

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
    const href = win.location.href;
    const readAt = deps.now();
    let reading = deps.read(win.document, href, readAt, { tapped });
    let delta = unsent(reading, sent);
    // What goes of an order (its JSON changed) goes with its card, which may have been let go: read it again.
    const held = delta.snapshot && heldCardsOf(reading, delta.snapshot, sent);
    if (held?.size) {
      reading = deps.read(win.document, href, readAt, { tapped, whole: held });
      delta = unsent(reading, sent);
    }
    const { cards: _cards, ...snapshot } = reading;
    last = snapshot;
    if (!delta.snapshot) return tell(snapshot, false);
    // Marked before the answer so a re-read while the message is in flight does not send it twice.
    const before = delta.entries.map(([key]) => [key, sent.get(key)] as const);
    markSent(sent, delta.entries);
    const sending = delta.snapshot;
    inFlight = sendUntilStored(sending);
    inFlight.then(
      (answer) => {
        const cards = sending.cards?.items ?? [];
        cards.forEach((card) => cardProblems.delete(card.orderId));
        for (const p of (answer as { problems?: Problem[] } | undefined)?.problems ?? [])
          if (p.orderId !== null) cardProblems.set(p.orderId, [...(cardProblems.get(p.orderId) ?? []), p]);
        // Stored: the page keeps no copy of their texts, only whether they changed.
        if (deps.letGo && cards.length) deps.letGo(holdSent(sent, cards));
        tell(snapshot, true);
      },
      () => tell(snapshot, false),
    );
    inFlight.catch(() => {
      // Refused, or not received for a minute: forget it was sent, so the next read tries again.
      delta.entries.forEach(([key, item], i) => {
        // A later read may have put an object saying the same in its place (unsent): still this send's.
        const now = sent.get(key);
        if (now !== item && (now === undefined || fingerprint(now) !== fingerprint(item))) return;
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

  // Only the page's added elements matter (page-changes.ts): countdowns ticking in place must not
  // cause reads every second, nor our own Start buttons appearing as the shopper scrolls. A move
  // to another URL without a load (AliExpress going between its pages) is read too.
  deps.changes.onAdded(schedule);
  deps.changes.onMoved(schedule);

  ctx.addEventListener(win, 'message', (event) => {
    const message = parseTapMessage(event as MessageEvent, win);
    if (!message) return;
    const keep = (answer: JsonInput | AnswerRead) => {
      tapped.push(answer);
      if (tapped.length > KEEP_ANSWERS) tapped.shift();
      schedule();
    };
    const { api, json, tooLarge } = message;
    const readTapped = deps.readTapped;
    if (tooLarge) return keep({ api, tooLarge });
    if (!readTapped) return keep({ json, api });
    // An answer the background never read is lost to this reading only: the DOM still reads.
    tapReads = tapReads.then(() => untilAnswered(ctx, () => readTapped({ api, json })).then(keep, () => undefined));
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
  const watch = (listener: ReadingListener) => {
    listeners.add(listener);
    // A listener that comes after the first reading hears it too, once the background has it.
    const before = last;
    if (before)
      void inFlight
        .catch(() => undefined)
        .then(() => {
          if (listeners.has(listener)) listener(shown(before), true);
        });
    return () => void listeners.delete(listener);
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

  return { readNow, flush, settled, watch };
}
