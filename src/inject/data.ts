import type { PageSnapshot } from '../model/index.ts';
import type { OrderFacts } from '../timeline/tracked.ts';
import { request as send } from '../platform/request.ts';

export type { OrderFacts };

/** Everything the injected helper needs from outside the page, injectable for tests. */
export interface HelperDeps {
  order(orderId: string): Promise<OrderFacts>;
  /** The dispute a case page is about, found by the ids in its URL. */
  dispute(ids: { lineId: string | null; disputeId: string | null }): Promise<OrderFacts | null>;
  startRefund(orderId: string, reason: string): Promise<unknown>;
  copy(text: string): Promise<void>;
  /** The interface language setting ('auto' or a tag). */
  language(): Promise<string>;
  now(): number;
}

/** The content script's readings of this page, each heard once the background has it (`stored`: it had news). */
export interface PageReadings {
  watch(listener: (snapshot: PageSnapshot, stored: boolean) => void): () => void;
}

const NOTHING: OrderFacts = { order: null, dispute: null, timeline: null };

/**
 * `deps` whose questions about an order wait for `flush`: the background must have read the page
 * first. The dispute bar asks after each stored reading of its page instead (PageReadings).
 */
export function afterReading(deps: HelperDeps, flush: () => Promise<void>): HelperDeps {
  return {
    ...deps,
    order: async (orderId) => (await flush(), deps.order(orderId)),
    startRefund: async (orderId, reason) => (await flush(), deps.startRefund(orderId, reason)),
  };
}

/** The background works the facts out (store, rules and clock stay there); the page only shows them. */
export const messagingDeps: HelperDeps = {
  order: async (orderId) => (await send('helperFacts', { orderId })) ?? NOTHING,
  dispute: (ids) => send('helperFacts', ids),
  startRefund: (orderId, reason) => send('refundStarted', { orderId, reason }),
  async copy(text) {
    await navigator.clipboard.writeText(text);
  },
  async language() {
    return (await send('settingsGet', {})).language;
  },
  now: () => Date.now(),
};
