/**
 * The longest string and list of every kind the model holds, in one place (README, "Security
 * model"). A page (or a script on it) can put anything in what the readers see: an item over a
 * cap is refused on its own with an `oversize` problem, the rest of the reading is kept. Each cap
 * is far above anything AliExpress shows.
 */
export const CAPS = {
  /** Status labels, store names, a dispute's reason and solution, as the page words them. */
  label: 200,
  /** An item's title. */
  title: 500,
  /** A problem's detail (the text or path involved). */
  detail: 300,
  /** A BCP 47 language tag. */
  locale: 35,
  /** A page URL. */
  url: 2048,
  /** A page kind or a backup's marker in the history. */
  kind: 40,
  /** Lines of one order. */
  lines: 200,
  /** Orders, disputes or problems in one reading. */
  items: 5000,
  /** Refund steps ticked on one order. */
  steps: 100,
  /** Fields with their own reading time on one record. */
  fields: 40,
  /** A text of a My orders card as the page sends it, before the background reads it (order-card.ts). */
  cardText: 2000,
  /** Info lines or buttons on one card. */
  cardParts: 50,
} as const;
