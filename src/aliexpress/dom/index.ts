/**
 * The DOM side of reading a page: `readDom` picks the reader for the page kind. Kinds with nothing
 * to read in the DOM give an empty result. Never throws.
 */
import type { PageKind } from '../../model/index.ts';
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

export function readDom(doc: Document, ctx: DomContext & { kind: PageKind }): DomResult {
  const reader = DOM_READERS[ctx.kind];
  if (!reader) return emptyResult();
  try {
    return reader(doc, ctx);
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
