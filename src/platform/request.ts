import { browser } from 'wxt/browser';
import type { Answer, MessageName, Request, Response } from '../messages/protocol.ts';

/**
 * `send` for the popup and the content script: the same envelope as `send` in messaging.ts, but the answer is trusted
 * rather than re-validated. Our own background produced it from data it validated on the way in,
 * and the protocol's schemas would cost these bundles most of their size budget. The protocol's
 * types still check both ends at compile time.
 */
export async function request<N extends MessageName>(name: N, data: Request<N>): Promise<Response<N>> {
  const answer = (await browser.runtime.sendMessage({ name, data })) as Answer<Response<N>> | undefined;
  if (!answer || typeof answer !== 'object') throw new Error('no answer from the background');
  // The code tells the content script whether sending again can help (see reading.ts).
  if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  return answer.data;
}
