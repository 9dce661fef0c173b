import { blankOrder } from '../../model/blank.ts';
import * as shape from '../shape.ts';
import type { Problem } from '../../model/index.ts';
import { check, opt, paramId, problem, type JsonContext } from './common.ts';
import { readPromises } from '../text/promises.ts';
import type { JsonRead } from './order-list.ts';
import { epochOf } from './values.ts';
import { LOGISTICS_API } from './apis.ts';

export { LOGISTICS_API };

const Logistics = shape.object({
  data: shape.object({
    module: shape.object({
      fastDeliveryInfoDTO: opt(shape.object({ fdContentList: opt(shape.array(shape.unknown())) })),
      trackingDetailLineList: opt(
        shape.array(
          shape.object({
            etaInfo: opt(shape.object({ tipsLink: opt(shape.string()) })),
            detailList: opt(shape.array(shape.unknown())),
          }),
        ),
      ),
    }),
  }),
});

/** The "Delivered" event's code in a tracking line's `detailList`. */
const DELIVERED = 'AE_GTMS_SIGNED';
const TrackingEvent = shape.object({ time: opt(shape.unknown()), trackingPrimaryCode: opt(shape.string()) });

/**
 * The tracking answer adds what the order pages may lack: the delivery promises ("Apply for
 * R$5.00 coupon code if delayed by Aug 3, 2026 · Refund if no delivery before Sep 3, 2026") and
 * when the parcel was delivered (its `AE_GTMS_SIGNED` event). It says nothing of the order's status, so that stays unknown
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
  const promises = readPromises(texts, ctx.locale, problems, orderId, ctx.readAt);
  const delivered = (module.trackingDetailLineList ?? [])
    .flatMap((l) => l.detailList ?? [])
    .map((e) => shape.safeParse(TrackingEvent, e))
    .find((e) => e.success && e.data.trackingPrimaryCode === DELIVERED);
  const order = blankOrder(orderId, {
    deliveryGuaranteeAt: promises.deliveryGuaranteeAt ?? null,
    ...(promises.lateCoupon && { lateCoupon: promises.lateCoupon }),
    ...(delivered?.success && { deliveredAt: epochOf(delivered.data.time) }),
  });
  return { orders: [order], disputes: [], problems, locale: ctx.locale };
}
