import { browser } from 'wxt/browser';
import type { Answer, MessageName, Request, Response } from '../messages/protocol.ts';

/**
 * `send` for the popup and the content script: the same envelope as `send` in messaging.ts, but the answer is trusted
 * rather than re-validated. Our own background produced it from data it validated on the way in,
 * and the protocol's schemas would cost these bundles most of their size budget. The protocol's
 * types still check both ends at compile time.
 */
export async function request<N extends MessageName>(name: N, data: Request<N>): Promise<Response<N>> {
  return answered<N>(await ask(name, data));
}

/** The message sent, its answer not yet looked at (`answered`): for asking before the code that reads it has loaded. */
export const ask = <N extends MessageName>(name: N, data: Request<N>): Promise<unknown> =>
  browser.runtime.sendMessage({ name, data });

/** The data of an answer to `request`, or the error it carries (with its code) thrown. */
export function answered<N extends MessageName>(raw: unknown): Response<N> {
  const answer = raw as Answer<Response<N>> | undefined;
  if (!answer || typeof answer !== 'object') throw new Error('no answer from the background');
  // The code tells the content script whether sending again can help (see reading.ts).
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  return answer.data;
}
