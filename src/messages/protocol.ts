import * as z from 'zod/mini';

/**
 * The one map of every message between contexts: its request schema and its answer schema.
 * Both ends validate against it; nothing else defines a message.
 */
export const protocol = {
  status: {
    request: z.strictObject({}),
    response: z.object({
      version: z.string(),
      dbVersion: z.int(),
      orders: z.int().check(z.nonnegative()),
      disputes: z.int().check(z.nonnegative()),
    }),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type Request<N extends MessageName> = z.infer<Protocol[N]['request']>;
export type Response<N extends MessageName> = z.infer<Protocol[N]['response']>;

/** What travels over runtime messaging. */
export const Envelope = z.strictObject({ name: z.string(), data: z.unknown() });

/** Every answer is either ok with data, or a typed error that says what was wrong. */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
export const ErrorCode = z.enum(['malformed', 'unknown-message', 'invalid-request', 'forbidden', 'failed']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(protocol, name);
}
