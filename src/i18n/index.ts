import en from '../../assets/locales/en.json';

/**
 * UI strings. assets/locales/<lang>.json is the one source: the build turns it into _locales for
 * the manifest, and the UI reads it here so the shopper can pick a language other than the browser's.
 */
type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export type MessageKey = keyof typeof en;

const catalogs: Record<string, Catalog> = { en };
let active: Catalog = en;

export function setLanguage(lang: string): void {
  active = catalogs[lang] ?? catalogs[lang.split('-')[0] ?? ''] ?? en;
}

/** The message for `key` in the active language, falling back to English; `$1`... filled from `subs`. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const entry = active[key] ?? (en as Catalog)[key];
  if (!entry) return key;
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const value = content.replace(/\$(\d)/g, (_, i: string) => String(subs[Number(i) - 1] ?? ''));
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), value);
  }
  return text;
}
