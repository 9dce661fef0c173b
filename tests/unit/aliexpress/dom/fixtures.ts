import { readFileSync } from 'node:fs';
import { fixturePages, fixturePath, type PageFixture } from '../../../site/snapshot.ts';

export interface LoadedFixture extends PageFixture {
  doc: Document;
}

const cache = new Map<string, string>();

/** The committed fixture file, parsed as the browser would parse the served page. */
export function loadFixture(page: PageFixture): LoadedFixture {
  const path = fixturePath(page);
  let html = cache.get(path);
  if (html === undefined) {
    html = readFileSync(path, 'utf8');
    cache.set(path, html);
  }
  return { ...page, doc: new DOMParser().parseFromString(html, 'text/html') };
}

export const ALL_PAGES: PageFixture[] = fixturePages();
