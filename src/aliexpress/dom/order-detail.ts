/**
 * Order detail (`/p/order/detail.html?orderId=`): status and its reminder countdown, product lines
 * with their line ids (from each line's refund link), the dates of the info rows, the total.
 */
import type { Order, OrderLine, Problem } from '../../model/index.ts';
import { parseCountdown } from '../text/countdown.ts';
import { pageDate } from '../text/date.ts';
import { localeRules } from '../text/locale-rules.ts';
import { parseMoney } from '../text/money.ts';
import { normText, textOf } from '../text/normalize.ts';
import {
  actionsOf,
  emptyResult,
  guarded,
  idFromHref,
  idFromLinks,
  idFromTarget,
  iso,
  ORDER_ID_PARAMS,
  orderStatusOf,
  problem,
  quantityOf,
  type DomContext,
  type DomResult,
} from './common.ts';
import { $all, $optional, $required, SELECTORS, type Selectors } from './selectors.ts';

type S = Selectors['orderDetail'];
type InfoDates = { placedAt: string | null; shippedAt: string | null; completedAt: string | null };

function readItems(doc: Document, ctx: DomContext, s: S): OrderLine[] {
  return $all(doc, s.item).map((item) => {
    const titled = $optional(item, s.itemTitle);
    const lineLink = $optional(item, s.lineLink);
    return {
      lineId: idFromLinks(lineLink ? [lineLink] : [], ['tradeOrderLineId']),
      title: titled?.getAttribute('title')?.trim() || textOf(titled) || null,
      quantity: quantityOf(textOf($optional(item, s.itemQuantity))),
    };
  });
}

function readInfoDates(doc: Document, ctx: DomContext, s: S, orderId: string, problems: Problem[]): InfoDates {
  const dates: InfoDates = { placedAt: null, shippedAt: null, completedAt: null };
  const rules = ctx.locale ? localeRules(ctx.locale) : null;
  if (!rules) return dates;
  for (const row of $all(doc, s.infoRow)) {
    const label = normText(textOf($optional(row, s.infoLabel)), rules.locale).replace(/\s*:$/, '');
    const field = rules.detailDates.find(([phrase]) => label === phrase)?.[1];
    if (!field) continue;
    const value = textOf($optional(row, s.infoValue));
    const date = pageDate(value, ctx.locale);
    if (date) dates[field] = date;
    else problems.push(problem('date-unparsed', value.slice(0, 120), orderId));
  }
  return dates;
}

function readDetail(doc: Document, ctx: DomContext, s: S, problems: Problem[]): Order | null {
  const orderId = idFromHref(ctx.url.href, ORDER_ID_PARAMS) ?? idFromTarget(doc, s.idLink, ORDER_ID_PARAMS);
  const block = $required(doc, s.status, 'orderDetail.status', orderId);
  if (!orderId) {
    problems.push(problem(block.el ? 'order-id-missing' : 'layout-unrecognized', 'order detail'));
    return null;
  }
  if (block.problem) {
    // Without the status block this is not an order detail page as we know it.
    problems.push(problem('layout-unrecognized', 'orderDetail.status', orderId));
    return null;
  }
  const title = $required(block.el, s.statusTitle, 'orderDetail.statusTitle', orderId);
  if (title.problem) problems.push(title.problem);
  const statusText = title.el ? textOf(title.el) || null : null;
  const known = statusText ? orderStatusOf(statusText, ctx.locale) : null;
  if (statusText && !known) problems.push(problem('unknown-status', statusText, orderId));
  const status = known ?? 'unknown';

  // The reminder's countdown is the buyer-protection clock only while the parcel is on its way.
  let protectionEndsAt: Date | null = null;
  const countdown = $optional(block.el, s.countdown);
  if (status === 'shipped' && countdown) {
    protectionEndsAt = parseCountdown(textOf(countdown), ctx.locale, ctx.readAt);
    if (!protectionEndsAt) problems.push(problem('countdown-unparsed', textOf(countdown).slice(0, 120), orderId));
  }

  const dates = readInfoDates(doc, ctx, s, orderId, problems);
  const totalText = textOf($optional(doc, s.total));
  const total = totalText ? parseMoney(totalText, ctx.locale) : null;
  if (totalText && !total) problems.push(problem('amount-unparsed', totalText.slice(0, 120), orderId));

  return {
    orderId,
    status,
    statusText,
    placedAt: dates.placedAt,
    storeName: textOf($optional(doc, s.store)) || null,
    total,
    lines: readItems(doc, ctx, s),
    actions: actionsOf([...$all(block.el, s.statusButton), ...$all(doc, s.itemButton)], ctx.locale),
    dates: {
      shippedAt: dates.shippedAt,
      completedAt: dates.completedAt,
      protectionEndsAt: iso(protectionEndsAt),
      deliveryGuaranteeAt: null,
    },
  };
}

export function readOrderDetail(doc: Document, ctx: DomContext): DomResult {
  const result = emptyResult();
  if (!SELECTORS.ok) return { ...result, problems: [problem('layout-unrecognized', SELECTORS.message)] };
  const s = SELECTORS.selectors.orderDetail;
  const order = guarded(result.problems, 'order detail', null, () => readDetail(doc, ctx, s, result.problems));
  if (order) result.orders.push(order);
  return result;
}
