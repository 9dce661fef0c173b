import * as z from 'zod/mini';

/** An ISO 8601 instant with offset or Z, e.g. "2026-11-03T00:00:00.000Z". Every stored time is one. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** AliExpress ids are 9-20 digit numbers; kept as strings because they exceed 2^53. */
export const NumericId = z.string().check(z.regex(/^\d{6,24}$/, 'a numeric id'));
export type NumericId = z.infer<typeof NumericId>;

/** An amount as the page showed it, parsed with the page's decimal separator; never digit-stripped. */
export const Money = z.object({
  amount: z.number().check(z.nonnegative()),
  /** ISO 4217 code when the page made it clear (symbol or code), otherwise null. */
  currency: z.nullable(z.string().check(z.regex(/^[A-Z]{3}$/))),
});
export type Money = z.infer<typeof Money>;

/**
 * Where a value came from: read from the page, estimated from rules/policy.json, or estimated from
 * rules counted from a date the shopper gave ("I submitted it").
 */
export const Source = z.enum(['page', 'rule', 'shopper']);
export type Source = z.infer<typeof Source>;

/**
 * Which part of a page a reading came from: the page's DOM, or one of the page's own JSON answers
 * (by its mtop API name, lower case). A page script can forge what the tap passes on far more
 * easily than what the page shows, so the store weighs a reading by it. The reading's, not the
 * record's: it travels with each order and dispute of a snapshot.
 */
export const Provenance = z.object({
  from: z.enum(['dom', 'json']),
  api: z.optional(z.string().check(z.maxLength(130))),
});
export type Provenance = z.infer<typeof Provenance>;
