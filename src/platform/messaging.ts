import { browser } from 'wxt/browser';
import { protocol, type Answer, type MessageName, type Request, type Response } from '../messages/protocol.ts';

export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Sends a protocol message to the background and validates the answer it gets back. */
export async function send<N extends MessageName>(name: N, data: Request<N>): Promise<Response<N>> {
  const answer = (await browser.runtime.sendMessage({ name, data })) as Answer<unknown> | undefined;
  if (!answer || typeof answer !== 'object') throw new MessageError('failed', 'no answer from the background');
  if (!answer.ok) throw new MessageError(answer.error.code, answer.error.message);
  const parsed = protocol[name].response.safeParse(answer.data);
  if (!parsed.success) throw new MessageError('malformed', `unexpected answer to ${name}`);
  return parsed.data as Response<N>;
}
