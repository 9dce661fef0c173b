/**
 * `npm run store:listing`: the stores' listing texts in every interface language, made from the
 * interface catalogs (assets/locales), so a listing says what the extension says and is
 * translated with it. Writes assets/store/listing/<lang>/{short,long}.txt; a test checks that the
 * committed files are what this makes.
 *
 *   short: the manifest's description (Chrome Web Store: at most 132 characters; AMO summary)
 *   long:  the detailed description both stores show under it
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './packages.ts';

type Catalog = Record<string, { message: string }>;

export const LISTING_DIR = join(ROOT, 'assets/store/listing');
/** Chrome Web Store's limit for the description in the manifest, which it shows as the summary. */
export const SHORT_MAX = 132;
/** The features, in the order the long description lists them. */
const FEATURES = ['storeFeatureDeadlines', 'storeFeatureHelper', 'storeFeatureReminders', 'storeFeatureLanguages'];

export interface Listing {
  name: string;
  short: string;
  long: string;
}

export function listingOf(catalog: Catalog): Listing {
  const text = (key: string) => {
    const message = catalog[key]?.message;
    if (!message) throw new Error(`the catalog has no ${key}`);
    return message;
  };
  const long = [
    text('extDescription'),
    FEATURES.map((key) => `• ${text(key)}`).join('\n'),
    `${text('helperNeverSubmits')} ${text('optionsPrivacy')}`,
  ].join('\n\n');
  return { name: text('extName'), short: text('extDescription'), long: `${long}\n` };
}

/** Every interface language's listing, by the catalog's file name (en, pt-BR, ...). */
export function listings(root: string = ROOT): Record<string, Listing> {
  const dir = join(root, 'assets/locales');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f.replace(/\.json$/, ''), listingOf(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Catalog)]),
  );
}

/** The files `writeListings` writes, relative to LISTING_DIR, with their text. */
export function listingFiles(all: Record<string, Listing> = listings()): Record<string, string> {
  return Object.fromEntries(
    Object.entries(all).flatMap(([lang, l]) => [
      [`${lang}/short.txt`, `${l.short}\n`],
      [`${lang}/long.txt`, l.long],
    ]),
  );
}

export function writeListings(dir: string = LISTING_DIR): string[] {
  const files = listingFiles();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return Object.keys(files);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = writeListings();
  console.log(`Wrote ${written.length} listing files to ${LISTING_DIR}.`);
}
