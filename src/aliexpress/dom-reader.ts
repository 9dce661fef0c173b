import type { Order, OrderCard, PageDispute, PageKind, Problem } from '../model/index.ts';
import { readDom } from './dom/index.ts';

/** What read() hands the DOM readers; the URL stays a string here so a bad one cannot throw early. */
export interface ReadDomContext {
  url: string;
  readAt: Date;
  locale: string | null;
  kind: PageKind;
  /** My orders: cards to give whole though let go (`DomContext.whole`). */
  whole?: ReadonlySet<string>;
}
export type DomReader = (
  doc: Document,
  ctx: ReadDomContext,
) => { orders: Order[]; disputes: PageDispute[]; problems: Problem[]; cards?: OrderCard[] };

/** The one place the DOM readers (src/aliexpress/dom) are plugged into read(). */
export const defaultDomReader: DomReader = (doc, ctx) => readDom(doc, { ...ctx, url: new URL(ctx.url) });
