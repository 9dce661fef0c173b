/** The parts of WXT's ContentScriptContext a retry needs, so tests can hand in their own. */
export interface RetryContext {
  readonly isInvalid: boolean;
  setTimeout(handler: () => void, timeout?: number): number;
}

/**
 * A message the background did not take (its worker asleep or restarting, a store error) is sent
 * again after half a second, then after twice as long each time, for a minute in all.
 */
const FIRST_RETRY_MS = 500;
const RETRY_FOR_MS = 60_000;

/** `send`'s answer, sent again until the background answers it, a minute has passed or the context is gone. */
export async function untilAnswered<T>(ctx: RetryContext, send: () => Promise<T>): Promise<T> {
  for (let wait = FIRST_RETRY_MS, waited = 0; ; wait *= 2) {
    try {
      return await send();
    } catch (error) {
      // Only a send that did not arrive, or failed in the background, can go through later: a
      // message the background refused ('invalid-request', 'malformed', ...) would be refused again.
      const code = (error as { code?: unknown } | null)?.code;
      if (ctx.isInvalid || waited >= RETRY_FOR_MS || (code !== undefined && code !== 'failed')) throw error;
      const delay = Math.min(wait, RETRY_FOR_MS - waited);
      waited += delay;
      await new Promise((resolve) => ctx.setTimeout(() => resolve(undefined), delay));
    }
  }
}
