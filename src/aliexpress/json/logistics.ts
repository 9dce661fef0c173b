import { blankOrder } from '../../model/blank.ts';
import * as shape from '../shape.ts';
import type { Problem } from '../../model/index.ts';
import { check, opt, paramId, problem, type JsonContext } from './common.ts';
import { DELIVERY_GUARANTEE } from './order-detail.ts';
import type { JsonRead } from './order-list.ts';
import { dateOf } from './values.ts';

export const LOGISTICS_API = 'mtop.ae.ld.querydetail';

const Logistics = shape.object({
  data: shape.object({
    module: shape.object({
      fastDeliveryInfoDTO: opt(shape.object({ fdContentList: opt(shape.array(shape.unknown())) })),
      trackingDetailLineList: opt(
        shape.array(shape.object({ etaInfo: opt(shape.object({ tipsLink: opt(shape.string()) })) })),
      ),
    }),
  }),
});

/**
 * The tracking answer adds one thing the order pages may lack: the delivery guarantee ("Refund if
 * no delivery before Sep 3, 2026"). It says nothing of the order's status, so that stays unknown
 * for the merge to fill from another source.
 */
export function readLogistics(json: unknown, ctx: JsonContext): JsonRead {
  const problems: Problem[] = [];
  const parsed = check(Logistics, json, '', problems);
  if (!parsed) return { orders: [], disputes: [], problems, locale: ctx.locale };
  const { module } = parsed.data;
  const orderId =
    paramId(ctx.url, 'tradeOrderId') ??
    (module.trackingDetailLineList ?? []).map((l) => paramId(l.etaInfo?.tipsLink, 'tradeOrderId')).find(Boolean) ??
    null;
  if (!orderId) {
    problems.push(problem('order-id-missing', 'tradeOrderId (page URL or etaInfo.tipsLink)', null));
    return { orders: [], disputes: [], problems, locale: ctx.locale };
  }
  const texts = (module.fastDeliveryInfoDTO?.fdContentList ?? []).filter((t): t is string => typeof t === 'string');
  const guarantee = texts.map((t) => DELIVERY_GUARANTEE.exec(t)?.[1]).find(Boolean);
  const order = blankOrder(orderId, {
    deliveryGuaranteeAt: guarantee ? dateOf(guarantee, 'en', problems, orderId) : null,
  });
  return { orders: [order], disputes: [], problems, locale: ctx.locale };
}
