/**
 * Dates as AliExpress prints them in the shopper's language: "Nov 3, 2026", "3 de nov. de 2026",
 * "3. Nov. 2026", "3 listopada 2026", "03.11.2026", "03/11/2026 14:22:10". Month names and the
 * numeric order come from the locale file (rules/locales, generated from Intl and checked against
 * it by a test); only a language without a file asks Intl at run time, which costs a page that has
 * not used Intl yet 40-90 ms while ICU loads.
 *
 * The page prints wall-clock time without a zone; it is kept as UTC so the same page reads the same
 * everywhere. A date shown without a time stays a calendar date, "2026-11-03" (model/common.ts
 * PageDate): no zone is invented for it, and no time can be mistaken for one.
 */

import { localeRules } from './locale-rules.ts';
import { foldMonth as fold } from './normalize.ts';

const monthCache = new Map<string, Map<string, number>>();

/** Every spelling Intl gives for each month: long and short, standalone and inside a date (genitive). */
export function monthNames(locale: string): Map<string, number> {
  const cached = monthCache.get(locale) ?? localeRules(locale)?.months;
  if (cached) return cached;
  const names = new Map<string, number>();
  try {
    const formats = [
      new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
    ];
    for (let m = 0; m < 12; m++) {
      const at = Date.UTC(2001, m, 15);
      for (const f of formats) {
        for (const part of f.formatToParts(at)) {
          if (part.type !== 'month' || !/\p{L}/u.test(part.value)) continue;
          const name = fold(part.value.trim());
          if (name) names.set(name, m);
        }
      }
    }
  } catch {
    // An unknown locale tag: no month names, numeric dates still parse.
  }
  monthCache.set(locale, names);
  return names;
}

const orderCache = new Map<string, 'dmy' | 'mdy' | 'ymd'>();

/** Which way round the locale writes numeric dates (03/11 is 3 Nov in fr, Mar 11 in en-US). */
export function numericOrder(locale: string): 'dmy' | 'mdy' | 'ymd' {
  const cached = orderCache.get(locale) ?? localeRules(locale)?.dateOrder;
  if (cached) return cached;
  let order: 'dmy' | 'mdy' | 'ymd' = 'dmy';
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(Date.UTC(2001, 10, 23))
      .map((p) => p.type)
      .filter((t) => t === 'day' || t === 'month' || t === 'year');
    const key = parts.map((t) => t[0]).join('');
    if (key === 'mdy' || key === 'ymd' || key === 'dmy') order = key;
  } catch {
    // Unknown locale: day-first is what most AliExpress languages use.
  }
  orderCache.set(locale, order);
  return order;
}

/** The ISO instant, or only its day ("2026-11-03") when the page gave no time. */
function makeDate(y: number, m: number, d: number, time: Time | null): string | null {
  if (y < 100) y += 2000;
  if (y < 1990 || y > 2200 || m < 0 || m > 11 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m, d, time?.h ?? 0, time?.min ?? 0, time?.s ?? 0));
  if (date.getUTCDate() !== d || date.getUTCMonth() !== m) return null;
  const at = date.toISOString();
  return time ? at : at.slice(0, 10);
}

interface Time {
  h: number;
  min: number;
  s: number;
}

function timeIn(text: string): Time | null {
  const match = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])\s*(am|pm|a\.m\.|p\.m\.)?/i.exec(text);
  if (!match) return null;
  let h = Number(match[1]);
  const min = Number(match[2]);
  const s = Number(match[3] ?? 0);
  const meridiem = match[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && h < 12) h += 12;
  if (meridiem === 'am' && h === 12) h = 0;
  return h < 24 && min < 60 && s < 60 ? { h, min, s } : null;
}

function numericDate(text: string, locale: string | null): string | null {
  const match = /(?<![\d.:/-])(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?![\d:])/.exec(text);
  if (!match) return null;
  const a = Number(match[1]);
  const b = Number(match[3]);
  const c = Number(match[4]);
  const time = timeIn(text.slice(match.index + match[0].length));
  if (match[1]!.length === 4) return makeDate(a, b - 1, c, time);
  if (match[4]!.length < 4 && !locale) return null;
  const order = locale ? numericOrder(locale) : null;
  if (order === 'mdy') return makeDate(c, a - 1, b, time);
  if (order === 'dmy' || order === 'ymd') return makeDate(c, b - 1, a, time);
  // No locale: only a reading that cannot be the other way round.
  if (a > 12 && b <= 12) return makeDate(c, b - 1, a, time);
  if (b > 12 && a <= 12) return makeDate(c, a - 1, b, time);
  return null;
}

const TOKEN = /\d+|[\p{L}\p{M}]+\.?/gu;

function wordDate(text: string, locale: string): string | null {
  const months = monthNames(locale);
  if (months.size === 0) return null;
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ value: m[0], index: m.index ?? 0 }));
  for (let i = 0; i < tokens.length; i++) {
    const month = months.get(fold(tokens[i]!.value));
    if (month === undefined) continue;
    // Day and year sit within a few tokens of the month ("3 de nov. de 2026", "Nov 3, 2026").
    const near = tokens.slice(Math.max(0, i - 3), i + 4);
    const year = near.find((t) => /^\d{4}$/.test(t.value));
    const day = near.find((t) => /^\d{1,2}$/.test(t.value) && t !== year);
    if (!year || !day) continue;
    const end = Math.max(year.index + year.value.length, day.index + day.value.length);
    const date = makeDate(Number(year.value), month, Number(day.value), timeIn(text.slice(end)));
    if (date) return date;
  }
  return null;
}

/**
 * The first date in `text` (labels around it are fine), read the way `locale` writes dates, as an
 * ISO instant or, shown without a time, a calendar date "2026-11-03"; or null.
 * With no locale, only unambiguous numeric dates and English month names are read.
 */
export function pageDate(text: string, locale: string | null): string | null {
  if (!text) return null;
  // Many orders share a day: remember what a text meant.
  const key = `${locale ?? ''}\u0001${text}`;
  let at = dateCache.get(key);
  if (at === undefined) {
    const clean = text.normalize('NFKC').replace(/[\u00a0\u202f\u2009]/g, ' ');
    at = numericDate(clean, locale) ?? wordDate(clean, locale ?? 'en');
    if (dateCache.size >= 5000) dateCache.clear();
    dateCache.set(key, at);
  }
  return at;
}

/** `pageDate` as a Date; a calendar date becomes its 00:00 UTC (Date.parse reads "2026-11-03" so). */
export function parseDate(text: string, locale: string | null): Date | null {
  const at = pageDate(text, locale);
  return at === null ? null : new Date(at);
}

const dateCache = new Map<string, string | null>();
