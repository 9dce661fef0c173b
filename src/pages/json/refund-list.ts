import * as z from '../shape.ts';
import type { DisputeStatus, IdVia, PageDispute, Party, Problem } from '../../model/index.ts';
import { disputeStatusOf, idFromHref, partyOf } from '../dom/common.ts';
import { check, idOf, IdLike, isRecord, opt, problem, type JsonContext } from './common.ts';
import type { JsonRead } from './order-list.ts';
import { epochOf, textOf } from './values.ts';

export const REFUND_LIST_API = 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer';

/** Only names what does not match; each field is then read on its own (see `readLine`). */
const ReverseLine = z.object({
  tradeOrderId: opt(IdLike),
  tradeOrderLineId: opt(IdLike),
  reverseOrderLineId: opt(IdLike),
  reverseStatus: opt(z.union(z.number(), z.string())),
  gmtCreate: opt(z.union(z.number(), z.string())),
  buttonDTOList: opt(z.array(z.unknown())),
});

/**
 * `reverseStatus` of a line, when no text says more. 1, 2 and 3 are cases still running (the
 * list's own tabs: 2 and 3 "in progress"), without saying who must act, so `open`; 4 is finished,
 * and the list does not tell whether money came back, so `closed`, not `refunded`.
 */
const REVERSE_STATUS: Readonly<Record<string, DisputeStatus>> = {
  '1': 'open',
  '2': 'open',
  '3': 'open',
  '4': 'closed',
};

/** The status texts a line may carry, most telling first (ElMagoCT's adapter, 2026-09). */
const STATUS_TEXT_FIELDS = ['reverseStatusText', 'reverseDetailStatusText', 'refundNewestStatus'] as const;

/** A status that names who must act says it of the case: waiting for the seller is the seller's turn. */
const PARTY_STATUS: Readonly<Record<Party, DisputeStatus>> = {
  seller: 'awaiting-seller',
  buyer: 'awaiting-buyer',
  aliexpress: 'escalated',
};

interface Found {
  line: unknown;
  base: string;
}

const LINE_KEYS = ['tradeOrderId', 'tradeOrderLineId', 'reverseOrderLineId', 'reverseOrderId'];

/** `module` of the whole mtop envelope, of its `data`, or the module itself. */
function moduleOf(json: unknown): { module: unknown; base: string } {
  if (isRecord(json) && isRecord(json.data) && 'module' in json.data)
    return { module: json.data.module, base: 'data.module' };
  if (isRecord(json) && 'module' in json) return { module: json.module, base: 'module' };
  if (isRecord(json) && 'items' in json) return { module: json, base: '' };
  return { module: undefined, base: isRecord(json) && isRecord(json.data) ? 'data.module' : 'module' };
}

/**
 * Every reverse line: an item's `reverseOrderLines[]`, or the item itself when it is a line (its
 * ids sit on it). Anything else is named, not guessed at.
 */
function linesOf(json: unknown, problems: Problem[]): Found[] | null {
  const { module, base } = moduleOf(json);
  const at = (path: string) => (base ? `${base}.${path}` : path);
  if (!isRecord(module)) {
    problems.push(problem('json-invalid', `${base}: ${module === undefined ? 'missing' : 'expected object'}`));
    return null;
  }
  if (!Array.isArray(module.items)) {
    problems.push(problem('json-invalid', `${at('items')}: expected array`));
    return null;
  }
  const found: Found[] = [];
  module.items.forEach((item, i) => {
    const itemBase = at(`items[${i}]`);
    if (isRecord(item) && Array.isArray(item.reverseOrderLines)) {
      item.reverseOrderLines.forEach((line, j) => found.push({ line, base: `${itemBase}.reverseOrderLines[${j}]` }));
    } else if (isRecord(item) && LINE_KEYS.some((k) => k in item)) {
      found.push({ line: item, base: itemBase });
    } else {
      problems.push(problem('json-invalid', `${itemBase}: neither reverseOrderLines nor a reverse line`));
    }
  });
  return found;
}

const ALIEXPRESS = new URL('https://www.aliexpress.com/');

/** The case id in a button's case-detail link, for a line that lacks its own field. */
function caseIdFromButtons(buttons: unknown): string | null {
  if (!Array.isArray(buttons)) return null;
  for (const b of buttons) {
    const href = isRecord(b) && typeof b.detailUrl === 'string' ? b.detailUrl : null;
    const id = href ? idFromHref(href, ALIEXPRESS, ['reverseOrderLineId']) : null;
    if (id) return id;
  }
  return null;
}

interface StatusRead {
  /** Null when neither a text nor the code says it. */
  status: DisputeStatus | null;
  /** The text that named the status, else the first text the line carries, kept even when unknown. */
  statusText: string | null;
  awaiting: Party | null;
  texts: string[];
}

/** The status from the line's texts when they say it, else from its code. */
function statusOf(line: Record<string, unknown>, locale: string | null): StatusRead {
  const texts = STATUS_TEXT_FIELDS.map((k) => textOf(line[k])).filter((t): t is string => t !== null);
  const named = texts.map((t) => ({ text: t, status: disputeStatusOf(t, locale) })).find((s) => s.status !== null);
  const party = texts.map((t) => partyOf(t, locale)).find((p) => p !== null) ?? null;
  const awaiting =
    party ?? (named?.status === 'awaiting-seller' ? 'seller' : named?.status === 'awaiting-buyer' ? 'buyer' : null);
  const code = line.reverseStatus == null ? null : String(line.reverseStatus).trim();
  const byCode = code !== null && Object.hasOwn(REVERSE_STATUS, code) ? REVERSE_STATUS[code]! : null;
  const status = named?.status ?? (party ? PARTY_STATUS[party] : null) ?? byCode;
  return { status, statusText: named?.text ?? texts[0] ?? null, awaiting, texts };
}

function readLine(found: Found, locale: string | null, problems: Problem[]): PageDispute | null {
  const { base } = found;
  const tradeOrderId = isRecord(found.line) ? found.line.tradeOrderId : undefined;
  check(ReverseLine, found.line, base, problems, idOf(tradeOrderId));
  if (!isRecord(found.line)) return null;
  const line = found.line;
  const orderId = idOf(line.tradeOrderId);
  const lineId = idOf(line.tradeOrderLineId);
  // The case pages are keyed by reverseOrderLineId (Detail.htm?reverseOrderLineId=...).
  const ownCaseId = idOf(line.reverseOrderLineId);
  const disputeId = ownCaseId ?? caseIdFromButtons(line.buttonDTOList);
  // The store joins a line or case to its order later; without any of the three there is nothing to join.
  if (!orderId) problems.push(problem('order-id-missing', `${base}.tradeOrderId`, null));
  if (!orderId && !lineId && !disputeId) return null;

  const read = statusOf(line, locale);
  if (!read.status) {
    const code = line.reverseStatus == null ? 'missing' : String(line.reverseStatus);
    problems.push(problem('unknown-status', [...read.texts, `reverseStatus ${code}`].join(' / '), orderId));
  }
  const via: { orderId?: IdVia; lineId?: IdVia; disputeId?: IdVia } = {};
  if (orderId) via.orderId = 'json';
  if (lineId) via.lineId = 'json';
  if (disputeId) via.disputeId = ownCaseId ? 'json' : 'link';
  return {
    orderId,
    lineId,
    disputeId,
    status: read.status ?? 'unknown',
    statusText: read.statusText,
    awaiting: read.awaiting,
    deadline: null,
    canEscalate: null,
    openedAt: epochOf(line.gmtCreate),
    reason: null,
    solution: null,
    via,
  };
}

/** The refund/dispute list: one dispute per reverse line. */
export function readRefundList(json: unknown, ctx: JsonContext): JsonRead {
  const problems: Problem[] = [];
  const found = linesOf(json, problems);
  const disputes: PageDispute[] = [];
  for (const f of found ?? []) {
    const dispute = readLine(f, ctx.locale, problems);
    if (dispute) disputes.push(dispute);
  }
  return { orders: [], disputes, problems, locale: ctx.locale };
}
