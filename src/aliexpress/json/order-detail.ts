import * as shape from '../shape.ts';
import type { Order, Problem } from '../../model/index.ts';
import { check, idOf, IdLike, opt, paramId, problem, type JsonContext } from './common.ts';
import { actionsOf } from './labels.ts';
import { buttonsOf, linesOf, type JsonRead } from './order-list.ts';
import { byTag, orderedComponents, type UltronComponent } from './ultron.ts';
import { readPromises } from '../text/promises.ts';
import { dateOf, languageOfStatuses, moneyOf, statusFrom, textOf } from './values.ts';
import { ORDER_DETAIL_API } from './apis.ts';

export { ORDER_DETAIL_API };

const StatusBlock = shape.object({
  orderId: opt(IdLike),
  title: opt(shape.string()),
  buttonVOList: opt(shape.array(shape.unknown())),
});

const OrderInfo = shape.object({
  tradeOrderId: opt(IdLike),
  orderCreatTime: opt(shape.string()),
  orderShipTime: opt(shape.string()),
  orderEndTime: opt(shape.string()),
});

const ProductBlock = shape.object({
  productVOList: opt(shape.array(shape.unknown())),
  sellerVO: opt(shape.object({ sellerName: opt(shape.string()) })),
});

const Product = shape.object({ buttonVOS: opt(shape.array(shape.unknown())) });

const PriceBlock = shape.object({
  totalPrice: opt(
    shape.object({
      currencyCode: opt(shape.string()),
      formatPriceInfo: opt(shape.string()),
      value: opt(shape.string()),
    }),
  ),
});

const Services = shape.object({ data: opt(shape.array(shape.object({ content: opt(shape.string()) }))) });

function first<T>(
  components: readonly UltronComponent[],
  tag: string,
  schema: shape.Shape<T>,
  problems: Problem[],
): T | null {
  const c = byTag(components, tag)[0];
  return c ? check(schema, c.fields, `data.data.${c.key}.fields`, problems) : null;
}

/** Only the id to use: the answer's own, else the page URL's (`detail.html?orderId=`). */
function orderIdOf(
  status: shape.Infer<typeof StatusBlock> | null,
  info: shape.Infer<typeof OrderInfo> | null,
  url: string,
) {
  return idOf(status?.orderId) ?? idOf(info?.tradeOrderId) ?? paramId(url, 'orderId');
}

export function readOrderDetail(json: unknown, ctx: JsonContext): JsonRead {
  const problems: Problem[] = [];
  const components = orderedComponents(json, problems);
  if (!components) return { orders: [], disputes: [], problems, locale: ctx.locale };
  const status = first(components, 'detail_order_status_block', StatusBlock, problems);
  const info = first(components, 'detail_simple_order_info_component', OrderInfo, problems);
  const products = first(components, 'detail_product_block', ProductBlock, problems);
  const price = first(components, 'detail_order_price_block', PriceBlock, problems);
  const services = byTag(components, 'detail_order_services').flatMap((c) => {
    const s = check(Services, c.fields, `data.data.${c.key}.fields`, problems);
    return s?.data ?? [];
  });

  if (!status && !info && !products) {
    problems.push(problem('layout-unrecognized', 'no detail_order_status_block, order info or product block', null));
    return { orders: [], disputes: [], problems, locale: ctx.locale };
  }
  const orderId = orderIdOf(status, info, ctx.url);
  if (!orderId) {
    problems.push(problem('order-id-missing', 'detail_order_status_block.orderId', null));
    return { orders: [], disputes: [], problems, locale: ctx.locale };
  }
  const locale = ctx.locale ?? languageOfStatuses([status?.title]);
  const total = price?.totalPrice;

  const productList = products?.productVOList ?? [];
  const lines = linesOf(productList, 'detail_product_block.fields.productVOList', problems, orderId);
  // The status block's buttons first, then each item's, as the page shows them.
  const buttons = [
    ...buttonsOf(status?.buttonVOList),
    ...productList.flatMap((raw) => {
      const product = shape.safeParse(Product, raw);
      return product.success ? buttonsOf(product.data.buttonVOS) : [];
    }),
  ];

  const placedAt = dateOf(info?.orderCreatTime, locale, problems, orderId);
  // The service promises: delivery guarantee, late-delivery coupon, free-return window.
  const promises = readPromises(
    services.map((s) => s.content ?? ''),
    locale,
    problems,
    orderId,
    ctx.readAt,
    placedAt,
  );
  const order: Order = {
    orderId,
    ...statusFrom(textOf(status?.title), problems, orderId, locale),
    placedAt,
    storeName: textOf(products?.sellerVO?.sellerName),
    total: total
      ? moneyOf(
          { formatPriceInfo: total.formatPriceInfo, text: total.value, currency: total.currencyCode },
          locale,
          problems,
          orderId,
        )
      : null,
    lines,
    actions: actionsOf(buttons),
    dates: {
      shippedAt: dateOf(info?.orderShipTime, locale, problems, orderId),
      completedAt: dateOf(info?.orderEndTime, locale, problems, orderId),
      protectionEndsAt: null,
      deliveryGuaranteeAt: promises.deliveryGuaranteeAt ?? null,
      lateCoupon: promises.lateCoupon ?? null,
      freeReturnDays: promises.freeReturnDays ?? null,
    },
  };
  return { orders: [order], disputes: [], problems, locale };
}
