import type { Party } from '../model/index.ts';

/**
 * A dispute the shopper tells us about when no page could be read ("Track this dispute
 * yourself"): the one check of its values, used by the dispute bar's form, the popup's and the
 * background on arrival, so a value refused in one is refused in all. Pure and free of zod: it
 * runs in the content script too.
 */

/** The form's values as typed: text, as the fields hold it ('' when left empty). */
export interface EntryForm {
  awaiting: string;
  daysLeft: string;
  hoursLeft: string;
  /** 'YYYY-MM-DD' from a date field, or ''. */
  openedOn: string;
  orderId: string;
}

export type EntryField = keyof EntryForm;

/** Why a value was refused; each has its sentence in the interface languages (ENTRY_ERROR_KEYS). */
export type EntryError =
  | 'awaiting-missing'
  | 'not-a-number'
  | 'negative'
  | 'too-many-days'
  | 'too-many-hours'
  | 'date-invalid'
  | 'date-future'
  | 'date-too-old'
  | 'order-missing'
  | 'order-not-digits';

/** A dispute's countdown is days, never months: AliExpress's longest step is 15 days. */
export const MAX_DAYS_LEFT = 60;
/** Hours beside days: whole days go in "Days left". */
export const MAX_HOURS_LEFT = 23;
/** A dispute opened over a year ago is long out of protection. */
export const MAX_OPENED_DAYS_AGO = 365;

/** The entry as checked: the party, the countdown in ms (null when none was given), the calendar day it opened. */
export interface Entry {
  awaiting: Party;
  /** ms left on the countdown, or null when neither field was filled. */
  leftMs: number | null;
  openedOn: string | null;
  orderId: string;
}

export type EntryCheck = { ok: true; entry: Entry } | { ok: false; errors: Partial<Record<EntryField, EntryError>> };

const PARTIES: readonly string[] = ['seller', 'buyer', 'aliexpress'];
const HOUR_MS = 3_600_000;

/** A whole number of at most 4 digits, or null when empty; an error when it is not one. */
function count(text: string, max: number, tooMany: EntryError): number | null | EntryError {
  const s = text.trim();
  if (s === '') return null;
  if (/^-\s*\d+$/.test(s)) return 'negative';
  if (!/^\d{1,4}$/.test(s)) return 'not-a-number';
  const n = Number(s);
  return n > max ? tooMany : n;
}

/** 'YYYY-MM-DD' of an instant where the shopper is (the device's zone). */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Days from calendar day `a` to `b`, both 'YYYY-MM-DD' (whole days, zone-free). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / (24 * HOUR_MS));
}

function day(text: string, today: string): string | null | EntryError {
  const s = text.trim();
  if (s === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return 'date-invalid';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) return 'date-invalid';
  if (s > today) return 'date-future';
  return daysBetween(s, today) > MAX_OPENED_DAYS_AGO ? 'date-too-old' : s;
}

/** Checks every field at once, so each refused one says why beside itself; nothing is half accepted. */
export function checkEntry(form: EntryForm, now: Date): EntryCheck {
  const errors: Partial<Record<EntryField, EntryError>> = {};
  const awaiting = PARTIES.includes(form.awaiting) ? (form.awaiting as Party) : null;
  if (!awaiting) errors.awaiting = 'awaiting-missing';
  const days = count(form.daysLeft, MAX_DAYS_LEFT, 'too-many-days');
  if (typeof days === 'string') errors.daysLeft = days;
  const hours = count(form.hoursLeft, MAX_HOURS_LEFT, 'too-many-hours');
  if (typeof hours === 'string') errors.hoursLeft = hours;
  const openedOn = day(form.openedOn, localDay(now));
  if (typeof openedOn === 'string' && !/^\d/.test(openedOn)) errors.openedOn = openedOn as EntryError;
  const orderId = form.orderId.trim();
  if (orderId === '') errors.orderId = 'order-missing';
  else if (!/^\d{6,24}$/.test(orderId)) errors.orderId = 'order-not-digits';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const d = days as number | null;
  const h = hours as number | null;
  return {
    ok: true,
    entry: {
      awaiting: awaiting!,
      leftMs: d === null && h === null ? null : ((d ?? 0) * 24 + (h ?? 0)) * HOUR_MS,
      openedOn: openedOn as string | null,
      orderId,
    },
  };
}

/** The dispute's status that goes with who must act, as a case page would show it. */
export const STATUS_OF_PARTY = {
  seller: 'awaiting-seller',
  buyer: 'awaiting-buyer',
  aliexpress: 'escalated',
} as const satisfies Record<Party, string>;
