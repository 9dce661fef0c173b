/**
 * The page's language from the document alone (`<html lang>`), mapped to a locale file. Never the
 * cookie: the page says which language it was rendered in, the cookie only what was asked for.
 */
import type { Problem } from '../../model/index.ts';
import { localeForLang } from '../text/locale-rules.ts';

export interface PageLocale {
  /** A locale of rules/locales ("en", "pt-BR"), or null. */
  locale: string | null;
  /** What `<html lang>` said, for the snapshot when no locale file matches. */
  lang: string | null;
  problem: Problem | null;
}

export function pageLocale(doc: Document, _url?: URL): PageLocale {
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || null;
  const locale = localeForLang(lang);
  if (locale) return { locale, lang, problem: null };
  return {
    locale: null,
    lang,
    problem: { code: 'unknown-locale', detail: lang ?? '(no lang attribute)', orderId: null },
  };
}
