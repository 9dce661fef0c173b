/**
 * A page report: the structure of a page the readers could not read right, without the shopper's
 * data, for the shopper to send to the maintainers (issue 16). Pure; runs in the background on the
 * raw skeleton the content script took (src/report/skeleton.ts) and in `npm run inspect`.
 *
 * Kept: tag names, attribute names, class names and the few attribute values the readers select by
 * (`data-pl`, `role`, `lang`, ...), texts that are a known label of rules/locales (statuses,
 * buttons, row labels), texts made only of known words and numbers (dates, countdowns, "Order ID"
 * rows), link shapes. Every id of 6 digits or more (order, line, case, store numbers; phone and
 * postal numbers too) becomes a stand-in of the same length, the same stand-in wherever the same id
 * occurs, so the readers still join a link to its row. Every other letter becomes x/X (or the
 * like of its script: ж/Ж, 字, ...), every other digit 0: a price stays "US $00.00".
 * The page's JSON answers (the tap's) are not included: their values mix ids, prices, names and
 * addresses under keys no rule describes, so there is no safe way to tell which to keep.
 */
import type { PageKind, Problem } from '../model/index.ts';
import { normText } from '../aliexpress/text/normalize.ts';
import type { RawElement, RawNode } from './skeleton.ts';

export const REPORT_FORMAT = 'refund-radar-page-report';
export const REPORT_VERSION = 1;

export interface PageReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  /** The extension's version that made it. */
  extension: string;
  /** The page's address with its ids replaced (when masked) and no fragment. */
  url: string;
  kind: PageKind;
  locale: string | null;
  /** What the readers reported on the live page, redacted like the page. */
  problems: Problem[];
  /** Ids replaced by stand-ins (the default), or kept as the page had them. */
  idsMasked: boolean;
  /** The page had more nodes than a report keeps (SKELETON_MAX_NODES); the rest is missing. */
  cut: boolean;
  /** Why the page's JSON answers are not in the report. */
  json: 'not-included';
  page: RawElement;
}

/** Ids are numbers of at least this many digits (the model's NumericId). */
const ID_MIN = 6;
/** Problems whose detail is page text (the rest name a selector or a part). */
const TEXT_DETAIL: ReadonlySet<Problem['code']> = new Set([
  'unknown-status',
  'date-unparsed',
  'amount-unparsed',
  'countdown-unparsed',
]);
/** Attributes whose values are structure, not the shopper's data: kept (ids in them still masked). */
const KEEP_ATTR =
  /^(class|id|role|type|lang|dir|rel|target|tabindex|hidden|disabled|colspan|rowspan|charset|style|width|height|data-pl|data-spm|aria-hidden|aria-expanded)$/;
const URL_ATTR = /^(href|src|action)$/;
/** Currency words next to a price ("US $", "R$", "руб.", "zł"); a text with one has its digits zeroed. */
const CURRENCY = new Set(['us', 'usd', 'ca', 'au', 'nz', 'mx', 'r', 'c', 'a', 'руб', 'zł', 'tl', 'kr', 'eur']);
/** "03.11.2026", "2026-11-03", "11/03/2026 14:05", "05:12:33": numbers a reader needs as they are. */
const NUMERIC_DATE =
  /(?<!\d)(?:\d{1,2}([./-])\d{1,2}\1\d{4}|\d{4}([./-])\d{1,2}\2\d{1,2})(?:,? \d{1,2}:\d{2}(?::\d{2})?)?(?!\d)|(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])/g;
/** A text of numbers only that a reader needs as it is: a date, a time, a countdown's part. */
const DATE_SHAPE = new RegExp(`^(?:${NUMERIC_DATE.source}|\\d{1,2})$`);
const WORD = /[\p{L}\p{M}]+/gu;
/** An id printed in groups of four ("8100 0123 4567 8901"), a word, or a number. */
const TOKEN = /(\d{4}(?:[ \u00a0]\d{4}){2,}(?:[ \u00a0]\d{1,4})?|[\p{L}\p{M}]+|\d+)/u;
const GROUPED_OR_ID = /\d{4}(?:[ \u00a0]\d{4}){2,}(?:[ \u00a0]\d{1,4})?|\d{6,}/g;

/** Stand-in letters per script: lower case, upper case. */
const SCRIPTS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/\p{Script=Latin}/u, 'x', 'X'],
  [/\p{Script=Cyrillic}/u, 'ж', 'Ж'],
  [/\p{Script=Greek}/u, 'ξ', 'Ξ'],
  [/\p{Script=Han}/u, '字', '字'],
  [/\p{Script=Hiragana}/u, 'あ', 'あ'],
  [/\p{Script=Katakana}/u, 'ア', 'ア'],
  [/\p{Script=Hangul}/u, '가', '가'],
  [/\p{Script=Arabic}/u, 'ع', 'ع'],
  [/\p{Script=Hebrew}/u, 'א', 'א'],
  [/\p{Script=Thai}/u, 'ก', 'ก'],
];

type Known = { phrases: Set<string>; words: Set<string>; dateWords: Set<string> };
const knownOf = new WeakMap<object, Known>();
/**
 * Every phrase of every rules/locales file, every word in them (label words, month names, units),
 * and the words dates and countdowns are made of (month names, units). The files come from the
 * caller: the content script hands over the ones its readers use, so the background carries none.
 */
function knownTexts(labels: LabelFiles): Known {
  const cached = knownOf.get(labels);
  if (cached) return cached;
  const phrases = new Set<string>();
  const words = new Set<string>();
  const dateWords = new Set<string>();
  const add = (value: unknown, into: Set<string>[]): void => {
    if (typeof value === 'string') {
      phrases.add(normText(value));
      for (const w of value.match(WORD) ?? []) into.forEach((set) => set.add(normText(w)));
    } else if (value && typeof value === 'object') Object.values(value).forEach((v) => add(v, into));
  };
  for (const file of Object.values(labels) as Array<{ dates?: unknown; countdown?: unknown } | null>) {
    add(file, [words]);
    add([file?.dates, file?.countdown], [dateWords]);
  }
  const known = { phrases, words, dateWords };
  knownOf.set(labels, known);
  return known;
}

function standIn(letters: string): string {
  let out = '';
  for (const ch of letters) {
    const script = SCRIPTS.find(([re]) => re.test(ch)) ?? SCRIPTS[0]!;
    out += ch !== ch.toLowerCase() ? script[2] : script[1];
  }
  return out;
}

export interface Redactor {
  text(text: string): string;
  attribute(name: string, value: string): string;
  url(url: string): string;
  problem(p: Problem): Problem;
}

/**
 * One redaction of one page: `maskIds` gives each distinct id its stand-in, the same in the URL,
 * the page and the problems. Redacting a redacted text changes nothing when ids are not masked
 * again, which is how `inspect` compares a rebuilt page's problems with the report's.
 */
/** rules/locales files by language, as src/aliexpress/text/locale-rules.ts bundles them. */
export type LabelFiles = Record<string, unknown>;

export function redactor({ maskIds, labels }: { maskIds: boolean; labels: LabelFiles }): Redactor {
  const ids = new Map<string, string>();
  const id = (digits: string): string => {
    if (!maskIds) return digits;
    let stand = ids.get(digits);
    if (!stand) {
      const n = String(ids.size + 1);
      stand = '1' + n.padStart(digits.length - 1, '0');
      ids.set(digits, stand);
    }
    return stand;
  };
  /** "8100 0123 4567 8901": an id printed in groups keeps its groups, its digits masked as one id. */
  const grouped = (token: string) => {
    const stand = [...id(token.replace(/\D/g, ''))];
    return token.replace(/\d/g, () => stand.shift()!);
  };
  const masked = (value: string) => value.replace(GROUPED_OR_ID, (m) => (/\D/.test(m) ? grouped(m) : id(m)));

  const text = (value: string): string => {
    const trimmed = value.trim();
    if (!trimmed) return value;
    const { phrases, words, dateWords } = knownTexts(labels);
    const norm = normText(trimmed);
    if (phrases.has(norm) || phrases.has(norm.replace(/\s*[:：]$/, ''))) return masked(value);
    const parts = value.split(TOKEN);
    // split() with groups gives separator, token, separator, ...: tokens at odd indexes.
    let letters = 0;
    let allKnown = true;
    let money = /\p{Sc}/u.test(value);
    for (let i = 1; i < parts.length; i += 2) {
      const p = parts[i]!;
      if (/^\d/.test(p)) continue;
      letters++;
      const n = normText(p);
      if (CURRENCY.has(n) || /^[A-Z]{3}$/.test(p)) money = true;
      else if (!words.has(n)) allKnown = false;
    }
    // Runs of numbers and known words that hold a month name or a time unit: dates and countdowns.
    const kept = new Set<number>();
    let run: number[] = [];
    let dated = false;
    let numbered = false;
    const close = () => {
      if (dated && numbered) run.forEach((i) => kept.add(i));
      run = [];
      dated = numbered = false;
    };
    // An amount ("R$ 10,00", "US $5.99", "10,00 zł"): its numbers never join a date run.
    const amount = new Set<number>();
    for (let i = 1; i < parts.length; i += 2) {
      if (!/^\d/.test(parts[i]!)) continue;
      const before = parts[i - 1]!;
      const prev = i > 1 ? normText(parts[i - 2]!) : '';
      const after = i + 2 < parts.length ? normText(parts[i + 2]!) : '';
      const signed = /\p{Sc}\s*$/u.test(before) || (/^\s*$/.test(before) && CURRENCY.has(prev));
      const cents = amount.has(i - 2) && /^[.,]$/.test(before);
      const suffixed = /^\s*$/.test(parts[i + 1] ?? '') && CURRENCY.has(after) && after.length > 1;
      if (signed || cents || suffixed || /^\s*\p{Sc}/u.test(parts[i + 1] ?? '')) amount.add(i);
    }
    for (let i = 1; i < parts.length; i += 2) {
      const p = parts[i]!;
      const n = normText(p);
      const isNumber = /^\d{1,5}$/.test(p) && !amount.has(i);
      const fits = isNumber || (!/^\d/.test(p) && (words.has(n) || [...p].length === 1));
      if (!fits || !/^[\s.,:/-]*$/.test(parts[i - 1]!)) close();
      if (!fits) continue;
      run.push(i);
      if (isNumber) numbered = true;
      else if (dateWords.has(n)) dated = true;
    }
    close();
    // Numeric dates and times inside any text ("Дата заказа: 03.11.2026").
    const starts: number[] = [];
    parts.reduce((at, p) => (starts.push(at), at + p.length), 0);
    for (const m of value.matchAll(NUMERIC_DATE))
      for (let i = 1; i < parts.length; i += 2)
        if (starts[i]! >= m.index && starts[i]! < m.index + m[0].length) kept.add(i);
    const keepDigits = !money && (letters > 0 ? allKnown : DATE_SHAPE.test(trimmed));
    return parts
      .map((p, i) => {
        // Digits of other scripts are not tokens: zeroed where they stand.
        if (i % 2 === 0) return p.replace(/\p{N}/gu, '0');
        if (!/^\d/.test(p)) return allKnown || kept.has(i) ? p : standIn(p);
        if (/\D/.test(p)) return grouped(p);
        if (p.length >= ID_MIN) return id(p);
        return keepDigits || kept.has(i) ? p : '0'.repeat(p.length);
      })
      .join('');
  };

  const url = (value: string): string => {
    const hash = value.indexOf('#');
    const bare = hash >= 0 ? value.slice(0, hash) : value;
    const q = bare.indexOf('?');
    if (q < 0) return masked(bare);
    const query = bare
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq < 0) return masked(pair);
        const v = pair.slice(eq + 1);
        return `${pair.slice(0, eq)}=${/^\d+$/.test(v) ? (v.length >= ID_MIN ? id(v) : v) : text(v)}`;
      });
    return `${masked(bare.slice(0, q))}?${query.join('&')}`;
  };

  return {
    text,
    url,
    attribute: (name, value) => (KEEP_ATTR.test(name) ? masked(value) : URL_ATTR.test(name) ? url(value) : text(value)),
    problem: (p) => ({
      code: p.code,
      detail: p.detail !== null && TEXT_DETAIL.has(p.code) ? text(p.detail) : p.detail && masked(p.detail),
      orderId: p.orderId && masked(p.orderId),
    }),
  };
}

/** The skeleton with every text and attribute value redacted. */
export function redactNode(node: RawNode, r: Redactor): RawNode {
  if (typeof node === 'string') return r.text(node);
  const [tag, attributes, ...children] = node;
  const attrs: string[] = [];
  for (let i = 0; i + 1 < attributes.length; i += 2)
    attrs.push(attributes[i]!, r.attribute(attributes[i]!, attributes[i + 1]!));
  return [tag, attrs, ...children.map((c) => redactNode(c, r))];
}

export interface ReportInput {
  page: RawElement;
  cut: boolean;
  url: string;
  kind: PageKind;
  locale: string | null;
  problems: Problem[];
  extension: string;
  /** The rules/locales files whose labels, month names and units are kept. */
  labels: LabelFiles;
  maskIds?: boolean;
}

export function makeReport(input: ReportInput): PageReport {
  const maskIds = input.maskIds ?? true;
  const r = redactor({ maskIds, labels: input.labels });
  // In page order: the URL's ids get the first stand-ins, then the page's, then the problems'.
  const url = r.url(input.url);
  const page = redactNode(input.page, r) as RawElement;
  const problems = input.problems.map(r.problem);
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    extension: input.extension,
    url,
    kind: input.kind,
    locale: input.locale,
    problems,
    idsMasked: maskIds,
    cut: input.cut,
    json: 'not-included',
    page,
  };
}
