import * as z from 'zod/mini';
import { CAPS } from './caps.ts';

/** A string of at most `max` characters (see CAPS). */
export const capped = (max: number) => z.string().check(z.maxLength(max));

/** A page text such as a status label or a store name, or null. */
export const Label = z.nullable(capped(CAPS.label));

/**
 * An ISO 8601 instant, accepted with an offset or Z and normalised on arrival to UTC with
 * milliseconds ("2026-11-03T00:00:00.000Z"), so every stored time has one spelling. Code still
 * compares instants as numbers (Date.parse), never as text: "…+14:00" sorts wrongly as text.
 */
export const IsoDateTime = z.pipe(
  z.iso.datetime({ offset: true }),
  z.transform((s: string) => new Date(s).toISOString()),
);
export type IsoDateTime = z.output<typeof IsoDateTime>;

/**
 * A date as the page gave it: an instant (IsoDateTime), or a calendar date "2026-11-03" when the
 * page showed no time. The calendar date is kept as it is, never made an instant: it belongs to no
 * time zone, is shown as that day everywhere and is due at the end of that day where the shopper
 * is (timeline/time.ts isCalendarDate). Date.parse reads it as that day's 00:00 UTC.
 */
export const PageDate = z.union([z.iso.date(), IsoDateTime]);
export type PageDate = z.output<typeof PageDate>;

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
 * Where a reading came from. `dom`: what the page shows the shopper; `json`: an API answer the
 * page loaded, which any script on the page could also have posted; `backup`: a file the shopper
 * imported; `shopper`: something the shopper did in the helper. Merge rules trust `json` least.
 */
export const ReadVia = z.enum(['dom', 'json', 'backup', 'shopper']);
export type ReadVia = z.infer<typeof ReadVia>;

/**
 * Where a reading's status came from. A page reading says `json` when its status came from an
 * API answer; absent, or anything else from a page, counts as the page itself (`dom`). Stored
 * records keep the provenance of their status here too.
 */
export const StatusVia = z.optional(ReadVia);
