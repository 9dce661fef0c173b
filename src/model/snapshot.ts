import * as z from 'zod/mini';
import { CAPS } from './caps.ts';
import { capped, IsoDateTime, StatusVia } from './common.ts';
import { PageDispute } from './dispute.ts';
import { Order } from './order.ts';
import { OrderCard, type CardsReading } from './order-card.ts';

export const PageKind = z.enum([
  'order-list',
  'order-detail',
  'tracking',
  'refund-start',
  'dispute-list',
  'dispute-detail',
  'refund-amount',
  'legacy-order-list',
  'legacy-order-detail',
  'legacy-dispute-list',
  'other',
]);
export type PageKind = z.infer<typeof PageKind>;

/** What a reader could not read, by name, so a maintainer knows what broke without the page. */
export const ProblemCode = z.enum([
  'layout-unrecognized',
  'order-id-missing',
  'unknown-status',
  'unknown-locale',
  'date-unparsed',
  'amount-unparsed',
  'countdown-unparsed',
  'json-invalid',
  'field-missing',
  /** An answer of an API no reader knows; named once with its API, the rest of it ignored. */
  'unknown-answer',
  /** The first-choice selectors found nothing and a part was found by its meaning instead. */
  'read-by-meaning',
  /** A text or list longer than its cap (src/model/caps.ts): the item was refused. */
  'oversize',
  /** A delivery-promise line with a date that no language's promise labels (rules/locales) match. */
  'promise-unrecognized',
  /** A promise's date before the order was placed or over a year before the reading: not kept. */
  'promise-date-past',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const Problem = z.object({
  code: ProblemCode,
  /** The text or path involved, e.g. the unknown status label. */
  detail: z.nullable(capped(CAPS.detail)),
  orderId: z.nullable(capped(CAPS.label)),
});
export type Problem = z.infer<typeof Problem>;

/** An order as one page shows it: `statusVia` says whether its status came from the DOM or the page's JSON. */
export const PageOrder = z.extend(Order, { statusVia: StatusVia });
export type PageOrder = z.infer<typeof PageOrder>;

/** Everything one read of one page produced. */
export const PageSnapshot = z.object({
  kind: PageKind,
  url: z.url().check(z.maxLength(CAPS.url)),
  /** BCP 47 language of the page, e.g. "en", "pt-BR"; null when it cannot be told. */
  locale: z.nullable(capped(CAPS.locale)),
  readAt: IsoDateTime,
  orders: z.array(PageOrder),
  disputes: z.array(PageDispute),
  problems: z.array(Problem),
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;

/**
 * A snapshot as the content script sends it: on My orders its cards come as text (`cards`, read
 * in the background by src/aliexpress/cards.ts), and `orders`/`disputes` hold what the page's JSON
 * said. Anywhere else there are no cards and it is a plain snapshot.
 */
export type PageReading = PageSnapshot & { cards?: CardsReading };

/**
 * A snapshot as it arrives at the background: the page's own fields checked whole, each order,
 * dispute and problem left for `checkSnapshot`, so one badly read order costs only itself.
 */
export const SnapshotArrival = z.object({
  kind: PageKind,
  url: z.url().check(z.maxLength(CAPS.url)),
  locale: z.nullable(capped(CAPS.locale)),
  readAt: IsoDateTime,
  // More than any page shows; a bigger list is not a page's reading.
  orders: z.array(z.unknown()).check(z.maxLength(CAPS.items)),
  disputes: z.array(z.unknown()).check(z.maxLength(CAPS.items)),
  problems: z.array(z.unknown()).check(z.maxLength(CAPS.items)),
  cards: z.optional(
    z.object({
      locale: z.nullable(capped(CAPS.locale)),
      items: z.array(z.unknown()).check(z.maxLength(CAPS.items)),
    }),
  ),
});
export type SnapshotArrival = z.infer<typeof SnapshotArrival>;

/**
 * The items of `items` that match `schema`; each one that does not is left out and named by a
 * `layout-unrecognized` (or, over a cap, `oversize`) problem added to `problems`.
 */
export function keepValid<T>(
  schema: z.ZodMiniType<T>,
  items: readonly unknown[],
  name: string,
  problems: Problem[],
): T[] {
  const out: T[] = [];
  items.forEach((item, i) => {
    const r = z.safeParse(schema, item);
    if (r.success) return out.push(r.data);
    const issue = r.error.issues[0];
    const id = (item as { orderId?: unknown } | null)?.orderId;
    const at = [name, i, ...(issue?.path ?? [])].map(String).join('.');
    problems.push({
      code: issue?.code === 'too_big' ? 'oversize' : 'layout-unrecognized',
      detail: `${at}: ${issue?.message ?? 'invalid'}`.slice(0, 300),
      orderId: typeof id === 'string' && id.length <= CAPS.label && name !== 'problems' ? id : null,
    });
  });
  return out;
}

/**
 * The arrival with every item that matches the model, and a `layout-unrecognized` problem naming
 * each one left out and why (the readers run in the page and stay free of the model's schemas).
 */
export function checkSnapshot(arrival: SnapshotArrival): PageReading {
  const problems: Problem[] = [];
  const { cards, ...rest } = arrival;
  const orders = keepValid(PageOrder, arrival.orders, 'orders', problems);
  const disputes = keepValid(PageDispute, arrival.disputes, 'disputes', problems);
  const read = keepValid(Problem, arrival.problems, 'problems', problems);
  const checked = { ...rest, orders, disputes, problems: [...read, ...problems] };
  if (!cards) return checked;
  const refused: Problem[] = [];
  const items = keepValid(OrderCard, cards.items, 'cards', refused);
  return { ...checked, cards: { locale: cards.locale, items, ...(refused.length && { refused }) } };
}
