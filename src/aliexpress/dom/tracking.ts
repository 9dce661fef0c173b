/**
 * Tracking (`/p/tracking/index.html?tradeOrderId=`): only the delivery-guarantee date ("Refund if
 * no delivery before <date>"). The order comes back with what this page knows and nothing else:
 * status `unknown` with a null status text means "not shown here", so a merge keeps what another
 * page said.
 */
import { blankOrder } from '../../model/blank.ts';

import { pageDate } from '../text/date.ts';
import { textOf } from '../text/normalize.ts';
import {
  emptyResult,
  idFromHref,
  idFromTarget,
  ORDER_ID_PARAMS,
  problem,
  type DomContext,
  type DomResult,
} from './common.ts';
import { $optional, SELECTORS } from './selectors.ts';

export function readTracking(doc: Document, ctx: DomContext): DomResult {
  const result = emptyResult();
  if (!SELECTORS.ok) return { ...result, problems: [problem('layout-unrecognized', SELECTORS.message)] };
  const s = SELECTORS.selectors.tracking;
  const guarantee = $optional(doc, s.guarantee);
  // Not every parcel has a delivery guarantee: no line, nothing to report.
  if (!guarantee) return result;
  const orderId =
    idFromHref(ctx.url.href, ctx.url, ORDER_ID_PARAMS) ?? idFromTarget(doc, s.idLink, ctx.url, ORDER_ID_PARAMS);
  if (!orderId) {
    result.problems.push(problem('order-id-missing', 'tracking'));
    return result;
  }
  const text = textOf(guarantee);
  const date = pageDate(text, ctx.locale);
  if (!date) {
    result.problems.push(problem('date-unparsed', text.slice(0, 120), orderId));
    return result;
  }
  const order = blankOrder(orderId, { deliveryGuaranteeAt: date });
  result.orders.push(order);
  return result;
}
