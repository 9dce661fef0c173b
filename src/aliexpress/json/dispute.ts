/**
 * The case, refund and issue answers of dispute pages. Their API names and shapes are not known
 * (they change, and none was captured), so facts are found by field name anywhere in the answer:
 * an object with a line or case id is one dispute, and what sits inside it is its status, times,
 * countdown and buttons. The walk is bounded so a hostile 8 MB answer cannot hang the page.
 */
import type { DisputeStatus, PageDispute, Party, Problem } from '../../model/index.ts';
import { disputeStatusOf, isEscalate, partyOf } from '../dom/common.ts';
import { combineDisputes } from '../combine.ts';
import { parseCountdown } from '../text/countdown.ts';
import { idOf, isRecord, problem, type JsonContext } from './common.ts';
import type { JsonRead } from './order-list.ts';
import { epochOf } from './values.ts';

/** A real case answer has a few hundred values; beyond these the rest is not read. */
export const MAX_NODES = 20_000;
export const MAX_DEPTH = 32;

/** Field names (lower case) per id, best first: case pages are keyed by reverseOrderLineId. */
const ORDER_KEYS = ['tradeorderid', 'orderid'];
const LINE_KEYS = ['tradeorderlineid', 'orderlineid'];
const CASE_KEYS = ['reverseorderlineid', 'reverseorderid', 'issueid', 'disputeid'];
const STATUS_KEYS = ['reversestatustext', 'reversedetailstatustext', 'refundneweststatus', 'statustext', 'issuestatus'];
const OPENED_KEYS = ['gmtcreate', 'createtime', 'gmtcreated', 'createdtime'];
/** Countdown and timeout fields: "leftTime", "countDown", "remainSeconds", "timeoutTime"... */
const COUNTDOWN_KEY =
  /^(?:count_?down|left|remain(?:ing)?|rest|time_?left|timeout|deadline|expire)(?:_?time)?(?:_?ms|_?sec(?:ond)?s?)?$/;
/** Keys holding a button or action list, whose entries may be the Escalate button. */
const BUTTON_KEY = /button|action|operat/;
/** A button's code ("ESCALATE_DISPUTE") or its label in the page's language. */
const BUTTON_FIELDS = ['type', 'actiontype', 'buttontype', 'code', 'text', 'buttontext', 'name'];

/**
 * A unitless duration up to 60 days in seconds is also a plausible one in ms (up to 1.4 hours):
 * such a value is named as a problem rather than guessed.
 */
const AMBIGUOUS_UNTIL = 60 * 86_400;
/** Longest countdown read as a duration in ms (60 days); end times are epoch ms from 2001 on. */
const LONGEST_MS = 60 * 86_400_000;
const EPOCH_MS_FROM = 1e12;

interface Facts {
  orderId: string | null;
  lineId: string | null;
  disputeId: string | null;
  texts: string[];
  openedAt: string | null;
  deadline: string | null;
  sawButtons: boolean;
  escalate: boolean;
}

interface Frame {
  value: unknown;
  depth: number;
  /** The dispute this value belongs to; null outside any. */
  owner: Facts | null;
  /** The order id an enclosing object named: an order holds its lines and cases. */
  orderId: string | null;
  /** Levels below a button key still inside the button list (the list, then each button). */
  buttons: number;
}

const facts = (orderId: string | null, lineId: string | null, disputeId: string | null): Facts => ({
  orderId,
  lineId,
  disputeId,
  texts: [],
  openedAt: null,
  deadline: null,
  sawButtons: false,
  escalate: false,
});

/** The object's own fields by lower-case name; the first spelling of a name wins. */
function fieldsOf(obj: Record<string, unknown>, budget: { left: number }): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const key in obj) {
    if (--budget.left < 0) break;
    const lower = key.toLowerCase();
    if (!out.has(lower)) out.set(lower, obj[key]);
  }
  return out;
}

function firstId(fields: Map<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const id = idOf(fields.get(k));
    if (id) return id;
  }
  return null;
}

/** Epoch milliseconds only: a 10-digit value is seconds or a duration, not an instant in ms. */
function msInstant(value: unknown): string | null {
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && n >= EPOCH_MS_FROM && n < 1e14 ? epochOf(n) : null;
}

/** A countdown field's deadline: an end time in epoch ms, or readAt plus a duration in ms or seconds. */
function deadlineOf(
  key: string,
  value: unknown,
  ctx: JsonContext,
  problems: Problem[],
  orderId: string | null,
): string | null {
  if (typeof value === 'string' && !/^\d{1,16}$/.test(value)) {
    if (!value.trim() || value.length > 80) return null;
    const at = parseCountdown(value, ctx.locale, ctx.readAt);
    if (!at) problems.push(problem('countdown-unparsed', `${key}: ${value}`, orderId));
    return at ? at.toISOString() : null;
  }
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) return null;
  if (n >= EPOCH_MS_FROM) return msInstant(n);
  const seconds = /sec/.test(key);
  const ms = seconds ? n * 1000 : n;
  const unitless = !seconds && !/ms$/.test(key);
  if ((unitless && n <= AMBIGUOUS_UNTIL) || ms > LONGEST_MS) {
    problems.push(problem('countdown-unparsed', `${key}: ${n}`, orderId));
    return null;
  }
  return new Date(ctx.readAt.getTime() + ms).toISOString();
}

function readButton(fields: Map<string, unknown>, into: Facts, locale: string | null) {
  for (const k of BUTTON_FIELDS) {
    const v = fields.get(k);
    if (typeof v === 'string' && v.length <= 80 && (/escalat/i.test(v) || isEscalate(v, locale))) into.escalate = true;
  }
}

/** Records what one object's own fields say about the dispute it belongs to. */
function readObject(
  fields: Map<string, unknown>,
  frame: Frame,
  into: Facts,
  ctx: JsonContext,
  problems: Problem[],
): void {
  into.orderId ??= firstId(fields, ORDER_KEYS);
  for (const k of STATUS_KEYS) {
    const v = fields.get(k);
    if (typeof v === 'string' && v.trim() && v.length <= 300 && into.texts.length < 8) into.texts.push(v.trim());
  }
  for (const k of OPENED_KEYS) into.openedAt ??= msInstant(fields.get(k));
  for (const [k, v] of fields) {
    if (into.deadline === null && COUNTDOWN_KEY.test(k)) into.deadline = deadlineOf(k, v, ctx, problems, into.orderId);
    if (BUTTON_KEY.test(k) && typeof v === 'object' && v !== null) into.sawButtons = true;
  }
  if (frame.buttons > 0) readButton(fields, into, ctx.locale);
}

/** Walks the answer breadth first, outer objects before inner ones, within the node and depth limits. */
function walk(json: unknown, ctx: JsonContext, problems: Problem[]): { disputes: Facts[]; loose: Facts; cut: boolean } {
  const disputes: Facts[] = [];
  const loose = facts(null, null, null);
  const budget = { left: MAX_NODES };
  const queue: Frame[] = [{ value: json, depth: 0, owner: null, orderId: null, buttons: 0 }];
  let cut = false;
  // Each value read costs one, and no more values wait than the budget can still read.
  const room = (head: number) => queue.length - head < budget.left;
  for (let head = 0; head < queue.length; head++) {
    if (--budget.left < 0) break;
    const frame = queue[head]!;
    const { value } = frame;
    if (frame.depth > MAX_DEPTH) {
      cut = true;
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        if (typeof child !== 'object' || child === null) budget.left--;
        else if (room(head)) queue.push({ ...frame, value: child, depth: frame.depth + 1, buttons: frame.buttons - 1 });
        if (!room(head)) {
          cut ||= i + 1 < value.length;
          break;
        }
      }
      continue;
    }
    if (!isRecord(value)) continue;
    const fields = fieldsOf(value, budget);
    const lineId = firstId(fields, LINE_KEYS);
    const disputeId = firstId(fields, CASE_KEYS);
    const ownOrder = firstId(fields, ORDER_KEYS);
    const orderId = ownOrder ?? frame.orderId;
    let owner = frame.owner;
    if (lineId || disputeId) {
      owner = facts(orderId, lineId, disputeId);
      disputes.push(owner);
    }
    readObject(fields, frame, owner ?? loose, ctx, problems);
    for (const [key, child] of fields) {
      if (typeof child !== 'object' || child === null) continue;
      if (!room(head)) {
        cut = true;
        break;
      }
      const buttons = BUTTON_KEY.test(key) ? 2 : frame.buttons - 1;
      queue.push({ value: child, depth: frame.depth + 1, owner, orderId, buttons });
    }
  }
  return { disputes, loose, cut: cut || budget.left < 0 };
}

function statusOf(texts: readonly string[], locale: string | null) {
  const find = <T>(of: (t: string, l: string | null) => T | null): [T, string] | null => {
    for (const t of texts) {
      const hit = of(t, locale) ?? (locale ? of(t, null) : null);
      if (hit) return [hit, t];
    }
    return null;
  };
  const status = find<Exclude<DisputeStatus, 'unknown'>>(disputeStatusOf);
  const party = find<Party>(partyOf);
  return { status, party };
}

function toDispute(f: Facts, loose: Facts | null, ctx: JsonContext, problems: Problem[]): PageDispute {
  const orderId = f.orderId ?? loose?.orderId ?? null;
  const texts = loose ? [...f.texts, ...loose.texts] : f.texts;
  const { status, party } = statusOf(texts, ctx.locale);
  if (texts.length && !status && !party) problems.push(problem('unknown-status', texts[0]!, orderId));
  const sawButtons = f.sawButtons || Boolean(loose?.sawButtons);
  const escalate = f.escalate || Boolean(loose?.escalate);
  return {
    orderId,
    lineId: f.lineId,
    disputeId: f.disputeId,
    status: status?.[0] ?? 'unknown',
    statusText: status?.[1] ?? party?.[1] ?? texts[0] ?? null,
    awaiting: party?.[0] ?? null,
    deadline: f.deadline ?? loose?.deadline ?? null,
    canEscalate: escalate ? true : sawButtons ? false : null,
    openedAt: f.openedAt ?? loose?.openedAt ?? null,
    reason: null,
    solution: null,
    via: {
      ...(orderId && { orderId: 'json' }),
      ...(f.lineId && { lineId: 'json' }),
      ...(f.disputeId && { disputeId: 'json' }),
    },
  };
}

/**
 * Every dispute an answer names by its line or case id. What lies outside every such object
 * belongs to the dispute only when the answer names one; with several it cannot be told whose.
 */
export function readDisputeAnswer(json: unknown, ctx: JsonContext, api = 'dispute answer'): JsonRead {
  const problems: Problem[] = [];
  const { disputes, loose, cut } = walk(json, ctx, problems);
  if (cut) problems.push(problem('json-invalid', `${api}: cut at ${MAX_NODES} values or depth ${MAX_DEPTH}`));
  const lone = disputes.length === 1 ? loose : null;
  const read = disputes.map((f) => toDispute(f, lone, ctx, problems));
  return { orders: [], disputes: combineDisputes(read), problems, locale: ctx.locale };
}
