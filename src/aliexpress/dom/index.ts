/**
 * The DOM side of reading a page: `readDom` picks the reader for the page kind. Kinds with nothing
 * to read in the DOM give an empty result. Never throws.
 */
import type { OrderCard, PageKind } from '../../model/index.ts';
import type { CardsRead } from '../cards.ts';
import { emptyResult, problem, type DomContext, type DomReader, type DomResult } from './common.ts';
import { readDisputeDetail } from './dispute-detail.ts';
import { readDisputeList } from './dispute-list.ts';
import { readOrderDetail } from './order-detail.ts';
import { readOrderList } from './order-list.ts';
import { readTracking } from './tracking.ts';

export type { DomContext, DomReader, DomResult } from './common.ts';
export { pageLocale, type PageLocale } from './locale.ts';
export { savedFromUrl } from './saved-url.ts';
export { readDisputeDetail, readDisputeList, readOrderDetail, readOrderList, readTracking };

export const DOM_READERS: Partial<Record<PageKind, DomReader>> = {
  'order-list': readOrderList,
  'order-detail': readOrderDetail,
  'dispute-detail': readDisputeDetail,
  'dispute-list': readDisputeList,
  tracking: readTracking,
};

/** Reads My orders' cards (cards.ts's `readCards`). */
export type CardReader = (cards: readonly OrderCard[], locale: string | null) => CardsRead;

let cardReader: CardReader | null = null;

/**
 * Plugs in the card reader (cards.ts's `readCards`): the DOM readers then give the orders My
 * orders' cards show, as the background reads them. Tools and tests do; the content script
 * never does: its snapshot carries the cards as text (`cards`), and the background reads them on
 * arrival (page-service.ts `readSnapshotCards`), off the page's main thread.
 */
export function useCardReader(reader: CardReader | null): void {
  cardReader = reader;
}

export function readDom(doc: Document, ctx: DomContext & { kind: PageKind }): DomResult {
  const reader = DOM_READERS[ctx.kind];
  if (!reader) return emptyResult();
  try {
    const result = reader(doc, ctx);
    if (!result.cards || !cardReader) return result;
    // The cards' orders are the DOM's own, as the background combines them ahead of the JSON's.
    const read = cardReader(result.cards, ctx.locale);
    return {
      orders: [...read.orders, ...result.orders],
      disputes: [...read.disputes, ...result.disputes],
      problems: [...result.problems, ...read.problems],
    };
  } catch (error) {
    // Each reader guards its parts already; this is the last line so nothing reaches the page.
    return {
      ...emptyResult(),
      problems: [
        problem('layout-unrecognized', `${ctx.kind} threw: ${error instanceof Error ? error.message : String(error)}`),
      ],
    };
  }
}
