import * as shape from '../shape.ts';
import type { Order, OrderLine, PageDispute, Problem } from '../../model/index.ts';
import { check, idOf, IdLike, isRecord, opt, problem, type JsonContext, type Observations } from './common.ts';
import { actionsOf } from './labels.ts';
import { byTag, orderedComponents, type UltronComponent } from './ultron.ts';
import { dateOf, languageOfStatuses, moneyOf, quantityOf, statusFrom, textOf } from './values.ts';
import { ORDER_LIST_API } from './apis.ts';

export { ORDER_LIST_API };

const Button = shape.object({ type: opt(shape.string()), text: opt(shape.string()) });

/** One order component (tag `pc_om_list_order`); loose because AliExpress adds fields freely. */
const ListOrder = shape.object({
  orderId: IdLike,
  statusText: opt(shape.string()),
  orderDateText: opt(shape.string()),
  storeName: opt(shape.string()),
  totalPriceText: opt(shape.string()),
  formatPriceInfo: opt(shape.string()),
  currencyCode: opt(shape.string()),
  orderLines: opt(shape.array(shape.unknown())),
  buttons: opt(shape.array(shape.unknown())),
});

const ListLine = shape.object({
  orderLineId: opt(IdLike),
  itemTitle: opt(shape.string()),
  quantity: opt(shape.union(shape.number(), shape.string())),
});

export interface JsonRead extends Observations<Order, PageDispute> {
  /** The language the answer's own texts prove, when the caller did not know it. */
  locale: string | null;
}

export function linesOf(raw: readonly unknown[], base: string, problems: Problem[], orderId: string): OrderLine[] {
  const lines: OrderLine[] = [];
  raw.forEach((value, i) => {
    const line = check(ListLine, value, `${base}[${i}]`, problems, orderId);
    if (!line) return;
    lines.push({ lineId: idOf(line.orderLineId), title: textOf(line.itemTitle), quantity: quantityOf(line.quantity) });
  });
  return lines;
}

export function buttonsOf(raw: readonly unknown[] | null | undefined): { type?: string | null }[] {
  return (raw ?? []).flatMap((b) => {
    const parsed = shape.safeParse(Button, b);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The id a component key ends in (`pc_om_list_order_<id>`, `order_<id>`): only to name a problem. */
const keyIdOf = (key: string) => idOf(/_(\d+)$/.exec(key)?.[1]);

/**
 * One order card. The schema only names what does not match; each field is then read on its own,
 * so one mistyped field costs that field, not the order. The id is the one field an order needs.
 */
function orderOf(card: UltronComponent, locale: string | null, problems: Problem[]): Order | null {
  const base = `data.data.${card.key}.fields`;
  check(ListOrder, card.fields, base, problems, keyIdOf(card.key));
  const f = isRecord(card.fields) ? card.fields : {};
  const orderId = idOf(f.orderId);
  if (!orderId) {
    // A missing id was named by the schema; one that is there but unusable (rounded) is named here.
    if (f.orderId != null) problems.push(problem('order-id-missing', `${base}.orderId`, null));
    return null;
  }
  return {
    orderId,
    ...statusFrom(textOf(f.statusText), problems, orderId, locale),
    placedAt: dateOf(textOf(f.orderDateText), locale, problems, orderId),
    storeName: textOf(f.storeName),
    // The order's own total or none: a sum of its lines would miss shipping, taxes and coupons.
    total: moneyOf(
      { formatPriceInfo: textOf(f.formatPriceInfo), text: textOf(f.totalPriceText), currency: textOf(f.currencyCode) },
      locale,
      problems,
      orderId,
    ),
    lines: linesOf(Array.isArray(f.orderLines) ? f.orderLines : [], `${base}.orderLines`, problems, orderId),
    actions: actionsOf(buttonsOf(Array.isArray(f.buttons) ? f.buttons : null)),
    dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
  };
}

/**
 * A page of My orders: the first answer (`renderType: "init"`) or a "View orders" page
 * (`"append"`), which may bring only order components. Orders are found by their tag.
 */
export function readOrderList(json: unknown, ctx: JsonContext): JsonRead {
  const problems: Problem[] = [];
  const components = orderedComponents(json, problems);
  if (!components) return { orders: [], disputes: [], problems, locale: ctx.locale };
  const cards = byTag(components, 'pc_om_list_order');
  const statusTexts = cards.map((c) => (isRecord(c.fields) ? textOf(c.fields.statusText) : null));
  const locale = ctx.locale ?? languageOfStatuses(statusTexts);

  const orders: Order[] = [];
  for (const card of cards) {
    const order = orderOf(card, locale, problems);
    if (order) orders.push(order);
  }
  if (cards.length === 0 && byTag(components, 'pc_om_list_body').length === 0) {
    problems.push(problem('layout-unrecognized', 'no pc_om_list_order or pc_om_list_body component', null));
  }
  return { orders, disputes: [], problems, locale };
}
