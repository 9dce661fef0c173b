import type { Catalog } from './core.ts';

/**
 * The entries of `catalog` for `keys` only (those it has), for a context that shows a few
 * messages: the background words notifications and nothing else (wxt.config.ts builds its
 * catalogs with this). Pure and without imports of code, so the build config can load it in Node.
 */
export function pickEntries(catalog: Catalog, keys: readonly string[]): Catalog {
  const out: Catalog = {};
  for (const key of keys) if (Object.hasOwn(catalog, key)) out[key] = catalog[key]!;
  return out;
}

/**
 * A language's entries for `keys`, with English's where it has none: the page texts the build
 * writes for each language (wxt.config.ts), so a page gets one whole set and falls back to nothing.
 */
export function withEnglish(own: Catalog, english: Catalog, keys: readonly string[]): Catalog {
  return { ...pickEntries(english, keys), ...pickEntries(own, keys) };
}
