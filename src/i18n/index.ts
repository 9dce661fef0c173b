import en from '../../assets/locales/en.json';

/**
 * UI strings. assets/locales/<lang>.json is the one source: the build turns it into _locales for
 * the manifest, and the UI reads it here so the shopper can pick a language other than the browser's.
 * English is bundled; the others load on demand so the popup carries one catalog, not seven.
 */
export type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export type MessageKey = keyof typeof en;

/** Interface languages shipped in assets/locales, as BCP 47 tags. */
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt-BR', 'ru', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalog }>> = {
  es: () => import('../../assets/locales/es.json'),
  fr: () => import('../../assets/locales/fr.json'),
  de: () => import('../../assets/locales/de.json'),
  'pt-BR': () => import('../../assets/locales/pt-BR.json'),
  ru: () => import('../../assets/locales/ru.json'),
  pl: () => import('../../assets/locales/pl.json'),
};

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

/** Loads the catalog for `tag` if needed and makes it active. */
export async function loadLanguage(tag: string): Promise<Language> {
  const lang = matchLanguage(tag);
  if (lang !== 'en' && !catalogs[lang]) catalogs[lang] = (await loaders[lang]()).default;
  return setLanguage(lang);
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
