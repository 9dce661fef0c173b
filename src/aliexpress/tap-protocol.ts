/**
 * The one message the MAIN-world tap posts to the isolated content script: an mtop answer the
 * page itself received. Anything on the page can post messages, so the isolated side validates
 * every one with `parseTapMessage` and drops the rest.
 */
export const TAP_SOURCE = 'refund-radar-tap';

/**
 * The isolated script starts at document_idle, after the page's first answers arrived; it posts
 * this to have the tap post again the answers it kept.
 */
export const TAP_REPLAY = 'refund-radar-tap-replay';

/** How many answers the tap keeps for a replay. */
export const TAP_KEEP = 20;

/**
 * How many of those one API may hold: a case page that polls its status must not push the order
 * answers out of the replay.
 */
export const TAP_KEEP_PER_API = 5;

/** The mtop APIs worth passing over (lower case, as in the request path `/h5/<api>/1.0/`). */
export const TAPPED_APIS = [
  'mtop.aliexpress.trade.buyer.order.list',
  'mtop.aliexpress.trade.buyer.order.detail',
  'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer',
  'mtop.ae.ld.querydetail',
] as const;

/**
 * Words in an API name that say it answers about a dispute, refund or return: the case pages'
 * own API names are not known, so they are recognised by these. Plain alternatives, no nesting.
 */
const DISPUTE_WORDS = /reverse|issue|dispute|refund|after\.?sale/;

/** Buyer order APIs besides the two read today (counts, line details) are forwarded too. */
const BUYER_ORDER = /trade\.buyer\.order/;

/** An mtop API name as a request path spells it; longer names are not AliExpress's. */
const API_NAME = /^mtop\.[a-z0-9._-]{1,120}$/;

/** Whether a lower-case API name looks like a dispute, refund or return answer. */
export const isDisputeApi = (api: string): boolean => API_NAME.test(api) && DISPUTE_WORDS.test(api);

/** Whether the tap passes an API's answers over: the known four, and those named for disputes or buyer orders. */
export function isTappedApi(api: string): boolean {
  return (
    (TAPPED_APIS as readonly string[]).includes(api) ||
    isDisputeApi(api) ||
    (API_NAME.test(api) && BUYER_ORDER.test(api))
  );
}

/**
 * A 500-order list answer is about 2.2 MB of JSON; anything far beyond that is not an answer we
 * read, and a page must not make the content script work through gigabytes.
 */
export const TAP_MAX_CHARS = 5_000_000;

/** The API an mtop request URL calls (lower case), when it is one the tap passes over. */
export function tappedApiOf(url: string): string | null {
  const m = /\/h5\/([\w.-]{1,130})\/\d/.exec(url);
  const api = m?.[1]?.toLowerCase();
  return api && isTappedApi(api) ? api : null;
}

export interface TapMessage {
  source: typeof TAP_SOURCE;
  api: string;
  url: string;
  /**
   * The answer: its text as fetch or XHR gave it (JSON, or JSONP), parsed only where it is read,
   * in the background (`parseAnswerText`), or the object where the page had it parsed already
   * (lib.mtop's JSONP, an XHR of type json). Text crosses from the page to the background as one
   * string, where an object is copied field by field at each step.
   */
  json: unknown;
}

/**
 * Checked by hand rather than with a schema: the content script, which every AliExpress page
 * loads, carries no schema library for three fields.
 */
const isTapMessage = (data: Record<string, unknown>): boolean =>
  data.source === TAP_SOURCE &&
  typeof data.api === 'string' &&
  data.api.length <= 130 &&
  typeof data.url === 'string' &&
  data.url.length <= 4096 &&
  data.json !== undefined;

/**
 * The tap's message, or null for anything else a page might post. One too big to read comes back
 * without its answer, `tooLarge`, so the reading can name it.
 */
export function parseTapMessage(
  event: Pick<MessageEvent, 'data' | 'source'>,
  win: Window,
): (TapMessage & { tooLarge?: true }) | null {
  if (event.source !== win) return null;
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null || !isTapMessage(data as Record<string, unknown>)) return null;
  const message = data as TapMessage;
  if (!isTappedApi(message.api)) return null;
  try {
    return withinSize(message.json, TAP_MAX_CHARS) ? message : { ...message, json: null, tooLarge: true };
  } catch {
    // A getter that throws cannot come from a structured clone of an answer.
    return null;
  }
}

/**
 * Whether a posted answer comes to at most `max` characters of JSON, counted value by value and
 * given up on as soon as it is over: JSON.stringify would first build the whole text, and a page
 * can post gigabytes (or a cycle, which never ends).
 */
export function withinSize(value: unknown, max: number): boolean {
  const todo = [value];
  let left = max;
  while (todo.length) {
    const v = todo.pop();
    left -= typeof v === 'string' ? v.length + 3 : 5;
    if (v && typeof v === 'object')
      for (const key in v) {
        if ((left -= key.length + 4) < 0) return false;
        todo.push((v as Record<string, unknown>)[key]);
      }
    if (left < 0) return false;
  }
  return true;
}

/**
 * JSON.parse for mtop answer text. Integers of 16+ digits (order and line ids) become strings
 * first, because JSON.parse would round the ones beyond 2^53. If that rewrite touched a string
 * and broke the text, the plain parse is used. JSONP padding (`mtopjsonp1({...})`) is removed.
 */
export function parseAnswerText(text: string): unknown {
  const body = unpadJsonp(text);
  try {
    return JSON.parse(body.replace(/([:,[]\s*)(-?\d{16,})(?=\s*[,\]}])/g, '$1"$2"'));
  } catch {
    try {
      return JSON.parse(body);
    } catch {
      return undefined;
    }
  }
}

/**
 * Whether a text starts as an answer does: `{` or `[`, or a JSONP callback's name and `(` before
 * it. Only its start is looked at, so the page's thread never parses what it passes on; an error
 * or verification page (HTML) is not passed on.
 */
export function looksLikeAnswer(text: string): boolean {
  return /^\s*(?:[\w$.]{1,100}\s*\(\s*)?[{[]/.test(text.slice(0, 200));
}

/**
 * `cb({...});` without its callback, found by position in one pass each way: the pattern that did
 * this before backtracked, and took 40 s on `cb(` and 4,000 spaces in the page's own thread.
 */
function unpadJsonp(text: string): string {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 1 || close < open) return text;
  const tail = text.slice(close + 1).trim();
  return /^[\w$.]+$/.test(text.slice(0, open).trim()) && (tail === '' || tail === ';')
    ? text.slice(open + 1, close)
    : text;
}
