// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LISTING_DIR, listingFiles, listingOf, listings, SHORT_MAX } from '../../../scripts/store/listing.ts';

const committed = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? committed(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name],
  );

describe('the store listing texts (assets/store/listing)', () => {
  const all = listings();

  it('exist for every interface language', () => {
    expect(Object.keys(all)).toEqual(['de', 'en', 'es', 'fr', 'pl', 'pt-BR', 'ru']);
  });

  it('are the committed files, as npm run store:listing makes them from assets/locales', () => {
    const expected = listingFiles(all);
    expect(committed(LISTING_DIR).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected))
      expect(readFileSync(join(LISTING_DIR, name), 'utf8'), `${name}: run npm run store:listing`).toBe(text);
  });

  it.each(Object.keys(all))('fit the stores in %s: a short description of at most 132 characters', (lang) => {
    const { name, short, long } = all[lang]!;
    expect(name).toMatch(/Refund Radar/);
    expect([...short].length).toBeLessThanOrEqual(SHORT_MAX);
    expect(long.startsWith(short)).toBe(true);
    // Four features, each a line of its own.
    expect(long.match(/^• /gm)).toHaveLength(4);
    expect(long.length).toBeLessThan(16_000);
  });

  it('say when a catalog lacks a text they are made from (written by hand for this test)', () => {
    expect(() => listingOf({ extName: { message: 'Refund Radar' } })).toThrow(/no extDescription/);
  });
});
