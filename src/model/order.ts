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
  /**
   * "Apply for R$5.00 coupon code if delayed by Aug 3, 2026": the day after which a parcel not yet
   * delivered earns the shopper a coupon, with its amount when shown. Optional: readings and
   * records from before it was read have none.
   */
  lateCoupon: z.optional(z.nullable(z.object({ by: PageDate, amount: z.nullable(Money) }))),
  /** "Send it back within 15 days after delivery": the free-return window, in days. */
  freeReturnDays: z.optional(z.nullable(z.int().check(z.positive(), z.lte(365)))),
  /** When the parcel was delivered, as the tracking answer's "Delivered" event says. */
  deliveredAt: z.optional(z.nullable(PageDate)),
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
