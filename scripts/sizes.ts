/**
 * Size of every entrypoint as the browser loads it: its own file plus every chunk it imports,
 * raw and gzip. Used by the size-budget test and by `npm run bench`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export type Group = 'content' | 'popup' | 'options' | 'background';

/** Budgets in bytes of gzip; raising one takes a reason in the README's Performance section. */
export const BUDGETS: Record<Exclude<Group, 'options'>, number> = {
  content: 25 * 1024,
  popup: 40 * 1024,
  background: 60 * 1024,
};

export interface EntrySize {
  group: Group;
  file: string;
  raw: number;
  gzip: number;
}

const IMPORT = /(?:import|from)\s*["']([^"']+\.js)["']|import\(\s*["']([^"']+\.js)["']\s*\)/g;

function closure(dir: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(join(dir, entry))) return seen;
  seen.add(entry);
  const code = readFileSync(join(dir, entry), 'utf8');
  for (const m of code.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec) continue;
    const target = spec.startsWith('/') ? spec.slice(1) : relative(dir, join(dir, entry, '..', spec));
    closure(dir, target, seen);
  }
  return seen;
}

function htmlScripts(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  return [...text.matchAll(/<(?:script[^>]*src|link[^>]*href)="([^"]+\.(?:js|css))"/g)].map((m) =>
    m[1]!.replace(/^\//, ''),
  );
}

export function measureEntrypoints(dir: string): EntrySize[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const entries: Array<[Group, string[]]> = [
    ['background', [manifest.background.service_worker ?? manifest.background.scripts?.[0]]],
    ['content', manifest.content_scripts.flatMap((c: { js: string[]; css?: string[] }) => [...c.js, ...(c.css ?? [])])],
    ['popup', htmlScripts(dir, 'popup.html')],
    ['options', htmlScripts(dir, 'options.html')],
  ];
  const out: EntrySize[] = [];
  for (const [group, roots] of entries) {
    const files = new Set<string>();
    for (const root of roots) for (const f of closure(dir, root)) files.add(f);
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      out.push({ group, file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    }
  }
  return out;
}

export function listOutput(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}
