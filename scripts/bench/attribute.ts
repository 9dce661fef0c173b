/**
 * Which source modules make up each built chunk, in minified bytes (and each module's own gzip),
 * from the build's source maps. `npx tsx scripts/bench/attribute.ts [dir] [chunk-filter]` after
 * `BENCH_SOURCEMAP=1 BENCH_OUT_DIR=.output/analyze npx wxt build -c scripts/bench/wxt.bench.config.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

export interface ModuleShare {
  source: string;
  bytes: number;
  gzip: number;
}

export function attribute(file: string): ModuleShare[] {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lines = code.split('\n');
  const parts = new Map<string, string[]>();
  decode(map.mappings).forEach((segments, line) => {
    const text = lines[line] ?? '';
    segments.forEach((seg, i) => {
      const start = seg[0];
      const end = segments[i + 1]?.[0] ?? text.length;
      const source = seg.length > 1 ? map.sources[seg[1]!]! : '(unmapped)';
      const list = parts.get(source) ?? [];
      list.push(text.slice(start, end));
      parts.set(source, list);
    });
  });
  return [...parts]
    .map(([source, chunks]) => {
      const text = chunks.join('');
      return {
        source: source.replace(/^(\.\.\/)+/, ''),
        bytes: text.length,
        gzip: gzipSync(text, { level: 9 }).length,
      };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '.output/analyze/chrome-mv3';
  const filter = process.argv[3] ?? '';
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.js') && f.includes(filter) && existsSync(join(dir, `${f}.map`)),
  );
  for (const f of files) {
    const shares = attribute(join(dir, f));
    const total = readFileSync(join(dir, f));
    console.log(`\n${f}: ${total.length} B, ${gzipSync(total, { level: 9 }).length} B gzip`);
    for (const s of shares.filter((x) => x.bytes > 200))
      console.log(`  ${String(s.bytes).padStart(7)} ${String(s.gzip).padStart(6)}  ${s.source}`);
  }
}
