import * as z from 'zod/mini';
import { Dispute, Order, PageSnapshot, Problem, type PageKind } from '../model/index.ts';
import { detectPage } from './detect.ts';
import { defaultDomReader, type DomReader } from './dom-reader.ts';
import { readJson } from './json/index.ts';
import { pageLocale } from './dom/locale.ts';
import { canonicalLocale, localeOfUrl } from './locale.ts';
import { mergeDisputes, mergeOrders, mergeProblems } from './merge.ts';

/** A saved or tapped mtop answer; `locale` when the caller knows the page's language. */
export interface JsonInput {
  json: unknown;
  api?: string | null;
  locale?: string | null;
}

export type ReadInput = Document | JsonInput;

export interface ReadOptions {
  /** mtop answers the page loaded (from the tap), read alongside the document and merged with it. */
  tapped?: readonly JsonInput[];
  /** Replaces the plugged-in DOM reader; for tests and tools. */
  readDom?: DomReader | null;
}

interface Observed {
  orders: Order[];
  disputes: Dispute[];
  problems: Problem[];
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
): Observed {
  if (!readDom) return { orders: [], disputes: [], problems: [] };
  try {
    const r: Partial<Observed> | null | undefined = readDom(doc, { url, readAt, locale, kind });
    const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
    if (!r || !Array.isArray(r.orders) || !Array.isArray(r.disputes) || !Array.isArray(r.problems)) {
      // Keep what can be used, so a broken DOM reader does not also cost the tapped JSON.
      const broken = problem('layout-unrecognized', 'DOM reader returned no orders/disputes/problems lists');
      return { orders: list(r?.orders), disputes: list(r?.disputes), problems: [...list(r?.problems), broken] };
    }
    return { orders: r.orders, disputes: r.disputes, problems: r.problems };
  } catch (error) {
    return { orders: [], disputes: [], problems: [problem('layout-unrecognized', `DOM reader: ${messageOf(error)}`)] };
  }
}

/**
 * The one entry for reading a page: a document (with the answers the tap saw) or one saved JSON
 * answer, at one moment. Never throws: whatever goes wrong is a named problem in the snapshot.
 */
export function read(input: ReadInput, url: string, readAt: Date, options: ReadOptions = {}): PageSnapshot {
  const givenIso = isoOf(readAt);
  const readAtIso = givenIso ?? new Date(0).toISOString();
  let kind: PageKind = 'other';
  try {
    kind = detectPage(url);
    if (givenIso === null) return minimal(kind, url, readAtIso, 'readAt is not a valid date');
    const doc = isDocument(input) ? input : null;
    const jsons = [...(doc ? [] : [input as JsonInput]), ...(options.tapped ?? [])];
    const parts: Observed[] = [];
    const problems: Problem[] = [];
    let locale: string | null = null;
    if (doc) {
      // The DOM readers get only a locale they have labels for; the snapshot keeps what the page said.
      const page = pageLocale(doc);
      if (page.problem) problems.push(page.problem);
      const readDom = options.readDom === undefined ? defaultDomReader : options.readDom;
      parts.push(readDocument(doc, url, readAt, kind, page.locale, readDom));
      locale = page.locale ?? canonicalLocale(page.lang);
    } else {
      locale = canonicalLocale((input as JsonInput).locale);
    }
    for (const j of jsons) {
      const ctxLocale = locale ?? canonicalLocale(j.locale);
      const r = readJson(j.json, j.api, { url, locale: ctxLocale, readAt });
      // The answer's own texts prove its language better than a host name does.
      locale ??= r.locale ?? null;
      parts.push(r);
    }
    locale ??= localeOfUrl(url);

    const fromReaders = valid(Problem, mergeProblems(...parts.map((p) => p.problems)), 'problems', problems);
    const snapshot = {
      kind,
      url,
      locale,
      readAt: readAtIso,
      orders: valid(Order, mergeOrders(...parts.map((p) => p.orders)), 'orders', problems),
      disputes: valid(Dispute, mergeDisputes(...parts.map((p) => p.disputes)), 'disputes', problems),
      problems,
    };
    problems.push(...fromReaders);
    const checked = PageSnapshot.safeParse(snapshot);
    if (checked.success) return checked.data;
    const issue = checked.error.issues[0];
    return minimal(
      kind,
      url,
      readAtIso,
      `snapshot invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
    );
  } catch (error) {
    return minimal(kind, url, readAtIso, `read failed: ${messageOf(error)}`);
  }
}

/**
 * Keeps the items that match the model and names each one dropped: one badly read order must not
 * cost the page the others.
 */
function valid<T>(schema: z.ZodMiniType<T>, items: readonly unknown[], name: string, problems: Problem[]): T[] {
  const out: T[] = [];
  items.forEach((item, i) => {
    const r = z.safeParse(schema, item);
    if (r.success) return out.push(r.data);
    const issue = r.error.issues[0];
    const id = (item as { orderId?: unknown } | null)?.orderId;
    const at = [name, i, ...(issue?.path ?? [])].map(String).join('.');
    problems.push(
      problem(
        'layout-unrecognized',
        `${at}: ${issue?.message ?? 'invalid'}`.slice(0, 300),
        typeof id === 'string' && name !== 'problems' ? id : null,
      ),
    );
  });
  return out;
}

function minimal(kind: PageKind, url: string, readAt: string, detail: string): PageSnapshot {
  const safeUrl = PageSnapshot.shape.url.safeParse(url).success ? url : 'about:blank';
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
