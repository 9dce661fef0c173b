import * as z from 'zod/mini';
import { CAPS } from './caps.ts';
import { capped, NumericId } from './common.ts';
import { OrderAction } from './order.ts';
import type { Problem } from './snapshot.ts';

/**
 * One My orders card as the page shows it, in its own words: the content script finds the parts
 * (src/aliexpress/dom/order-list.ts) and the background, which has every language's labels, reads
 * what they mean (src/aliexpress/cards.ts). Understanding a text costs the page the most per load
 * (Unicode patterns, month and status tables, their first use), and the background has it warm.
 *
 * Texts are capped far above what a card shows, as everything a page sends is: a card over a cap is
 * refused on its own with an `oversize` problem, as an order over one is.
 */
const Text = capped(CAPS.cardText);

export const OrderCard = z.object({
  orderId: NumericId,
  /** The status line; null when the card has none. */
  status: z.nullable(Text),
  /** The lines of the card's info block (its placed date among them), or its whole text when it has no lines; null without one. */
  info: z.nullable(z.array(Text).check(z.maxLength(CAPS.cardParts))),
  total: z.nullable(Text),
  store: z.nullable(Text),
  lines: z.array(z.object({ title: z.nullable(Text), quantity: z.nullable(Text) })).check(z.maxLength(CAPS.lines)),
  /**
   * Each button's label, and what the link it is or holds does by its address alone (AliExpress's
   * own paths, whatever the language): what the button does is told by either.
   */
  buttons: z.array(z.object({ label: Text, link: z.nullable(OrderAction) })).check(z.maxLength(CAPS.cardParts)),
  /** The dispute progress line under the card, if any. */
  progress: z.nullable(Text),
});
export type OrderCard = z.infer<typeof OrderCard>;

/** The cards of one reading, with the language they are read in (a supported locale, or null: every language is tried). */
export interface CardsReading {
  locale: string | null;
  items: OrderCard[];
  /** Cards the background refused on arrival (not cards, or over a cap), named: it tells the page so with what it read. */
  refused?: Problem[];
}
