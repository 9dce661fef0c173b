import { loadLanguage, type Language } from '../i18n/index.ts';
import { resolveLanguage } from '../i18n/core.ts';

export { resolveLanguage };

/**
 * The interface language: the shopper's choice in options, else the browser's. Extension pages
 * keep a copy of the choice in localStorage so they can start in it without waiting for the store.
 */
const CACHE_KEY = 'refund-radar-language';

export function browserLanguage(getUILanguage?: () => string): string {
  try {
    return getUILanguage?.() || navigator.language || 'en';
  } catch {
    return navigator.language || 'en';
  }
}

export function cachedLanguageSetting(): string | null {
  try {
    return localStorage.getItem(CACHE_KEY);
  } catch {
    return null;
  }
}

export function cacheLanguageSetting(setting: string): void {
  try {
    // Each page applies the copy it has just read as it starts: writing the same text back would be
    // a storage write (and a message to the browser's storage) before every first paint.
    if (localStorage.getItem(CACHE_KEY) !== setting) localStorage.setItem(CACHE_KEY, setting);
  } catch {
    // Storage can be off (private windows, policies); the store still has the choice.
  }
}

/** Loads and activates the language for a setting; returns what became active. */
export function applyLanguageSetting(setting: string | null | undefined, browser: string): Promise<Language> {
  cacheLanguageSetting(setting ?? 'auto');
  const tag = resolveLanguage(setting, browser);
  document.documentElement.lang = tag;
  return loadLanguage(tag);
}
