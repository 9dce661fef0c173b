/**
 * The house's layers as tests: the folders of src/ import each other without a cycle, and the
 * lint rule that keeps imports flowing down (scripts/lint/layers.js) refuses a bad import.
 * Inputs: the repository's own source files, and bad imports written here by hand.
 */
// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const layerOf = (file: string) => /^src\/([^/]+)\//.exec(relative(ROOT, file).replaceAll('\\', '/'))?.[1] ?? null;

/** Folder -> the folders it imports (type imports too: they are dependencies all the same). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(SRC)) {
    const from = layerOf(file)!;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      const to = layerOf(resolve(dirname(file), m[1]!));
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle's folders, found by a depth-first walk. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      found.push([...path.slice(path.indexOf(node)), node]);
      return;
    }
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) visit(next);
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node);
  return found;
}

describe('layers', () => {
  it('src/ folders import each other without a cycle', () => {
    const graph = folderGraph();
    // The walk saw the house: the core and the views, with imports between them.
    expect([...graph.keys()]).toEqual(
      expect.arrayContaining(['model', 'aliexpress', 'store', 'timeline', 'ui', 'inject']),
    );
    expect(graph.get('store')!.has('model')).toBe(true);
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['store', new Set(['timeline'])],
      ['timeline', new Set(['ui'])],
      ['ui', new Set(['store'])],
    ]);
    expect(cycles(graph)).toEqual([['store', 'timeline', 'ui', 'store']]);
  });

  it('npm run lint refuses an import that goes up the layers', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const lint = async (path: string, code: string) =>
      (await eslint.lintText(code, { filePath: join(ROOT, path) }))[0]!.messages
        .filter((m) => m.ruleId === 'house/layers')
        .map((m) => m.message);

    expect(await lint('src/store/bad.ts', "import { Popup } from '../ui/Popup.tsx';\nexport { Popup };\n")).toEqual([
      'src/store must not import the views (src/ui): data flows down to them',
    ]);
    expect(await lint('src/timeline/bad.ts', "import { openDb } from '../store/db.ts';\nexport { openDb };\n")).toEqual(
      ['src/timeline may import only src/model, src/rules, not src/store'],
    );
    expect(await lint('src/aliexpress/dom/bad.ts', "import * as z from 'zod/mini';\nexport { z };\n")).toEqual([
      'code on AliExpress pages must not import zod/mini (size, and the background owns it)',
    ]);
    // The readers' language data sits in the top-level rules/ folder, not in src/rules.
    expect(
      await lint('src/aliexpress/text/ok.ts', "import en from '../../../rules/locales/en.json';\nexport { en };\n"),
    ).toEqual([]);
    expect(
      await lint(
        'src/aliexpress/dom/ok.ts',
        "import type { Settings } from '../../settings/schema.ts';\nexport type { Settings };\n",
      ),
    ).toEqual(['src/aliexpress may import only src/model, not src/settings']);
  }, 60_000);
});
