/**
 * Dispute (case) detail (`trade.aliexpress.com/issue/fastissue/Detail.htm`): status, who must act,
 * the countdown as an absolute deadline, reason and solution, and whether Escalate is offered now.
 * Line and refund ids come from the page URL, the order id from the order link on the page.
 */
import type { Dispute, Problem } from '../../model/index.ts';
import { parseCountdown } from '../text/countdown.ts';
import { textOf } from '../text/normalize.ts';
import {
  disputeStatusOf,
  emptyResult,
  guarded,
  idFromHref,
  idFromTarget,
  isEscalate,
  iso,
  ORDER_ID_PARAMS,
  partyOf,
  problem,
  type DomContext,
  type DomResult,
} from './common.ts';
import { $all, $optional, $required, SELECTORS, type Selectors } from './selectors.ts';

type S = Selectors['disputeDetail'];

function canEscalate(doc: Document, s: S, locale: string | null): boolean | null {
  const buttons = $all(doc, s.button);
  let unknown = false;
  for (const b of buttons) {
    const hit = isEscalate(textOf(b), locale);
    if (hit) return true;
    if (hit === null) unknown = true;
  }
  // With the language unknown, an unrecognised button might be Escalate: say so rather than "no".
  return unknown || (buttons.length === 0 && !locale) ? null : false;
}

function readDispute(doc: Document, ctx: DomContext, s: S, problems: Problem[]): Dispute | null {
  const statusEl = $required(doc, s.status, 'disputeDetail.status');
  const orderId = idFromTarget(doc, s.idLink, ctx.url, ORDER_ID_PARAMS);
  if (statusEl.problem) {
    problems.push(problem('layout-unrecognized', 'disputeDetail.status', orderId));
    return null;
  }
  if (!orderId) {
    problems.push(problem('order-id-missing', 'dispute detail'));
    return null;
  }
  const statusText = textOf(statusEl.el) || null;
  const known = statusText ? disputeStatusOf(statusText, ctx.locale) : null;
  if (statusText && !known) problems.push(problem('unknown-status', statusText, orderId));
  const status = known ?? 'unknown';

  const countdown = $optional(doc, s.countdown);
  let deadline: Date | null = null;
  if (countdown) {
    deadline = parseCountdown(textOf(countdown), ctx.locale, ctx.readAt);
    if (!deadline) problems.push(problem('countdown-unparsed', textOf(countdown).slice(0, 120), orderId));
  }
  const awaitingText = textOf($optional(doc, s.awaiting));
  return {
    orderId,
    lineId: idFromHref(ctx.url.href, ctx.url, ['tradeOrderLineId']),
    disputeId: idFromHref(ctx.url.href, ctx.url, ['reverseOrderLineId']),
    status,
    statusText,
    awaiting: awaitingText ? partyOf(awaitingText, ctx.locale) : null,
    deadline: iso(deadline),
    canEscalate: canEscalate(doc, s, ctx.locale),
    openedAt: null,
    reason: textOf($optional(doc, s.reason)) || null,
    solution: textOf($optional(doc, s.solution)) || null,
  };
}

export function readDisputeDetail(doc: Document, ctx: DomContext): DomResult {
  const result = emptyResult();
  if (!SELECTORS.ok) return { ...result, problems: [problem('layout-unrecognized', SELECTORS.message)] };
  const s = SELECTORS.selectors.disputeDetail;
  const dispute = guarded(result.problems, 'dispute detail', null, () => readDispute(doc, ctx, s, result.problems));
  if (dispute) result.disputes.push(dispute);
  return result;
}
