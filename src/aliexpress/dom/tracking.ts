/**
 * Tracking (`/p/tracking/index.html?tradeOrderId=`): only the delivery promises: the guarantee
 * ("Refund if no delivery before <date>") and the late-delivery coupon, in the page's language. The order comes back with what this page knows and nothing else:
 * status `unknown` with a null status text means "not shown here", so a merge keeps what another
 * page said.
 */
import { blankOrder } from '../../model/blank.ts';

import { readPromises } from '../text/promises.ts';
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
import { $all, SELECTORS } from './selectors.ts';

export function readTracking(doc: Document, ctx: DomContext): DomResult {
  const result = emptyResult();
  if (!SELECTORS.ok) return { ...result, problems: [problem('layout-unrecognized', SELECTORS.message)] };
  const s = SELECTORS.selectors.tracking;
  const lines = $all(doc, s.guarantee);
  // Not every parcel has a delivery guarantee: no line, nothing to report.
  if (lines.length === 0) return result;
  const orderId = idFromHref(ctx.url.href, ORDER_ID_PARAMS) ?? idFromTarget(doc, s.idLink, ORDER_ID_PARAMS);
  if (!orderId) {
    result.problems.push(problem('order-id-missing', 'tracking'));
    return result;
  }
  const p = readPromises(lines.map(textOf), ctx.locale, result.problems, orderId, ctx.readAt);
  if (!p.deliveryGuaranteeAt && !p.lateCoupon) return result;
  result.orders.push(
    blankOrder(orderId, {
      deliveryGuaranteeAt: p.deliveryGuaranteeAt ?? null,
      ...(p.lateCoupon && { lateCoupon: p.lateCoupon }),
    }),
  );
  return result;
}
