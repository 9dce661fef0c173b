/**
 * `assets/locales/<lang>.json?notifications`: that catalog cut down to the notification texts
 * at build time (wxt.config.ts); without the build plugin (unit tests) it is the whole catalog.
 */
declare module '*.json?notifications' {
  const catalog: import('./core.ts').Catalog;
  export default catalog;
}
