import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeConfig, type InlineConfig } from 'vite';
import { defineConfig } from 'wxt';
import { ALERT_KEYS } from './src/alerts/text.ts';
import { ALIEXPRESS_MATCHES } from './src/model/hosts.ts';
import { PAGE_KEYS } from './src/i18n/page-keys.ts';
import { pickEntries, withEnglish } from './src/i18n/subset.ts';

const ICON_SIZES = [16, 32, 48, 128] as const;

// Extension pages load only their own packaged code and connect nowhere: no remote code, no network.
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Interface catalogs as `JSON.parse("...")` rather than Vite's default of one exported constant per
 * key: src/i18n reads a catalog whole, so per-key exports only add bytes (about 2 KB gzip per
 * language, in every context that carries one) and parse slower than JSON. The id drops its
 * `.json` so Vite's own JSON plugin leaves the module alone.
 */
const CATALOG = '\0refund-radar-catalog:';
const catalogsAsJson = {
  name: 'refund-radar:catalogs-as-json',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    if (!importer || !/(?:^|[\\/])assets[\\/]locales[\\/][^\\/]+\.json$/.test(source)) return null;
    return CATALOG + resolve(importer, '..', source).replace(/\.json$/, '');
  },
  load(id: string) {
    if (!id.startsWith(CATALOG)) return null;
    const json = JSON.stringify(JSON.parse(readFileSync(`${id.slice(CATALOG.length)}.json`, 'utf8')));
    return `export default /* #__PURE__ */ JSON.parse(${JSON.stringify(json)});`;
  },
};

/**
 * `assets/locales/<lang>.json?notifications` (src/i18n/notifications.ts, the background's only
 * catalogs): that catalog with only the notification texts of src/alerts/text.ts, about 1 KB
 * instead of 26. A key English lacks fails the build rather than showing as a raw key.
 */
const NOTIFICATIONS = '\0refund-radar-notifications:';
export const notificationCatalogs = {
  name: 'refund-radar:notification-catalogs',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    const file = /^(.*(?:^|[\\/])assets[\\/]locales[\\/][^\\/]+\.json)\?notifications$/.exec(source)?.[1];
    if (!importer || !file) return null;
    // Without `.json`, like the catalogs above, so Vite's JSON plugin leaves the module alone.
    return NOTIFICATIONS + resolve(importer, '..', file).replace(/\.json$/, '');
  },
  load(id: string) {
    if (!id.startsWith(NOTIFICATIONS)) return null;
    const file = `${id.slice(NOTIFICATIONS.length)}.json`;
    const english = JSON.parse(readFileSync(resolve(file, '..', 'en.json'), 'utf8'));
    const missing = ALERT_KEYS.filter((key) => !Object.hasOwn(english, key));
    if (missing.length) throw new Error(`notification keys missing from en.json: ${missing.join(', ')}`);
    const json = JSON.stringify(pickEntries(JSON.parse(readFileSync(file, 'utf8')), ALERT_KEYS));
    return `export default /* #__PURE__ */ JSON.parse(${JSON.stringify(json)});`;
  },
};

/**
 * page-texts/<lang>.json for each interface language: its entries for the content script's texts
 * (src/i18n/page-keys.ts), English where it has none, 11-16 KB instead of the whole 42-54 KB
 * catalog. The background reads the shopper's language's file and hands it to pages
 * (src/i18n/page-texts.ts); it is not web-accessible, so pages cannot probe it. A key English
 * lacks fails the build rather than showing as a raw key.
 */
export function pageTextFiles(localesDir: string): Array<{ lang: string; contents: string }> {
  const read = (name: string) => JSON.parse(readFileSync(resolve(localesDir, name), 'utf8'));
  const english = read('en.json');
  const missing = PAGE_KEYS.filter((key) => !Object.hasOwn(english, key));
  if (missing.length) throw new Error(`page text keys missing from en.json: ${missing.join(', ')}`);
  return readdirSync(localesDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({
      lang: name.replace(/\.json$/, ''),
      contents: JSON.stringify(withEnglish(name === 'en.json' ? english : read(name), english, PAGE_KEYS)),
    }));
}

/**
 * rules/policy.json in the background's own build only: the same numbers, without the text it
 * never shows (pack titles and descriptions, what each rule means, the source and sentence each
 * number comes from; about 1.6 KB gzip), and without the alternatives only the options page shows
 * (about 0.4 KB). Each such text becomes "-", so the background still
 * validates the file with the same schema (which wants them not empty). Extension pages, which
 * show those texts, get the file whole (tests/unit/background/bundle.test.ts checks both).
 */
const DOC_FIELDS = new Set(['title', 'description', 'meaning', 'where', 'quote', 'note']);
export function policyWithoutDocs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(policyWithoutDocs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      // Other numbers the sources give are shown by the options page only (the schema defaults them to []).
      .filter(([key]) => key !== 'alternatives')
      .map(([key, v]) => [key, DOC_FIELDS.has(key) && typeof v === 'string' ? '-' : policyWithoutDocs(v)]),
  );
}
const POLICY_FILE = /(?:^|[\\/])rules[\\/]policy\.json$/;
export function backgroundPolicy() {
  let background = false;
  return {
    name: 'refund-radar:background-policy',
    enforce: 'pre' as const,
    configResolved(config: { build: { lib?: false | { entry?: unknown } } }) {
      // WXT builds a classic background on its own, in library mode, from this virtual entry.
      const lib = config.build.lib;
      background = !!lib && /^virtual:wxt-background-entrypoint\?/.test(String(lib.entry));
    },
    load(id: string) {
      if (!background || !POLICY_FILE.test(id)) return null;
      return JSON.stringify(policyWithoutDocs(JSON.parse(readFileSync(id, 'utf8'))));
    },
  };
}

/**
 * Preact's one `innerHTML` assignment (its `dangerouslySetInnerHTML` path) made a throw: no view of
 * ours sets HTML, so nothing runs it, and with it gone addons-linter finds no `innerHTML`
 * assignment in any bundle (UNSAFE_VAR_ASSIGNMENT). A Preact whose code no longer has exactly one
 * such assignment fails the build instead of shipping it unseen.
 */
const PREACT_INNER_HTML = /[\w$]+\.innerHTML\s*=\s*[\w$]+\.__html\b/g;
export function preactWithoutInnerHtml(code: string): string {
  const found = code.match(PREACT_INNER_HTML)?.length ?? 0;
  if (found !== 1)
    throw new Error(`expected Preact to set innerHTML once, found ${found}: check preactWithoutInnerHtml`);
  return code.replace(PREACT_INNER_HTML, '(() => { throw new Error("dangerouslySetInnerHTML is not allowed") })()');
}
const preactNoInnerHtml = {
  name: 'refund-radar:preact-no-inner-html',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs(?:\?|$)/.test(id)) return null;
    return { code: preactWithoutInnerHtml(code), map: null };
  },
};

/**
 * Every part minified by terser rather than esbuild: three compress passes and rewrites esbuild
 * does not make take 5% off each (content scripts 1.3 KB gzip, which every AliExpress page loads
 * and compiles; the background 3.4 KB, compiled at every wake of its worker; the popup 0.6 KB) for
 * a few seconds more of build.
 */
const TERSER = {
  minify: 'terser',
  terserOptions: {
    ecma: 2020,
    compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true },
    format: { comments: false },
  },
} as const;

/**
 * The content scripts' source in ASCII, their few other letters (the Cyrillic of some labels)
 * escaped: the page keeps a script's source for its life, and one character past Latin-1 makes the
 * browser keep every character in two bytes. The extension's own pages keep theirs as written:
 * their language chunks are mostly such letters, and escaping them would double their size.
 */
const ASCII_SOURCE = { build: { terserOptions: { format: { ascii_only: true } } } };

/**
 * The popup's module script as render-blocking (`blocking="render"`; Vite rewrites the tag and
 * drops the attribute, so it is added to the built page). Without it the stylesheet, which
 * arrives first, gets a frame of its own (style, layout and paint of an empty page) before the
 * script draws the first screen. Browsers without the attribute ignore it.
 */
export const popupRenderBlocking = {
  name: 'refund-radar:popup-render-blocking',
  transformIndexHtml: {
    order: 'post' as const,
    handler(html: string, ctx: { path: string }) {
      if (!/(?:^|\/)popup(?:\/index)?\.html$/.test(ctx.path)) return html;
      return html.replace(/<script type="module"(?![^>]*blocking=)/g, '<script type="module" blocking="render"');
    },
  },
};

const withPolyfill = (config: InlineConfig): InlineConfig =>
  mergeConfig(config, { resolve: { alias: { 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' } } });

export default defineConfig({
  manifestVersion: 3,
  // The sources zip is what addons.mozilla.org rebuilds the Firefox package from (npm ci && npm run
  // build:firefox, tests/e2e/sources.e2e.test.ts): what the build reads, not the tests, tools or
  // listing material.
  zip: { excludeSources: ['tests/**', 'scripts/**', 'assets/screenshots/**', 'assets/store/**', 'bench-results.json'] },
  vite: () => ({
    plugins: [catalogsAsJson, notificationCatalogs, backgroundPolicy(), preactNoInnerHtml, popupRenderBlocking],
    // Dexie's ES2017 build instead of its ES5 one behind import-wrapper.mjs: the same Dexie 4 in
    // native classes and async functions, 1.7 KB gzip less for the background. The wrapper only
    // guards against two copies in one page, and the build bundles one.
    resolve: {
      alias: [
        { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' },
        // WXT's content script context announces the extension to every page it starts in (a message
        // naming its id, and an event); ours keeps the rest and says nothing (src/platform/content-context.ts).
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./src/platform/content-context.ts', import.meta.url)),
        },
      ],
    },
    // The rules files as JSON.parse("...") rather than object literals: V8 reads JSON several times
    // faster than the same data as code, and the content script evaluates its rules on every page.
    json: { stringify: true, namedExports: false },
    // Vite's modulepreload polyfill is for browsers without <link rel="modulepreload">; every
    // browser this extension supports has it (Chrome 66, Firefox 115), so pages skip its code.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['alarms', 'notifications'],
    host_permissions: ALIEXPRESS_MATCHES,
    // The dev server needs its own scripts and socket; WXT writes that CSP in `wxt` (serve) mode.
    ...(command === 'build' && { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } }),
    icons: Object.fromEntries(ICON_SIZES.map((s) => [s, `icon/${s}.png`])),
    action: {
      default_title: '__MSG_extName__',
      default_icon: Object.fromEntries(ICON_SIZES.map((s) => [s, `icon/${s}.png`])),
    },
    // Firefox needs a stable id for storage and updates (Chrome warns on the key), 128+ for the
    // MAIN-world content script that taps the page's JSON, and 140 (142 on Android) for
    // data_collection_permissions, which addons.mozilla.org asks of every extension: here, nothing.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'refund-radar@refund-radar.app',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // terser for every part (TERSER above); webextension-polyfill for the background and the
    // extension's pages (what @wxt-dev/webextension-polyfill would add everywhere). The content scripts use only runtime.sendMessage, promise-based
    // in every MV3 browser, so they go without it: 2.8 KB of their 25 KB gzip budget.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      Object.assign(viteConfig, mergeConfig(viteConfig, { build: TERSER }));
      if (entrypoints.every((e) => e.type === 'content-script'))
        return void Object.assign(viteConfig, mergeConfig(viteConfig, ASCII_SOURCE));
      Object.assign(viteConfig, withPolyfill(viteConfig));
    },
    'vite:devServer:extendConfig': (viteConfig) => {
      Object.assign(viteConfig, withPolyfill(viteConfig));
    },
    // Icons and _locales are generated from one source each in assets/, so nothing derived is committed.
    'build:publicAssets': async (wxt, files) => {
      const { Resvg } = await import('@resvg/resvg-js');
      const svg = readFileSync(resolve(wxt.config.root, 'assets/icon.svg'), 'utf8');
      const outDir = resolve(wxt.config.wxtDir, 'generated/icon');
      mkdirSync(outDir, { recursive: true });
      for (const size of ICON_SIZES) {
        const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
        const file = resolve(outDir, `${size}.png`);
        writeFileSync(file, png);
        files.push({ absoluteSrc: file, relativeDest: `icon/${size}.png` });
      }
      const localesDir = resolve(wxt.config.root, 'assets/locales');
      for (const name of readdirSync(localesDir).filter((f) => f.endsWith('.json'))) {
        const lang = name.replace(/\.json$/, '').replace('-', '_');
        files.push({
          contents: readFileSync(resolve(localesDir, name), 'utf8'),
          relativeDest: `_locales/${lang}/messages.json`,
        });
      }
      for (const { lang, contents } of pageTextFiles(localesDir))
        files.push({ contents, relativeDest: `page-texts/${lang}.json` });
    },
  },
});
