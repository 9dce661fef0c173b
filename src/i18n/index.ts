import en from '../../assets/locales/en.json';

/**
 * UI strings. assets/locales/<lang>.json is the one source: the build turns it into _locales for
 * the manifest, and the UI reads it here so the shopper can pick a language other than the browser's.
 * English is bundled; extension pages load the others on demand (loadLanguage), and the content
 * script, which cannot split its bundle, asks the browser's own i18n for the _locales copy instead.
 */
export type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export type MessageKey = keyof typeof en;

/** Interface languages shipped in assets/locales, as BCP 47 tags. */
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ru', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

const catalogs: Partial<Record<Language, Catalog>> = { en };
let active: Catalog = en;
let activeLanguage: Language = 'en';
let activeLocale = 'en';

/** The shipped language closest to a BCP 47 tag: exact, then by base language ("pt-PT" -> "pt-BR"), else English. */
export function matchLanguage(tag: string | null | undefined): Language {
  if (!tag) return 'en';
  const wanted = tag.replace('_', '-').toLowerCase();
  const exact = LANGUAGES.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  return LANGUAGES.find((l) => l.split('-')[0] === base) ?? 'en';
}

/**
 * Switches to a language whose catalog is already loaded (English always is); returns the one now
 * active. The full tag is kept for Intl, so "en-GB" gets English words with British dates.
 */
export function setLanguage(tag: string): Language {
  const lang = matchLanguage(tag);
  const catalog = catalogs[lang];
  activeLanguage = catalog ? lang : 'en';
  active = catalog ?? en;
  activeLocale = catalog && isValidLocale(tag) && matchLanguage(tag) === lang ? tag.replace('_', '-') : activeLanguage;
  return activeLanguage;
}

function isValidLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag.replace('_', '-')]).length > 0;
  } catch {
    return false;
  }
}

// Each language is its own chunk: an extension page downloads the one it shows. A bundle that
// never calls loadLanguage (the content script) drops these imports with the function.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalog }>> = {
  es: () => import('../../assets/locales/es.json'),
  fr: () => import('../../assets/locales/fr.json'),
  de: () => import('../../assets/locales/de.json'),
  'pt-BR': () => import('../../assets/locales/pt-BR.json'),
  ru: () => import('../../assets/locales/ru.json'),
  pl: () => import('../../assets/locales/pl.json'),
};

/** Loads the catalog for `tag` if needed and makes it active (keeping the full tag for dates). */
export async function loadLanguage(tag: string): Promise<Language> {
  const lang = matchLanguage(tag);
  if (lang !== 'en' && !catalogs[lang]) catalogs[lang] = (await loaders[lang]()).default;
  return setLanguage(tag);
}

export function hasCatalog(lang: Language): boolean {
  return catalogs[lang] !== undefined;
}

export function registerCatalog(lang: Language, catalog: Catalog): void {
  catalogs[lang] = catalog;
}

/**
 * A catalog backed by a `getMessage(key, subs)` function (the browser's `i18n.getMessage`, which
 * answers "" for unknown keys), for contexts that must not bundle every language.
 */
export function catalogFrom(getMessage: (key: string, subs: string[]) => string, keys = Object.keys(en)): Catalog {
  const catalog: Catalog = {};
  for (const key of keys) {
    const english = (en as Catalog)[key]!;
    const count = Object.keys(english.placeholders ?? {}).length;
    // Ask with $1..$n markers so t() can fill them in the same way as for bundled catalogs.
    const markers = Array.from({ length: count }, (_, i) => `\u0000${i + 1}\u0000`);
    const text = getMessage(key, markers);
    if (!text) continue;
    const placeholders: Record<string, { content: string }> = {};
    let message = text;
    Object.keys(english.placeholders ?? {}).forEach((name) => {
      const content = english.placeholders![name]!.content;
      message = message.split(`\u0000${content.slice(1)}\u0000`).join(`$${name.toUpperCase()}$`);
      placeholders[name] = { content };
    });
    catalog[key] = count ? { message, placeholders } : { message };
  }
  return catalog;
}

export function getLanguage(): Language {
  return activeLanguage;
}

/** The BCP 47 tag dates and numbers are formatted with (the shopper's regional variant when known). */
export function getLocale(): string {
  return activeLocale;
}

/** Whether `key` has a message in English (keys built at run time, e.g. from rules, are checked with it). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message for `key` in the active language, falling back to English; `$1`... filled from `subs`. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const entry = active[key] ?? (en as Catalog)[key];
  if (!entry) return key;
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const value = content.replace(/\$(\d)/g, (_, i: string) => String(subs[Number(i) - 1] ?? ''));
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), () => value);
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
export function plural(base: string, n: number): string {
  const category = new Intl.PluralRules(activeLanguage).select(n);
  const key = hasMessage(`${base}_${category}`) ? `${base}_${category}` : `${base}_other`;
  return tKey(key, n);
}
