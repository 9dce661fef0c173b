import * as z from 'zod/mini';
import { CAPS } from './caps.ts';
import { capped, IsoDateTime, Label, Money, NumericId, PageDate } from './common.ts';

/** Canonical order status; `statusText` keeps what the page said in its own language. */
export const OrderStatus = z.enum(['to-pay', 'to-ship', 'shipped', 'completed', 'closed', 'in-dispute', 'unknown']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Buttons the page offers on an order, by what they do (not by their label). */
export const OrderAction = z.enum([
  'pay',
  'cancel',
  'track',
  'confirm-received',
  'returns-refunds',
  'open-dispute',
  'view-dispute',
  'extend-protection',
  'review',
  'buy-again',
  'delete',
  'contact-seller',
]);
export type OrderAction = z.infer<typeof OrderAction>;

export const OrderLine = z.object({
  lineId: z.nullable(NumericId),
  title: z.nullable(capped(CAPS.title)),
  quantity: z.nullable(z.int().check(z.positive())),
});
export type OrderLine = z.infer<typeof OrderLine>;

/** Dates the page itself shows for an order; null where it shows none. */
export const OrderDates = z.object({
  shippedAt: z.nullable(PageDate),
  completedAt: z.nullable(PageDate),
  /** Buyer protection ends (countdown or date on the list/detail page). */
  protectionEndsAt: z.nullable(IsoDateTime),
  /** "Refund if no delivery before ..." (delivery guarantee). */
  deliveryGuaranteeAt: z.nullable(PageDate),
});
export type OrderDates = z.infer<typeof OrderDates>;

/** One order as read from one page at one moment. */
export const Order = z.object({
  orderId: NumericId,
  status: OrderStatus,
  statusText: Label,
  placedAt: z.nullable(PageDate),
  storeName: Label,
  total: z.nullable(Money),
  lines: z.array(OrderLine).check(z.maxLength(CAPS.lines)),
  actions: z.array(OrderAction).check(z.maxLength(OrderAction.options.length)),
  dates: OrderDates,
});
export type Order = z.infer<typeof Order>;
