import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath, ROOT } from '../../scripts/store/packages.ts';
import { Zip } from '../../scripts/store/zip.ts';

const ICON_SIZES = ['16', '32', '48', '128'];
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
/** Every interface language, as `_locales` names it (pt-BR is pt_BR there). */
const LANGUAGES = readdirSync(join(ROOT, 'assets/locales'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** Files a store package must not carry: source maps, tests and their fixtures, sources. */
const NOT_SHIPPED = /(\.map$|(^|\/)tests?\/|\.test\.|\.spec\.|(^|\/)fixtures\/|\.tsx?$)/;

// What `npm run zip` and `npm run zip:firefox` make is what the stores get: open each package.
describe.each(['chrome', 'firefox'] as const)('the %s store package', (browser) => {
  const zip = Zip.open(packagePath(browser));
  const files = zip.files();
  const manifest = JSON.parse(zip.text('manifest.json'));

  it('has a Manifest V3 manifest at its root, of this version, named from _locales', () => {
    expect(manifest).toMatchObject({
      manifest_version: 3,
      version,
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
    });
  });

  it('has every file its manifest names', () => {
    const named: string[] = [
      ...Object.values<string>(manifest.icons),
      ...Object.values<string>(manifest.action.default_icon),
      manifest.action.default_popup,
      manifest.options_ui.page,
      ...(manifest.background.service_worker ? [manifest.background.service_worker] : manifest.background.scripts),
      ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js),
    ];
    for (const file of named) expect(files, file).toContain(file);
  });

  it('has the icon at 16, 32, 48 and 128 pixels, each a PNG of its size', () => {
    expect(Object.keys(manifest.icons)).toEqual(ICON_SIZES);
    for (const size of ICON_SIZES) expect(pngSize(zip.read(manifest.icons[size])), size).toEqual([+size, +size]);
  });

  it('has _locales for every interface language, each the catalog in assets/locales', () => {
    const locales = files.filter((f) => f.startsWith('_locales/'));
    expect(locales.sort()).toEqual(LANGUAGES.map((l) => `_locales/${l.replace('-', '_')}/messages.json`).sort());
    for (const lang of LANGUAGES) {
      const catalog = JSON.parse(readFileSync(join(ROOT, 'assets/locales', `${lang}.json`), 'utf8'));
      const shipped = JSON.parse(zip.text(`_locales/${lang.replace('-', '_')}/messages.json`));
      expect(shipped, lang).toEqual(catalog);
      expect(shipped.extName.message, lang).toMatch(/Refund Radar/);
    }
  });

  it('carries no source map, test, fixture or source file', () => {
    expect(files.filter((f) => NOT_SHIPPED.test(f))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith('.js')))
      expect(zip.text(file), file).not.toMatch(/sourceMappingURL=/);
  });
});

it('gives Firefox its gecko id and the data it collects (none), and Chrome neither', () => {
  const firefox = JSON.parse(Zip.open(packagePath('firefox')).text('manifest.json'));
  const chrome = JSON.parse(Zip.open(packagePath('chrome')).text('manifest.json'));
  expect(firefox.browser_specific_settings.gecko).toMatchObject({
    id: 'refund-radar@refund-radar.app',
    data_collection_permissions: { required: ['none'] },
  });
  expect(chrome.browser_specific_settings).toBeUndefined();
});

it('has a privacy statement for the stores that names every permission and host the packages ask for', () => {
  const privacy = readFileSync(join(ROOT, 'assets/store/privacy.md'), 'utf8');
  for (const browser of ['chrome', 'firefox'] as const) {
    const manifest = JSON.parse(Zip.open(packagePath(browser)).text('manifest.json'));
    for (const permission of manifest.permissions) expect(privacy).toContain(`\`${permission}\``);
    for (const host of manifest.host_permissions as string[])
      expect(privacy).toContain(host.replace(/^\*:\/\/(\*\.)?/, '*.').replace(/\/\*$/, ''));
  }
  expect(privacy).toMatch(/collects no data/);
  expect(privacy).toMatch(/no network\s+requests/);
});

describe('the sources package for addons.mozilla.org', () => {
  const files = Zip.open(packagePath('sources')).files();

  it('has what the build reads and how to run it', () => {
    for (const file of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md'])
      expect(files).toContain(file);
    for (const folder of ['src/', 'entrypoints/', 'assets/locales/', 'rules/'])
      expect(
        files.some((f) => f.startsWith(folder)),
        folder,
      ).toBe(true);
    expect(files).toContain('assets/icon.svg');
  });

  it('leaves out what the build does not read: tests, tools, listing material, built output', () => {
    expect(
      files.filter((f) => /^(tests|scripts|node_modules|\.output|\.wxt|assets\/store|assets\/screenshots)\//.test(f)),
    ).toEqual([]);
  });
});
