/**
 * Where the helper attaches on AliExpress pages and which of AliExpress's own buttons it points
 * at. Alternatives in order of preference, each with why; classes are matched by their stable
 * prefix, never a CSS-module hash, and buttons by their link before their (translated) label.
 */
import { idFromHref } from '../aliexpress/dom/common.ts';
import { HOST_ATTR } from './page-changes.ts';

const ORDER_ID = ['orderId'] as const;

/** Button rows the Start refund button joins. */
export const BUTTON_ROWS = [
  // My orders: each card's row ("Track order", "Confirm received", "Returns/refunds", ...).
  '.order-item .order-item-btns',
  // Order detail: the status block's row (the per-item rows hold only one button each).
  '[data-pl="order_detail_status"] .order-status-btns',
  '.order-detail .order-item-btns',
];

/** The card a row belongs to: its order id is read there. */
const CARD = '.order-item, .order-detail, [data-pl="order_detail_status"]';

/** Marker on a row that has its button: the helper inserts exactly once per row. */
export const MARK = 'data-refund-radar-start';

/** The refund form link behind "Returns/refunds" and "Open dispute", in every language. */
const REFUND_LINKS = ['a[href*="/p/reverse-pages/start.html"]', 'a[href*="reverse-pages/start"]'];

/** Labels for when the page makes them script buttons instead of links (ALIEXPRESS.md, per language). */
const REFUND_LABELS =
  /returns?\s*\/\s*refunds?|open dispute|devoluciones|abrir disputa|retours|ouvrir un litige|rücksendungen|streitfall eröffnen|devoluções|возврат|открыть спор|zwroty|otwórz spór/i;

/** "Escalate dispute" in the languages AliExpress serves; the button has no link to match. */
const ESCALATE_LABELS = /escalat|escalar|eskal|faire appel|передать спор|inoltra|escaler|yükselt/i;

const own = (el: Element) => el.closest(`[${HOST_ATTR}]`) !== null;
const label = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Where an order's own Returns/refunds buttons are: its card on My orders; on its detail page, the
 * order's items (the status block's row holds none). Never the whole page: another order's button
 * there would send the shopper to the wrong refund.
 */
const ORDER_ITEMS = '[data-pl="order_detail_item"], .order-detail-item, [data-pl="order_detail_item_content"]';

export function refundScopes(row: Element, page: ParentNode = document): Element[] {
  const card = row.closest('.order-item');
  return card ? [card] : [...page.querySelectorAll(ORDER_ITEMS)];
}

/** The order's own Returns/refunds or Open dispute button, inside `scopes` only; null when it has none. */
export function findRefundButton(scopes: readonly ParentNode[]): HTMLElement | null {
  for (const root of scopes) {
    for (const selector of REFUND_LINKS) {
      const link = [...root.querySelectorAll<HTMLElement>(selector)].find((el) => !own(el));
      if (link) return link;
    }
    const byLabel = [...root.querySelectorAll<HTMLElement>('a, button')].find(
      (el) => !own(el) && REFUND_LABELS.test(label(el)),
    );
    if (byLabel) return byLabel;
  }
  return null;
}

/**
 * Where the panel goes: right after the block holding the order's button row, so it follows the
 * Start button in the focus order and pushes the page down instead of covering the card.
 */
export function panelAnchor(row: Element): Element {
  return row.closest('.order-item-content') ?? row;
}

/** AliExpress's Escalate button on a dispute page, when it is shown. */
export function findEscalateButton(page: ParentNode = document): HTMLElement | null {
  return (
    [...page.querySelectorAll<HTMLElement>('button, a, [role="button"]')].find(
      (el) => !own(el) && ESCALATE_LABELS.test(label(el)),
    ) ?? null
  );
}

/** The order a card is about, from its detail link (never from label text); on a detail page, the URL. */
export function orderIdOf(row: Element, href: string): string | null {
  const link = row.closest(CARD)?.querySelector('a[href*="orderId="]');
  // The query read as written, as the card reader reads it: a URL parse per card costs more.
  return idFromHref(link ? link.getAttribute('href') : href, ORDER_ID);
}

/** Where the dispute bar goes: above the case's status block, else at the top of the page. */
export function disputeBarAnchor(page: Document = document): { parent: Element; before: Element | null } {
  const status = page.querySelector('[class*="reminder--wrap"]');
  if (status?.parentElement) return { parent: status.parentElement, before: status };
  const root = page.querySelector('#root') ?? page.body;
  return { parent: root, before: root.firstElementChild };
}
