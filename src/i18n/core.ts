import type enJson from '../../assets/locales/en.json';

/**
 * t() and its language state, without any catalog: extension pages add the bundled catalogs
 * (./index.ts), the background its notification texts (./notifications.ts), and the content
 * script the page texts the background hands it (./page-texts.ts), so it bundles no catalog at all.
 */
export type Entry = { message: string; placeholders?: Record<string, { content: string }> };
export type Catalog = Record<string, Entry>;
export type MessageKey = keyof typeof enJson;
/** Answers the entry for a key, or undefined when the catalog has none. */
type Lookup = (key: string) => Entry | undefined;

/** Interface languages shipped in assets/locales, as BCP 47 tags. */
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ru', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

const lookups: Partial<Record<Language, Lookup>> = {};
let active: Lookup | undefined;
let activeLanguage: Language = 'en';
let activeLocale = 'en';

const fromCatalog =
  (catalog: Catalog): Lookup =>
  (key) =>
    Object.hasOwn(catalog, key) ? catalog[key] : undefined;

/** The language a setting asks for: 'auto' (or nothing) means the browser's. */
export function resolveLanguage(setting: string | null | undefined, browser: string): string {
  return !setting || setting === 'auto' ? browser : setting;
}

/** The shipped language closest to a BCP 47 tag: exact, then by base language ("pt-PT" -> "pt-BR"), else English. */
export function matchLanguage(tag: string | null | undefined): Language {
  if (!tag) return 'en';
  const wanted = tag.replace('_', '-').toLowerCase();
  const exact = LANGUAGES.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  return LANGUAGES.find((l) => l.split('-')[0] === base) ?? 'en';
}

/** The full tag setLanguage was given, not yet checked with Intl (see getLocale). */
let requestedLocale: string | null = null;

function isValidLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

/**
 * Switches to a language whose catalog is registered (English falls back to whatever English
 * source is registered); returns the one now active. The full tag is kept for Intl, so "en-GB"
 * gets English words with British dates.
 */
export function setLanguage(tag: string): Language {
  const lang = matchLanguage(tag);
  const lookup = lookups[lang];
  activeLanguage = lookup ? lang : 'en';
  active = lookup ?? lookups.en;
  activeLocale = activeLanguage;
  // Checked when a date is first formatted: Intl's first use on a page costs it 40-90 ms while ICU
  // loads, and the helper on a page sets the language long before it shows any date.
  requestedLocale = lookup ? tag.replace('_', '-') : null;
  return activeLanguage;
}

export function getLanguage(): Language {
  return activeLanguage;
}

/** The BCP 47 tag dates and numbers are formatted with (the shopper's regional variant when known). */
export function getLocale(): string {
  if (requestedLocale !== null) {
    if (isValidLocale(requestedLocale)) activeLocale = requestedLocale;
    requestedLocale = null;
  }
  return activeLocale;
}

export function hasCatalog(lang: Language): boolean {
  return lookups[lang] !== undefined;
}

export function registerCatalog(lang: Language, catalog: Catalog): void {
  lookups[lang] = fromCatalog(catalog);
  if (lang === activeLanguage || !active) setLanguage(requestedLocale ?? activeLocale);
}

function entryFor(key: string): Entry | undefined {
  return active?.(key) ?? lookups.en?.(key);
}

/** Whether `key` has a message in the active language or English (keys built at run time are checked with it). */
export function hasMessage(key: string): key is MessageKey {
  return entryFor(key) !== undefined;
}

/**
 * A value put where a message has its placeholder. A value ending in a full stop (an abbreviated
 * date, "25 дек.") before the sentence's own full stop gives one, not two.
 */
function fill(value: string, text: string, end: number): string {
  return value.endsWith('.') && text[end] === '.' ? value.slice(0, -1) : value;
}

/** A message cut at its placeholders: text, and each placeholder's content (`$1`... for the values). */
type Part = string | { content: string };

const compiled = new WeakMap<Entry, Part[]>();

/**
 * `entry`'s message as parts, worked out once per entry: a `RegExp` per placeholder per call cost
 * the popup's first frame ~3 ms. Placeholder names match in any case, as Chrome's do.
 */
function partsOf(entry: Entry): Part[] {
  let parts = compiled.get(entry);
  if (parts) return parts;
  const holders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p]));
  parts = [];
  let from = 0;
  for (const match of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
    const holder = holders.get(match[1]!.toLowerCase());
    if (!holder) continue;
    parts.push(entry.message.slice(from, match.index), { content: holder.content });
    from = match.index + match[0].length;
  }
  parts.push(entry.message.slice(from));
  compiled.set(entry, parts);
  return parts;
}

/** The message for `key` in the active language, falling back to English; `$1`... filled from `subs`. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const entry = entryFor(key);
  if (!entry) return key;
  const parts = partsOf(entry);
  let text = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const value = part.content.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
    // What follows the placeholder: the next text part, or another placeholder (never a full stop).
    const next = parts[i + 1];
    text += fill(value, typeof next === 'string' ? next : '', 0);
  }
  return text;
}

/** A message key chosen at run time (rules, timeline); unknown keys show as the key rather than throwing. */
export function tKey(key: string, ...subs: Array<string | number>): string {
  return t(key as MessageKey, ...subs);
}

/**
 * Counted messages: `<base>_one|_few|_many|_other` picked with Intl.PluralRules for the active
 * language, since Chrome's messages.json has no plural syntax and Russian and Polish need 3 forms.
 */
const pluralRules = new Map<Language, Intl.PluralRules>();

export function plural(base: string, n: number): string {
  let rules = pluralRules.get(activeLanguage);
  if (!rules) pluralRules.set(activeLanguage, (rules = new Intl.PluralRules(activeLanguage)));
  const category = rules.select(n);
  const key = hasMessage(`${base}_${category}`) ? `${base}_${category}` : `${base}_other`;
  return tKey(key, n);
}
