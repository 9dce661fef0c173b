/**
 * My orders (`/p/order/index.html`): one card per order, found here and sent as its texts
 * (model/order-card.ts); the background reads what they mean (src/aliexpress/cards.ts), so the
 * page pays for finding the parts only. Each card is read on its own, so a card that breaks costs
 * that card only; a card without a readable id is left out and named.
 */
import type { OrderCard, Problem } from '../../model/index.ts';
import { textOf } from '../text/normalize.ts';
import {
  emptyResult,
  guarded,
  idFromTarget,
  linkAction,
  ORDER_ID_PARAMS,
  problem,
  type DomContext,
  type DomResult,
} from './common.ts';
import { $list, $optional, $required, SELECTORS, type Selectors } from './selectors.ts';

type S = Selectors['orderList'];

const orNull = (text: string) => text || null;

/**
 * Button lists many cards show alike, kept once for the page: the cards read are kept for the
 * page's life (the card cache, what was sent), and 500 cards held 1,100 button objects and 500
 * lists saying the same few things. (Their texts were already one string each: the engine hands
 * out the same string for the same text.) Bounded, so a page of all-different rows keeps no more
 * than it would have.
 */
const buttonLists = new Map<string, OrderCard['buttons']>();
const SHARED_MAX = 500;
/** Rows whose labels come to more than this are not looked up: no two cards show such a row alike. */
const SHARED_BUTTONS_MAX = 400;

function readLines(card: Element, s: S): OrderCard['lines'] {
  const found = $list(card, s.line);
  // Sized up front: a list grown by push keeps room for 16 more lines, on every card for good.
  const lines = new Array<OrderCard['lines'][number]>(found.length);
  for (let i = 0; i < found.length; i++) {
    const line = found[i]!;
    const titled = $optional(line, s.lineTitle);
    const title = titled?.getAttribute('title')?.trim() || textOf(titled) || null;
    lines[i] = { title, quantity: orNull(textOf($optional(line, s.lineQuantity))) };
  }
  return lines;
}

/**
 * Each line of the info block is its own label and value (the order id line must not be read as
 * a date), or its whole text when it has no lines. Walked by sibling: `children` would leave a
 * collection object on every card's block for good.
 */
function infoOf(info: Element | undefined): string[] | null {
  if (!info) return null;
  if (!info.firstElementChild) return [textOf(info)];
  const parts: string[] = [];
  for (let part: Element | null = info.firstElementChild; part; part = part.nextElementSibling)
    parts.push(textOf(part));
  return parts;
}

/**
 * What a button says, and what its link says it does: the background tells what it does by either
 * (common.ts `actionFrom`). Cards with the same buttons share one frozen list (`buttonLists`).
 */
function buttonsOf(found: ArrayLike<Element>): OrderCard['buttons'] {
  const buttons = new Array<OrderCard['buttons'][number]>(found.length);
  let key = '';
  for (let i = 0; i < found.length; i++) {
    const button = found[i]!;
    const label = button.textContent ?? '';
    const link = linkAction(button);
    buttons[i] = { label, link };
    key += `\0${label}\0${link ?? ''}`;
  }
  if (key.length > SHARED_BUTTONS_MAX) return buttons;
  const known = buttonLists.get(key);
  if (known) return known;
  if (buttonLists.size < SHARED_MAX) {
    for (const button of Object.freeze(buttons)) Object.freeze(button);
    buttonLists.set(key, buttons);
  }
  return buttons;
}

function readCard(card: Element, index: number, s: S, problems: Problem[]): OrderCard | null {
  const orderId = idFromTarget(card, s.idLink, ORDER_ID_PARAMS, true);
  if (!orderId) {
    problems.push(problem('order-id-missing', `order card ${index + 1}`));
    return null;
  }
  const status = $required(card, s.status, 'orderList.status', orderId);
  if (status.problem) problems.push(status.problem);
  return {
    orderId,
    status: status.el ? orNull(textOf(status.el)) : null,
    info: infoOf($optional(card, s.info)),
    total: orNull(textOf($optional(card, s.total))),
    store: orNull(textOf($optional(card, s.store))),
    lines: readLines(card, s),
    buttons: buttonsOf($list(card, s.button)),
    // The progress line under a card names the dispute's state; its ids live on the dispute page.
    progress: orNull(textOf($optional(card, s.progress))),
  };
}

interface CardRead {
  /** What the card said when it was read (`signatureOf`), and its text's length. */
  readonly signature: number;
  readonly length: number;
  /** Null for a card without a readable id, and once its texts are let go (`held`). */
  value: OrderCard | null;
  /** The order id of a card whose texts the background has, let go of here (`letGoCards`). */
  held: string | null;
  readonly problems: readonly Problem[];
}

/** The problems of a card that has none: most cards, which then keep no list of their own. */
const NO_PROBLEMS: readonly Problem[] = [];

/**
 * Cards already read, by element. The page is read again each time it adds cards ("View orders"
 * appends ten at a time), and a card whose text and link are unchanged reads the same: it is
 * taken from here rather than parsed again, so a re-read costs little more than the new cards.
 */
const cardCache = new WeakMap<Element, CardRead>();

/** Each card's reading, by the card it gave, until its texts are let go (`letGoCards`). */
const readOf = new WeakMap<OrderCard, CardRead>();

const encoder = new TextEncoder();
/** One buffer for every card's text, read four bytes at a time; grown for a longer text. */
let words = new Int32Array(1024);
let bytes = new Uint8Array(words.buffer);

/**
 * Adds `text` to an FNV-1a sum, four bytes of its UTF-8 at a time: a loop over its characters
 * cost a first read of 500 cards 4-10 ms (the code is still cold then), this one well under 1 ms.
 */
function addToSum(sum: number, text: string): number {
  if (bytes.length < text.length * 3 + 3) {
    words = new Int32Array((text.length * 3 + 6) >> 2);
    bytes = new Uint8Array(words.buffer);
  }
  const { written } = encoder.encodeInto(text, bytes);
  // The last word's bytes past the text are zeroed: what a longer text left there must not count.
  bytes.fill(0, written, written + 3);
  let h = Math.imul(sum ^ written, 0x01000193);
  for (let i = 0, n = (written + 3) >> 2; i < n; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h;
}

/**
 * What a card said, its text and where its order link points, summed to 30 bits (they fit the
 * engine's small integers, so the sum takes no memory of its own). Kept instead of the text,
 * which cost 0.3-0.6 KB per card; a change that keeps both the text's length and the sum, one in
 * a billion, goes unseen until the card changes again.
 */
function signatureOf(text: string, href: string): number {
  return addToSum(addToSum(0x811c9dc5, text), href) & 0x3fffffff;
}

function readCardOnce(card: Element, index: number, s: S, whole?: ReadonlySet<string>): CardRead {
  const text = card.textContent ?? '';
  const signature = signatureOf(text, card.querySelector('a[href]')?.getAttribute('href') ?? '');
  const cached = cardCache.get(card);
  if (
    cached &&
    cached.signature === signature &&
    cached.length === text.length &&
    !(cached.held !== null && whole?.has(cached.held))
  )
    return cached;
  const problems: Problem[] = [];
  const value = guarded(
    problems,
    () => `order card ${index + 1}`,
    null,
    () => readCard(card, index, s, problems),
  );
  // The card's position is only in problem texts; a card that moved keeps its first position there.
  const read: CardRead = {
    signature,
    length: text.length,
    value,
    held: null,
    problems: problems.length ? problems : NO_PROBLEMS,
  };
  cardCache.set(card, read);
  if (value) readOf.set(value, read);
  return read;
}

/**
 * Lets go of the texts of cards the background has stored (the content script, once it answered):
 * 500 cards' texts were a fifth of what the script kept on the page. Each card's reading keeps its
 * sum and its order id: while the card says the same, reads leave it out (the background has it),
 * and a read that needs it whole (`DomContext.whole`: its order's JSON changed, and the two go
 * together) reads it again from the page.
 */
export function letGoCards(cards: Iterable<OrderCard>): void {
  for (const card of cards) {
    const read = readOf.get(card);
    if (read?.value !== card) continue;
    readOf.delete(card);
    read.value = null;
    read.held = card.orderId;
  }
}

/**
 * Cards read ahead since the last full read. That read, a few tasks later, takes them as read
 * rather than summing their text again: checking 500 cards twice in one load was a tenth of its
 * cost. A card changed in place in between is seen by the next read, as any change in place is
 * (only added elements make the page read again).
 */
let readAheadOf = new WeakSet<Element>();

/**
 * Reads the cards not read yet until `enough()` says to stop, so a long page can be read a slice
 * per task before the full read, which then finds every card done. True when none is left.
 */
export function readCardsAhead(doc: Document, enough: () => boolean): boolean {
  if (!SELECTORS.ok) return true;
  const s = SELECTORS.selectors.orderList;
  const cards = $list(doc, s.card);
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i]!;
    if (cardCache.has(card)) continue;
    if (enough()) return false;
    readCardOnce(card, i, s);
    readAheadOf.add(card);
  }
  return true;
}

/**
 * The cards of My orders as text, for the background to read (src/aliexpress/cards.ts): those not
 * let go (`letGoCards`), and those `ctx.whole` names.
 */
export function readOrderList(doc: Document, ctx?: Pick<DomContext, 'whole'>): DomResult {
  const result = emptyResult();
  if (!SELECTORS.ok) return { ...result, problems: [problem('layout-unrecognized', SELECTORS.message)] };
  const s = SELECTORS.selectors.orderList;
  const cards = $list(doc, s.card);
  const items: OrderCard[] = [];
  if (cards.length === 0) {
    // An empty list container is a page still rendering (or no orders): nothing is wrong yet.
    if (!$optional(doc, s.list))
      result.problems.push(problem('layout-unrecognized', 'orderList: no list and no cards'));
    return { ...result, cards: items };
  }
  const seen = new Set<string>();
  const ahead = readAheadOf;
  readAheadOf = new WeakSet();
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i]!;
    const read = (ahead.has(card) && cardCache.get(card)) || readCardOnce(card, i, s, ctx?.whole);
    for (const p of read.problems) result.problems.push(p);
    if (read.held !== null) seen.add(read.held);
    if (!read.value || seen.has(read.value.orderId)) continue;
    seen.add(read.value.orderId);
    items.push(read.value);
  }
  return { ...result, cards: items };
}
