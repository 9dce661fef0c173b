/**
 * How the stand-in writes dates, money and countdowns in each language: the varied styles the
 * real site uses (month names, numeric dates with the locale's order, currency before or after,
 * "руб." rather than "₽"), so the readers meet them all.
 */
import { LABELS, type Lang } from './labels.ts';

export interface LangInfo {
  /** BCP 47 tag for Intl and `<html lang>`. */
  tag: string;
  /** The `b_locale` value of the `aep_usuc_f` cookie. */
  bLocale: string;
  /** Language subdomain (pt.aliexpress.com); English lives on www. */
  subdomain: string;
  currency: 'USD' | 'EUR' | 'BRL' | 'RUB' | 'PLN' | 'TRY';
  /** Units of currency per US dollar; fixed so fixtures never move. */
  rate: number;
  listDate: 'short' | 'long' | 'numeric';
  detailDate: 'short' | 'long' | 'numeric';
}

export const LANG_INFO: Record<Lang, LangInfo> = {
  en: {
    tag: 'en-US',
    bLocale: 'en_US',
    subdomain: 'www',
    currency: 'USD',
    rate: 1,
    listDate: 'short',
    detailDate: 'short',
  },
  es: {
    tag: 'es-ES',
    bLocale: 'es_ES',
    subdomain: 'es',
    currency: 'EUR',
    rate: 0.92,
    listDate: 'short',
    detailDate: 'long',
  },
  fr: {
    tag: 'fr-FR',
    bLocale: 'fr_FR',
    subdomain: 'fr',
    currency: 'EUR',
    rate: 0.92,
    listDate: 'short',
    detailDate: 'numeric',
  },
  de: {
    tag: 'de-DE',
    bLocale: 'de_DE',
    subdomain: 'de',
    currency: 'EUR',
    rate: 0.92,
    listDate: 'short',
    detailDate: 'numeric',
  },
  'pt-BR': {
    tag: 'pt-BR',
    bLocale: 'pt_BR',
    subdomain: 'pt',
    currency: 'BRL',
    rate: 5.1,
    listDate: 'short',
    detailDate: 'numeric',
  },
  ru: {
    tag: 'ru-RU',
    bLocale: 'ru_RU',
    subdomain: 'ru',
    currency: 'RUB',
    rate: 92,
    listDate: 'numeric',
    detailDate: 'long',
  },
  pl: {
    tag: 'pl-PL',
    bLocale: 'pl_PL',
    subdomain: 'pl',
    currency: 'PLN',
    rate: 4,
    listDate: 'short',
    detailDate: 'long',
  },
  it: {
    tag: 'it-IT',
    bLocale: 'it_IT',
    subdomain: 'it',
    currency: 'EUR',
    rate: 0.92,
    listDate: 'short',
    detailDate: 'numeric',
  },
  nl: {
    tag: 'nl-NL',
    bLocale: 'nl_NL',
    subdomain: 'nl',
    currency: 'EUR',
    rate: 0.92,
    listDate: 'short',
    detailDate: 'numeric',
  },
  tr: {
    tag: 'tr-TR',
    bLocale: 'tr_TR',
    subdomain: 'tr',
    currency: 'TRY',
    rate: 34,
    listDate: 'short',
    detailDate: 'numeric',
  },
};

/** An amount in the language's currency, in cents, converted from US cents line by line. */
export const toLocalCents = (lang: Lang, usdCents: number): number => Math.round(usdCents * LANG_INFO[lang].rate);

export function formatMoney(lang: Lang, cents: number): string {
  const info = LANG_INFO[lang];
  const amount = cents / 100;
  const number = new Intl.NumberFormat(info.tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
  switch (lang) {
    case 'en':
      return `US $${number}`;
    case 'ru':
      return `${number} руб.`;
    default:
      return new Intl.NumberFormat(info.tag, { style: 'currency', currency: info.currency }).format(amount);
  }
}

const STYLES = {
  short: { year: 'numeric', month: 'short', day: 'numeric' },
  long: { year: 'numeric', month: 'long', day: 'numeric' },
  numeric: { year: 'numeric', month: '2-digit', day: '2-digit' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** Dates are written in UTC: the site has no idea of the shopper's zone and tests run anywhere. */
export function formatDate(lang: Lang, date: Date, style: keyof typeof STYLES): string {
  return new Intl.DateTimeFormat(LANG_INFO[lang].tag, { ...STYLES[style], timeZone: 'UTC' }).format(date);
}

export function formatDateTime(lang: Lang, date: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(date);
  return `${formatDate(lang, date, LANG_INFO[lang].detailDate)} ${time}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "4 days 23:12:11" in the page's language; the day word follows the language's plural rules. */
export function formatCountdown(lang: Lang, ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  const forms = LABELS[lang].days;
  const word = forms[new Intl.PluralRules(LANG_INFO[lang].tag).select(days)] ?? forms.other;
  return `${days} ${word} ${clock}`;
}
