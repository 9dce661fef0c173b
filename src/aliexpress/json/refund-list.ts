import type { DisputeStatus, PageDispute, Party, Problem } from '../../model/index.ts';
import { disputeStatusOf, partyOf } from '../dom/common.ts';
import { idOf, isRecord, problem, type JsonContext } from './common.ts';
import type { JsonRead } from './order-list.ts';
import { epochOf, textOf } from './values.ts';
import { REFUND_LIST_API } from './apis.ts';

export { REFUND_LIST_API };

/**
 * `reverseStatus` of a line, when no text says more. 1, 2 and 3 are cases still running, without
 * saying who must act, so `open` (the list's filter of the same name uses 2 and 3 for its
 * in-progress tabs and 4 for completed); 4 is finished, and the list does not tell whether money
 * came back, so `closed`, not `refunded`.
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

/**
 * Every reverse line of the whole mtop envelope or of its `data`: an item's `reverseOrderLines[]`,
 * or the item itself when it is a line (its ids sit on it). Anything else is named, not guessed at.
 */
function linesOf(json: unknown, problems: Problem[]): Found[] {
  const enveloped = isRecord(json) && isRecord(json.data);
  const body = enveloped ? json.data : json;
  const base = enveloped ? 'data.module' : 'module';
  const items = isRecord(body) && isRecord(body.module) ? body.module.items : undefined;
  if (!Array.isArray(items)) {
    problems.push(problem('json-invalid', `${base}.items: expected array`));
    return [];
  }
  const found: Found[] = [];
  items.forEach((item, i) => {
    const at = `${base}.items[${i}]`;
    if (isRecord(item) && Array.isArray(item.reverseOrderLines))
      item.reverseOrderLines.forEach((line, j) => found.push({ line, base: `${at}.reverseOrderLines[${j}]` }));
    else found.push({ line: item, base: at });
  });
  return found;
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
  const { line, base } = found;
  if (!isRecord(line)) {
    problems.push(problem('json-invalid', `${base}: expected object`));
    return null;
  }
  const orderId = idOf(line.tradeOrderId);
  const lineId = idOf(line.tradeOrderLineId);
  // The case pages are keyed by reverseOrderLineId (Detail.htm?reverseOrderLineId=...).
  const disputeId = idOf(line.reverseOrderLineId);
  // The store joins a line or case to its order later; without any of the three there is nothing to join.
  if (!orderId) problems.push(problem('order-id-missing', `${base}.tradeOrderId`, null));
  if (!orderId && !lineId && !disputeId) return null;

  const read = statusOf(line, locale);
  if (!read.status) {
    const code = line.reverseStatus == null ? 'missing' : String(line.reverseStatus);
    problems.push(problem('unknown-status', [...read.texts, `reverseStatus ${code}`].join(' / '), orderId));
  }
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
    via: {
      ...(orderId && { orderId: 'json' }),
      ...(lineId && { lineId: 'json' }),
      ...(disputeId && { disputeId: 'json' }),
    },
  };
}

/** The refund/dispute list: one dispute per reverse line. */
export function readRefundList(json: unknown, ctx: JsonContext): JsonRead {
  const problems: Problem[] = [];
  const found = linesOf(json, problems);
  const disputes: PageDispute[] = [];
  for (const f of found) {
    const dispute = readLine(f, ctx.locale, problems);
    if (dispute) disputes.push(dispute);
  }
  return { orders: [], disputes, problems, locale: ctx.locale };
}
