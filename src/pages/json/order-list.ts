import * as z from '../shape.ts';
import type { Order, OrderLine, PageDispute, Problem } from '../../model/index.ts';
import { check, idOf, IdLike, isRecord, opt, problem, type JsonContext, type Observations } from './common.ts';
import { actionsOf } from './labels.ts';
import { byTag, orderedComponents } from './ultron.ts';
import { dateOf, languageOfStatuses, moneyOf, quantityOf, statusFrom, textOf } from './values.ts';

export const ORDER_LIST_API = 'mtop.aliexpress.trade.buyer.order.list';

const Button = z.object({ type: opt(z.string()), text: opt(z.string()) });

/** One `pc_om_list_order_<id>` component; loose because AliExpress adds fields freely. */
const ListOrder = z.object({
  orderId: IdLike,
  statusText: opt(z.string()),
  orderDateText: opt(z.string()),
  storeName: opt(z.string()),
  totalPriceText: opt(z.string()),
  formatPriceInfo: opt(z.string()),
  currencyCode: opt(z.string()),
  orderLines: opt(z.array(z.unknown())),
  buttons: opt(z.array(z.unknown())),
});

const ListLine = z.object({
  orderLineId: opt(IdLike),
  itemTitle: opt(z.string()),
  quantity: opt(z.union(z.number(), z.string())),
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
    const parsed = z.safeParse(Button, b);
    return parsed.success ? [parsed.data] : [];
  });
}

export function readOrderList(json: unknown, ctx: JsonContext): JsonRead {
  const problems: Problem[] = [];
  const components = orderedComponents(json, problems);
  if (!components) return { orders: [], disputes: [], problems, locale: ctx.locale };
  const cards = byTag(components, 'pc_om_list_order');
  const statusTexts = cards.map((c) => (isRecord(c.fields) ? textOf(c.fields.statusText) : null));
  const locale = ctx.locale ?? languageOfStatuses(statusTexts);

  const orders: Order[] = [];
  for (const card of cards) {
    const base = `data.data.${card.key}.fields`;
    const keyId = idOf(card.key.slice('pc_om_list_order_'.length));
    const f = check(ListOrder, card.fields, base, problems, keyId);
    if (!f) continue;
    const orderId = idOf(f.orderId);
    if (!orderId) {
      problems.push(problem('order-id-missing', `${base}.orderId`, null));
      continue;
    }
    orders.push({
      orderId,
      ...statusFrom(textOf(f.statusText), problems, orderId),
      placedAt: dateOf(f.orderDateText, locale, problems, orderId),
      storeName: textOf(f.storeName),
      total: moneyOf(
        { formatPriceInfo: f.formatPriceInfo, text: f.totalPriceText, currency: f.currencyCode },
        locale,
        problems,
        orderId,
      ),
      lines: linesOf(f.orderLines ?? [], `${base}.orderLines`, problems, orderId),
      actions: actionsOf(buttonsOf(f.buttons)),
      dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
    });
  }
  if (cards.length === 0 && byTag(components, 'pc_om_list_body').length === 0) {
    problems.push(problem('layout-unrecognized', 'no pc_om_list_order or pc_om_list_body component', null));
  }
  return { orders, disputes: [], problems, locale };
}
