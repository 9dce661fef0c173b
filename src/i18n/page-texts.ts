import { matchLanguage, resolveLanguage, type Catalog, type Language } from './core.ts';

/** The texts the content script shows, and the tag it formats dates with (the shopper's regional variant). */
export interface PageTexts {
  locale: string;
  texts: Catalog;
}

/**
 * A language's page texts in the package, written by the build (wxt.config.ts): the keys of
 * ./page-keys.ts, English where the language has none. Not web-accessible, so pages cannot probe them.
 */
export const pageTextsPath = (lang: Language) => `/page-texts/${lang}.json` as const;

const isText = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value is a catalog t() can read: `{ key: { message, placeholders?: { name: { content } } } }`. */
export function isCatalog(value: unknown): value is Catalog {
  return (
    isObject(value) &&
    Object.values(value).every(
      (entry) =>
        isObject(entry) &&
        isText(entry.message) &&
        (entry.placeholders === undefined ||
          (isObject(entry.placeholders) &&
            Object.values(entry.placeholders).every((p) => isObject(p) && isText(p.content)))),
    )
  );
}

export interface PageTextSource {
  /** Reads a file of the package (`fetch` of runtime.getURL in the background). */
  load: (path: string) => Promise<unknown>;
  /** The browser's language, which the setting 'auto' follows. */
  uiLanguage: () => string;
  warn?: (...data: unknown[]) => void;
}

/**
 * The background's answer to `pageTexts`: the texts of the language the shopper chose in options
 * (or the browser's), each language's file read once and kept while the worker lives. A missing
 * or broken file gives English, and the console says so once; with English broken too, the page
 * shows the keys, never nothing.
 */
export function pageTextSource({ load, uiLanguage, warn = console.warn }: PageTextSource) {
  const files = new Map<Language, Promise<Catalog | null>>();
  const file = (lang: Language) => {
    let got = files.get(lang);
    if (!got) {
      got = load(pageTextsPath(lang))
        .then((value) => {
          if (!isCatalog(value)) throw new Error('not a catalog');
          return value;
        })
        .catch((error: unknown) => {
          const instead = lang === 'en' ? "the texts' keys" : 'English';
          warn(`Refund Radar: ${pageTextsPath(lang)} could not be read, so pages show ${instead}.`, error);
          return null;
        });
      files.set(lang, got);
    }
    return got;
  };
  return async (setting: string): Promise<PageTexts> => {
    const locale = resolveLanguage(setting, uiLanguage());
    const lang = matchLanguage(locale);
    const own = await file(lang);
    if (own) return { locale, texts: own };
    return { locale: 'en', texts: (lang === 'en' ? null : await file('en')) ?? {} };
  };
}
