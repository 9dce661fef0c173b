/**
 * What My orders cards mean (model/order-card.ts): statuses, dates, totals and buttons read in the
 * card's language, or in every language where it has no answer. The content script only finds the
 * cards' texts (dom/order-list.ts); this runs in the background, which has every language's labels
 * and keeps its code warm, and in tests and tools through read() (`useCardReader`). Never throws.
 */
import { blankDispute } from '../model/blank.ts';
import type { Dispute, Order, OrderCard, Problem } from '../model/index.ts';
import { actionsFrom, disputeStatusOf, guarded, orderStatusOf, problem, quantityOf } from './dom/common.ts';
import { pageDate } from './text/date.ts';
import { parseMoney } from './text/money.ts';

export interface CardsRead {
  orders: Order[];
  disputes: Dispute[];
  problems: Problem[];
}

function placedAt(info: readonly string[], locale: string | null): string | null {
  for (const part of info) {
    const date = pageDate(part, locale);
    if (date) return date;
  }
  return null;
}

function readCard(card: OrderCard, locale: string | null, problems: Problem[]): [Order, Dispute | null] {
  const { orderId } = card;
  const known = card.status ? orderStatusOf(card.status, locale) : null;
  if (card.status && !known) problems.push(problem('unknown-status', card.status, orderId));

  const placed = card.info ? placedAt(card.info, locale) : null;
  if (card.info && !placed) problems.push(problem('date-unparsed', card.info.join(' ').slice(0, 120), orderId));

  const total = card.total ? parseMoney(card.total, locale) : null;
  if (card.total && !total) problems.push(problem('amount-unparsed', card.total.slice(0, 120), orderId));

  const order: Order = {
    orderId,
    status: known ?? 'unknown',
    statusText: card.status,
    placedAt: placed,
    storeName: card.store,
    total,
    lines: card.lines.map((line) => ({
      lineId: null,
      title: line.title,
      quantity: line.quantity ? quantityOf(line.quantity) : null,
    })),
    actions: actionsFrom(
      card.buttons,
      (b) => b.label,
      (b) => b.link,
      locale,
    ),
    dates: { shippedAt: null, completedAt: null, protectionEndsAt: null, deliveryGuaranteeAt: null },
  };

  const disputeStatus = card.progress ? disputeStatusOf(card.progress, locale) : null;
  const dispute: Dispute | null = disputeStatus
    ? { ...blankDispute(orderId), status: disputeStatus, statusText: card.progress }
    : null;
  return [order, dispute];
}

/** The orders the cards show, the disputes their progress lines name, and what could not be read. */
export function readCards(cards: readonly OrderCard[], locale: string | null): CardsRead {
  const out: CardsRead = { orders: [], disputes: [], problems: [] };
  for (const card of cards) {
    const read = guarded(out.problems, `order card ${card.orderId}`, card.orderId, () =>
      readCard(card, locale, out.problems),
    );
    if (!read) continue;
    out.orders.push(read[0]);
    if (read[1]) out.disputes.push(read[1]);
  }
  return out;
}
