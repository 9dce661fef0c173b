/**
 * The AliExpress sites the extension reads, in one place: manifest matches, page detection and the
 * browser tests' host mapping all come from here. aliexpress.ru is a separate site with its own
 * markup and API: out of scope, so not listed.
 */
export const ALIEXPRESS_DOMAINS = ['aliexpress.com', 'aliexpress.us'] as const;

/** Every host of those sites, as the manifest's match patterns. */
export const ALIEXPRESS_MATCHES: string[] = ALIEXPRESS_DOMAINS.flatMap((d) => [`*://*.${d}/*`, `*://${d}/*`]);

/** Whether a host name belongs to one of those sites. */
export function isAliExpressHost(host: string): boolean {
  const h = host.toLowerCase();
  return ALIEXPRESS_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}
