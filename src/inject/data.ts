import type { PageSnapshot } from '../model/index.ts';
import type { EntryField, EntryForm } from '../timeline/entry.ts';
import type { Offer } from '../timeline/eligibility.ts';
import type { OrderFacts } from '../timeline/tracked.ts';
import type { PageTexts } from '../i18n/page-texts.ts';
import type { PageStyles } from '../platform/page-styles.ts';
import { request as send } from '../platform/request.ts';

export type { OrderFacts };

/** Everything the injected helper needs from outside the page, injectable for tests. */
export interface HelperDeps {
  order(orderId: string): Promise<OrderFacts>;
  /** The dispute a case page is about, found by the ids in its URL. */
  dispute(ids: { lineId: string | null; disputeId: string | null }): Promise<OrderFacts | null>;
  /** Which of these orders get Start refund, and where it leads (the background knows their status). */
  offers(orderIds: string[]): Promise<Record<string, Offer>>;
  /** "Take me there" was followed: the shopper went to open a dispute (an intent, not a dispute). */
  wentToDispute(orderId: string, reason: string | null): Promise<unknown>;
  /** "Track this dispute yourself" was saved: the background checks and stores it; its refusals by field. */
  enterDispute(
    form: EntryForm,
    ids: { lineId: string | null; disputeId: string | null },
  ): Promise<{ saved: boolean; errors: Partial<Record<EntryField, string>> }>;
  copy(text: string): Promise<void>;
  /** The texts the helper shows, in the shopper's language (the background reads the setting), and its styles. */
  texts(): Promise<PageTexts & { styles: PageStyles }>;
  now(): number;
}

/** The content script's readings of this page, each heard once the background has it (`stored`: it had news). */
export interface PageReadings {
  watch(listener: (snapshot: PageSnapshot, stored: boolean) => void): () => void;
}

const NOTHING: OrderFacts = { order: null, dispute: null, timeline: null };

/**
 * `deps` whose questions about an order wait for `flush`: the background must have read the page
 * first. Which cards get Start refund waits for the read already on its way (`settled`) instead:
 * forcing a whole read of a long list at every batch of new cards would block the page. The dispute
 * bar asks after each stored reading of its page (PageReadings).
 */
export function afterReading(
  deps: HelperDeps,
  flush: () => Promise<void>,
  settled: () => Promise<void> = flush,
): HelperDeps {
  return {
    ...deps,
    order: async (orderId) => (await flush(), deps.order(orderId)),
    offers: async (orderIds) => (await settled(), deps.offers(orderIds)),
    wentToDispute: async (orderId, reason) => (await flush(), deps.wentToDispute(orderId, reason)),
  };
}

/** The background works the facts out (store, rules and clock stay there); the page only shows them. */
export const messagingDeps: HelperDeps = {
  // The background answers every order's question; null only for a case page's ids it does not know.
  order: async (orderId) => (await send('helperFacts', { orderId })) ?? NOTHING,
  dispute: (ids) => send('helperFacts', ids),
  offers: (orderIds) => send('helperOffers', { orderIds }),
  wentToDispute: (orderId, reason) => send('wentToDispute', { orderId, reason }),
  enterDispute: (form, ids) => send('disputeEntered', { form, ...ids }),
  async copy(text) {
    await navigator.clipboard.writeText(text);
  },
  texts: () => send('pageTexts', {}),
  now: () => Date.now(),
};
