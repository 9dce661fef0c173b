/**
 * Language hints beside the document's own `lang` (src/aliexpress/dom/locale.ts). AliExpress serves
 * every label in the shopper's chosen language whatever the host, so the host's language
 * subdomain (pt.aliexpress.com) is only a last fallback.
 */

const SUBDOMAIN_LANGS = new Set([
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'ru',
  'pl',
  'nl',
  'tr',
  'ko',
  'ja',
  'ar',
  'he',
  'th',
  'vi',
  'id',
]);

/** A BCP 47 tag in canonical form ("pt_br" -> "pt-BR"), or null for anything Intl does not accept. */
export function canonicalLocale(tag: string | null | undefined): string | null {
  const t = tag?.trim().replace(/_/g, '-');
  if (!t) return null;
  try {
    return Intl.getCanonicalLocales(t)[0] ?? null;
  } catch {
    return null;
  }
}

export function localeOfUrl(href: string): string | null {
  try {
    const sub = new URL(href).hostname.toLowerCase().split('.')[0] ?? '';
    return SUBDOMAIN_LANGS.has(sub) ? sub : null;
  } catch {
    return null;
  }
}
