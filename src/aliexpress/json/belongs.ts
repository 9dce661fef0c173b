import type { PageKind } from '../../model/index.ts';
import { isDisputeApi } from '../tap-protocol.ts';
import { LOGISTICS_API, ORDER_DETAIL_API, ORDER_LIST_API } from './apis.ts';

/** The pages that ask for each read API: the tracking page asks for the order's detail too. */
const PAGES_OF: Readonly<Record<string, readonly PageKind[]>> = {
  [ORDER_LIST_API]: ['order-list'],
  [ORDER_DETAIL_API]: ['order-detail', 'tracking'],
  [LOGISTICS_API]: ['order-detail', 'tracking'],
};
const DISPUTE_PAGES: readonly PageKind[] = ['dispute-list', 'dispute-detail', 'refund-start', 'refund-amount'];

/**
 * Whether a page of this kind asks for answers of this API, so a tapped one may speak for it.
 * Page code can post anything the tap would: an order list answer on a campaign page, or a
 * dispute answer on My orders, is not that page's own and is not read. An API no reader knows
 * only ever names itself in a problem, on any of the shopper's pages.
 */
export function answerBelongsTo(kind: PageKind, api: string | null): boolean {
  if (kind === 'other') return false;
  const pages = api && Object.hasOwn(PAGES_OF, api) ? PAGES_OF[api]! : api && isDisputeApi(api) ? DISPUTE_PAGES : null;
  return pages ? pages.includes(kind) : true;
}
