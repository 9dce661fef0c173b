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

const NOTHING: OrderFacts = { order: null, dispute: null, timeline: null };

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
