import * as z from '../shape.ts';
import type { DisputeStatus, PageDispute, Problem } from '../../model/index.ts';
import { check, idOf, IdLike, isRecord, opt, problem, type JsonContext } from './common.ts';
import type { JsonRead } from './order-list.ts';
import { epochOf } from './values.ts';

export const REFUND_LIST_API = 'mtop.aliexpress.buyer.reverse.queryreverseorderpagelistforbuyer';

const ReverseLine = z.object({
  tradeOrderId: IdLike,
  tradeOrderLineId: opt(IdLike),
  reverseOrderLineId: opt(IdLike),
  reverseStatus: opt(z.union(z.number(), z.string())),
  gmtCreate: opt(z.union(z.number(), z.string())),
});

const RefundList = z.object({
  data: z.object({
    module: z.object({
      items: z.array(z.object({ reverseOrderLines: opt(z.array(z.unknown())) })),
    }),
  }),
});

/**
 * `reverseStatus` is a code without a label in this answer. 2 and 3 are "in progress" without
 * saying who must act, so the status stays `unknown` until a page that says more is read; 4 is
 * finished, and the list does not tell whether money came back, so `closed`, not `refunded`.
 */
const REVERSE_STATUS: Readonly<Record<string, DisputeStatus>> = { '2': 'unknown', '3': 'unknown', '4': 'closed' };

/** The refund/dispute list: one dispute per `reverseOrderLines[]` entry. */
export function readRefundList(json: unknown, ctx: JsonContext): JsonRead {
  const problems: Problem[] = [];
  // Accept the answer's `data` alone as well as the whole mtop envelope.
  const envelope = isRecord(json) && !('data' in json) && 'module' in json ? { data: json } : json;
  const list = check(RefundList, envelope, '', problems);
  if (!list) return { orders: [], disputes: [], problems, locale: ctx.locale };
  const disputes: PageDispute[] = [];
  list.data.module.items.forEach((item, i) => {
    (item.reverseOrderLines ?? []).forEach((raw, j) => {
      const base = `data.module.items[${i}].reverseOrderLines[${j}]`;
      const line = check(ReverseLine, raw, base, problems);
      if (!line) return;
      const orderId = idOf(line.tradeOrderId);
      if (!orderId) {
        problems.push(problem('order-id-missing', `${base}.tradeOrderId`, null));
        return;
      }
      const code = line.reverseStatus == null ? null : String(line.reverseStatus);
      const known = code !== null && Object.hasOwn(REVERSE_STATUS, code) ? REVERSE_STATUS[code]! : null;
      if (!known) problems.push(problem('unknown-status', `reverseStatus ${code ?? 'missing'}`, orderId));
      const lineId = idOf(line.tradeOrderLineId);
      // The case pages are keyed by reverseOrderLineId (Detail.htm?reverseOrderLineId=...).
      const disputeId = idOf(line.reverseOrderLineId);
      disputes.push({
        orderId,
        lineId,
        disputeId,
        status: known ?? 'unknown',
        statusText: null,
        awaiting: null,
        deadline: null,
        canEscalate: null,
        openedAt: epochOf(line.gmtCreate),
        reason: null,
        solution: null,
        via: { orderId: 'json', ...(lineId && { lineId: 'json' }), ...(disputeId && { disputeId: 'json' }) },
      });
    });
  });
  return { orders: [], disputes, problems, locale: ctx.locale };
}
