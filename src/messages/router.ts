import {
  Envelope,
  isMessageName,
  protocol,
  type Answer,
  type ErrorCode,
  type MessageName,
  type Request,
  type Response,
} from './protocol.ts';

export type Handlers<Ctx> = { [N in MessageName]: (data: Request<N>, ctx: Ctx) => Promise<Response<N>> | Response<N> };

/**
 * Validates a raw message against the protocol and runs its handler. Never throws: anything
 * malformed, unknown, forbidden or failing comes back as a typed error, having done nothing.
 */
export async function route<Ctx>(
  raw: unknown,
  handlers: Handlers<Ctx>,
  ctx: Ctx,
  allow: (name: MessageName, ctx: Ctx) => boolean = () => true,
): Promise<Answer<unknown>> {
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return fail('malformed', 'expected { name, data }');
  const { name, data } = envelope.data;
  if (!isMessageName(name)) return fail('unknown-message', `no message named ${JSON.stringify(name).slice(0, 80)}`);
  if (!allow(name, ctx)) return fail('forbidden', `${name} is not accepted from this sender`);
  const request = protocol[name].request.safeParse(data ?? {});
  if (!request.success)
    return fail(
      'invalid-request',
      request.error.issues.map((i) => `${i.path.join('.') || name}: ${i.message}`).join('; '),
    );
  try {
    const handler = handlers[name] as (d: unknown, c: Ctx) => unknown;
    return { ok: true, data: await handler(request.data, ctx) };
  } catch (error) {
    return fail('failed', error instanceof Error ? error.message : String(error));
  }
}

function fail(code: ErrorCode, message: string): Answer<never> {
  return { ok: false, error: { code, message } };
}
