import type { Order, OrderCard, PageDispute, PageKind, PageReading, Problem } from '../model/index.ts';
import { detectPage } from './detect.ts';
import { defaultDomReader, type DomReader } from './dom-reader.ts';
import { answerBelongsTo } from './json/belongs.ts';
import type { JsonContext, JsonRead } from './json/index.ts';
import { pageLocale } from './dom/locale.ts';
import { readCardsAhead } from './dom/order-list.ts';
import { canonicalLocale, localeOfUrl } from './locale.ts';
import { combineDisputes, combineOrders, combineProblems } from './combine.ts';
import { TAP_MAX_CHARS } from './tap-protocol.ts';

/** A saved or tapped mtop answer; `locale` when the caller knows the page's language. */
export interface JsonInput {
  json: unknown;
  api?: string | null;
  locale?: string | null;
  /** The tap's answer was over TAP_MAX_CHARS and was dropped unread. */
  tooLarge?: boolean;
}

/** An answer already read (json/answer.ts): the content script gets its tapped answers so from the background. */
export interface AnswerRead {
  api: string | null;
  /** The tap's answer was over TAP_MAX_CHARS and was dropped unread. */
  tooLarge?: boolean;
  read?: JsonRead;
}

/** Reads one raw answer; plugged in by whoever carries the JSON readers (`useAnswerReader`). */
export type AnswerReader = (j: JsonInput, ctx: JsonContext) => AnswerRead;

let answerReader: AnswerReader | null = null;

/**
 * Plugs in the JSON readers (json/answer.ts's `readAnswer`) for raw answers: tools and tests. The
 * content script never does: the readers stay out of the page, which hands read() the answers the
 * background has read (page-service.ts).
 */
export function useAnswerReader(reader: AnswerReader | null): void {
  answerReader = reader;
}

function readRaw(j: JsonInput, ctx: JsonContext): AnswerRead {
  if (answerReader) return answerReader(j, ctx);
  const api = j.api?.trim().toLowerCase() || null;
  return j.tooLarge
    ? { api, tooLarge: true }
    : {
        api,
        read: { orders: [], disputes: [], locale: null, problems: [problem('json-invalid', 'no JSON reader here')] },
      };
}

export type ReadInput = Document | JsonInput;

export interface ReadOptions {
  /**
   * mtop answers the page loaded (from the tap), merged with the document's reading: raw (read
   * here by the plugged-in reader) or already read.
   */
  tapped?: readonly (JsonInput | AnswerRead)[];
  /** Replaces the plugged-in DOM reader; for tests and tools. */
  readDom?: DomReader | null;
  /** My orders: orders whose cards must come whole, though they were let go once sent (dom/order-list.ts `letGoCards`). */
  whole?: ReadonlySet<string>;
}

interface Observed {
  orders: Order[];
  disputes: PageDispute[];
  problems: Problem[];
  cards?: OrderCard[];
}

const problem = (code: Problem['code'], detail: string | null, orderId: string | null = null): Problem => ({
  code,
  detail,
  orderId,
});

const isDocument = (input: ReadInput): input is Document =>
  typeof input === 'object' && input !== null && !('json' in input) && 'documentElement' in input;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/** A snapshot needs a valid instant; a broken `readAt` is a caller's bug, reported rather than thrown. */
function isoOf(readAt: Date): string | null {
  try {
    return readAt.toISOString();
  } catch {
    return null;
  }
}

function readDocument(
  doc: Document,
  url: string,
  readAt: Date,
  kind: PageKind,
  locale: string | null,
  readDom: DomReader | null,
  whole: ReadonlySet<string> | undefined,
): Observed {
  if (!readDom) return { orders: [], disputes: [], problems: [] };
  try {
    const r: Partial<Observed> | null | undefined = readDom(doc, { url, readAt, locale, kind, whole });
    const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
    if (!r || !Array.isArray(r.orders) || !Array.isArray(r.disputes) || !Array.isArray(r.problems)) {
      // Keep what can be used, so a broken DOM reader does not also cost the tapped JSON.
      const broken = problem('layout-unrecognized', 'DOM reader returned no orders/disputes/problems lists');
      return { orders: list(r?.orders), disputes: list(r?.disputes), problems: [...list(r?.problems), broken] };
    }
    const read = { orders: r.orders, disputes: r.disputes, problems: r.problems };
    return Array.isArray(r.cards) ? { ...read, cards: r.cards } : read;
  } catch (error) {
    return { orders: [], disputes: [], problems: [problem('layout-unrecognized', `DOM reader: ${messageOf(error)}`)] };
  }
}

/**
 * Work read() can do ahead, in slices: on My orders, parsing the cards not read yet, until
 * `enough()` is true. True when nothing is left, so the read itself will be quick. Never throws.
 */
export function readAhead(doc: Document, url: string, enough: () => boolean): boolean {
  try {
    if (detectPage(url) !== 'order-list') return true;
    // Finding a card's parts needs neither the language nor the address: the background reads what they say.
    return readCardsAhead(doc, enough);
  } catch {
    return true;
  }
}

/**
 * The one entry for reading a page: a document (with the answers the tap saw) or one saved JSON
 * answer, at one moment. Never throws: whatever goes wrong is a named problem in the snapshot.
 */
export function read(input: ReadInput, url: string, readAt: Date, options: ReadOptions = {}): PageReading {
  const givenIso = isoOf(readAt);
  const readAtIso = givenIso ?? new Date(0).toISOString();
  let kind: PageKind = 'other';
  try {
    kind = detectPage(url);
    if (givenIso === null) return minimal(kind, url, readAtIso, 'readAt is not a valid date');
    if (!URL.canParse(url)) return minimal(kind, url, readAtIso, 'url is not a valid URL');
    const doc = isDocument(input) ? input : null;
    const answers = [...(doc ? [] : [input as JsonInput]), ...(options.tapped ?? [])];
    const parts: Observed[] = [];
    const problems: Problem[] = [];
    let locale: string | null = null;
    let cards: PageReading['cards'];
    if (doc) {
      // The DOM readers get only a locale they have labels for; the snapshot keeps what the page said.
      const page = pageLocale(doc);
      if (page.problem) problems.push(page.problem);
      const readDom = options.readDom === undefined ? defaultDomReader : options.readDom;
      const dom = readDocument(doc, url, readAt, kind, page.locale, readDom, options.whole);
      if (dom.cards) cards = { locale: page.locale, items: dom.cards };
      parts.push(dom);
      locale = page.locale ?? canonicalLocale(page.lang);
    } else {
      locale = canonicalLocale((input as JsonInput).locale);
    }
    for (const a of answers) {
      const done = 'json' in a ? readRaw(a, { url, locale: locale ?? canonicalLocale(a.locale), readAt }) : a;
      // A tapped answer counts only on a page that asks for its API; a saved answer read on its own is the caller's choice.
      if (a !== input && !answerBelongsTo(kind, done.api)) continue;
      if (done.tooLarge || !done.read) {
        problems.push(problem('json-invalid', `${done.api}: over ${TAP_MAX_CHARS} chars`));
        continue;
      }
      // The answer's own texts prove its language better than a host name does.
      locale ??= done.read.locale ?? null;
      parts.push(done.read);
    }
    locale ??= localeOfUrl(url);

    // Not checked against the model here: the background checks every item on arrival
    // (checkSnapshot), and the schemas would cost the page's script most of its size budget.
    return {
      kind,
      url,
      locale,
      readAt: readAtIso,
      orders: combineOrders(...parts.map((p) => p.orders)),
      disputes: combineDisputes(...parts.map((p) => p.disputes)),
      problems: [...problems, ...combineProblems(...parts.map((p) => p.problems))],
      ...(cards && { cards }),
    };
  } catch (error) {
    return minimal(kind, url, readAtIso, `read failed: ${messageOf(error)}`);
  }
}

function minimal(kind: PageKind, url: string, readAt: string, detail: string): PageReading {
  const safeUrl = URL.canParse(url) ? url : 'about:blank';
  return {
    kind,
    url: safeUrl,
    locale: null,
    readAt,
    orders: [],
    disputes: [],
    problems: [problem('layout-unrecognized', detail)],
  };
}
