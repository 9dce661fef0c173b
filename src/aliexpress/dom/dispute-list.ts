/**
 * Refund/dispute list (`/p/refund-dispute/list.html`): one Dispute per card, with its line and
 * refund ids from the case link and its order id from the order link. The list shows no countdown
 * and no Escalate button, so those stay null ("cannot tell here"), never false.
 */
import { blankDispute } from '../../model/blank.ts';
import type { Dispute, Problem } from '../../model/index.ts';
import { textOf } from '../text/normalize.ts';
import {
  disputeStatusOf,
  emptyResult,
  guarded,
  idFromLinks,
  idFromTarget,
  ORDER_ID_PARAMS,
  problem,
  type DomContext,
  type DomResult,
} from './common.ts';
import { $all, $optional, $union, SELECTORS, type Selectors } from './selectors.ts';

type S = Selectors['disputeList'];

function readCard(card: Element, index: number, ctx: DomContext, s: S, problems: Problem[]): Dispute | null {
  const orderId = idFromTarget(card, s.idLink, ORDER_ID_PARAMS);
  if (!orderId) {
    problems.push(problem('order-id-missing', `refund card ${index + 1}`));
    return null;
  }
  const caseLinks = $union(card, s.caseLink);
  const statusText = textOf($optional(card, s.status)) || null;
  const known = statusText ? disputeStatusOf(statusText, ctx.locale) : null;
  if (!statusText) problems.push(problem('field-missing', 'disputeList.status', orderId));
  else if (!known) problems.push(problem('unknown-status', statusText, orderId));
  const status = known ?? 'unknown';
  return {
    ...blankDispute(orderId, idFromLinks(caseLinks, ['tradeOrderLineId'])),
    disputeId: idFromLinks(caseLinks, ['reverseOrderLineId']),
    status,
    statusText,
  };
}

export function readDisputeList(doc: Document, ctx: DomContext): DomResult {
  const result = emptyResult();
  if (!SELECTORS.ok) return { ...result, problems: [problem('layout-unrecognized', SELECTORS.message)] };
  const s = SELECTORS.selectors.disputeList;
  const cards = $all(doc, s.card);
  if (cards.length === 0) {
    result.problems.push(problem('layout-unrecognized', 'disputeList: no refund cards'));
    return result;
  }
  cards.forEach((card, index) => {
    const dispute = guarded(result.problems, `refund card ${index + 1}`, null, () =>
      readCard(card, index, ctx, s, result.problems),
    );
    if (dispute) result.disputes.push(dispute);
  });
  return result;
}
