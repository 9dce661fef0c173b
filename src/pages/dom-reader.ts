import type { Dispute, Order, PageKind, Problem } from '../model/index.ts';

/** The DOM readers' entry (src/pages/dom/index.ts, `readDom`), as read() calls it. */
export interface DomContext {
  url: string;
  readAt: Date;
  locale: string | null;
  kind: PageKind;
}
export type DomReader = (
  doc: Document,
  ctx: DomContext,
) => { orders: Order[]; disputes: Dispute[]; problems: Problem[] };

/**
 * The one place the DOM readers are plugged in. Until src/pages/dom/index.ts exists, a document
 * is read through the page's JSON only.
 */
export const defaultDomReader: DomReader | null = null;
