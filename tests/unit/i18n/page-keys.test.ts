/**
 * PAGE_KEYS is every text the content script shows, as the background hands them out (pageTexts)
 * instead of the page asking browser.i18n. Inputs: the content script's own sources, found by
 * following its imports from entrypoints/aliexpress.content/index.ts, and assets/locales/en.json.
 */
// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_KEYS } from '../../../src/i18n/page-keys.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const ENTRY = resolve(ROOT, 'entrypoints/aliexpress.content/index.ts');
const en = JSON.parse(readFileSync(resolve(ROOT, 'assets/locales/en.json'), 'utf8')) as Record<string, unknown>;
const isKey = (s: string) => Object.hasOwn(en, s);

/** Keys made at run time from a template, which the scan cannot read: none today. */
const RUNTIME_KEYS: readonly string[] = [];

// `import { a, b as c } from './x.ts'` (not `import type`), `export ... from`, and bare imports.
const IMPORT =
  /(?:import|export)\s+(?!type\b)(?:\{([^}]*)\}|[\w$]+|\*\s+as\s+[\w$]+)?(?:\s*,\s*\{([^}]*)\})?\s*from\s*'(\.[^'?]+)[^']*'|import\s*'(\.[^'?]+)[^']*'/g;

/** Every module of ours the content script loads, with the names each file imports from the others. */
function contentGraph(): Map<string, Array<{ from: string; names: string[] }>> {
  const graph = new Map<string, Array<{ from: string; names: string[] }>>();
  const queue = [ENTRY];
  while (queue.length) {
    const file = queue.pop()!;
    if (graph.has(file)) continue;
    const imports: Array<{ from: string; names: string[] }> = [];
    graph.set(file, imports);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[3] ?? m[4]!);
      if (!/\.tsx?$/.test(target) || !existsSync(target)) continue;
      const names = `${m[1] ?? ''},${m[2] ?? ''}`
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith('type '))
        .map((n) => n.split(/\s+as\s+/)[0]!);
      imports.push({ from: target, names });
      queue.push(target);
    }
  }
  return graph;
}

/** The strings in a value (a table of keys, a list of reasons) that are message keys. */
const keysIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? isKey(value)
      ? [value]
      : []
    : typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(keysIn)
      : [];

/** Files whose every key-like string is shown: the helper's own code. Shared modules count only by what it takes from them. */
const isPageCode = (file: string) => /^(src\/inject\/|entrypoints\/aliexpress\.content\/)/.test(relative(ROOT, file));

async function usedKeys(): Promise<{ keys: Set<string>; templated: string[] }> {
  const keys = new Set<string>();
  const templated: string[] = [];
  const graph = contentGraph();
  for (const [file, imports] of graph) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\b(t|tKey|plural)\(\s*(['"`])([^'"`]*)\2/g)) {
      if (m[2] === '`') templated.push(`${relative(ROOT, file)}: ${m[0]}`);
      else if (m[1] === 'plural') for (const k of Object.keys(en).filter((k) => k.startsWith(`${m[3]}_`))) keys.add(k);
      else keys.add(m[3]!);
    }
    if (isPageCode(file)) for (const m of src.matchAll(/'([A-Za-z0-9_]+)'/g)) if (isKey(m[1]!)) keys.add(m[1]!);
    // Tables of keys the helper takes from shared modules (the reasons, who must act...).
    if (!isPageCode(file)) continue;
    for (const { from, names } of imports) {
      if (isPageCode(from)) continue;
      const module = (await import(from)) as Record<string, unknown>;
      for (const name of names) for (const k of keysIn(module[name])) keys.add(k);
    }
  }
  for (const k of RUNTIME_KEYS) keys.add(k);
  return { keys, templated };
}

describe('PAGE_KEYS', () => {
  it('is exactly the keys the content script shows', async () => {
    const { keys } = await usedKeys();
    // The walk found the helper's texts, its tables and a counted message.
    expect(keys).toContain('helperStart');
    expect(keys).toContain('reasonDamagedAdviceKeep');
    expect(keys).toContain('barAwaitingSeller');
    expect(keys).toContain('durationDays_other');
    expect([...PAGE_KEYS].sort()).toEqual([...keys].sort());
  });

  it('has no key made from a template the scan cannot read, unless RUNTIME_KEYS lists what it makes', async () => {
    const { templated } = await usedKeys();
    expect(templated).toEqual([]);
  });

  it('no module of the content script asks browser.i18n (its first call parses the whole catalog on the page)', () => {
    const asking = [...contentGraph().keys()].filter((file) => /\bi18n\s*\.\s*\w+\(/.test(readFileSync(file, 'utf8')));
    // The walk reached the helper's entry.
    expect(contentGraph().has(resolve(ROOT, 'src/inject/index.ts'))).toBe(true);
    expect(asking.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it("no module of the content script carries the helper's styles or the card reader (the background has both)", () => {
    const files = [...contentGraph().keys()];
    const styled = files.filter((file) => /from\s*'[^']*\.css\?inline'/.test(readFileSync(file, 'utf8')));
    expect(styled.map((file) => relative(ROOT, file))).toEqual([]);
    expect(files.map((file) => relative(ROOT, file))).not.toContain('src/aliexpress/cards.ts');
    expect(files.map((file) => relative(ROOT, file))).toContain('src/aliexpress/dom/order-list.ts');
  });

  it('names only keys English has, each once', () => {
    expect(PAGE_KEYS.filter((k) => !isKey(k))).toEqual([]);
    expect(new Set(PAGE_KEYS).size).toBe(PAGE_KEYS.length);
  });
});
