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
