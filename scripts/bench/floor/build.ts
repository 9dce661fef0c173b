/**
 * Builds the bench's reference extensions (README "Performance"), each a minimal Manifest V3
 * extension with an empty popup; the bench runs them beside Refund Radar in the same run, so every
 * figure has a reference measured on the same machine at the same time. Built by the bench into
 * `<out>/bench-floor` and `<out>/bench-features`; nothing of them is committed.
 *
 * - The floor: the least work Refund Radar's job needs on My orders (content.ts, background.ts).
 * - The features' floor: the floor, plus the two things Refund Radar puts on every My orders page
 *   whatever it reads: its JSON tap (the built `aliexpress-tap.js` itself, in the page's world at
 *   document_start) and a Start button for each card near the viewport (buttons.ts). What it costs
 *   over the floor, no reader of the cards can avoid.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALIEXPRESS_MATCHES } from '../../../src/model/hosts.ts';

const HERE = import.meta.dirname;

async function buildReference(outDir: string, content: string[], tapFile: string | null): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const scripts = content.map((f) => f.replace(/\.ts$/, '.js'));
  const manifest = {
    manifest_version: 3,
    name: 'Refund Radar bench reference',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    action: { default_popup: 'popup.html' },
    content_scripts: [
      ...(tapFile ? [{ matches: ALIEXPRESS_MATCHES, js: ['tap.js'], run_at: 'document_start', world: 'MAIN' }] : []),
      { matches: ALIEXPRESS_MATCHES, js: scripts, run_at: 'document_idle' },
    ],
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await build({
    entryPoints: [...content, 'background.ts', 'popup.ts'].map((f) => join(HERE, f)),
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  copyFileSync(join(HERE, 'popup.html'), join(outDir, 'popup.html'));
  if (tapFile) copyFileSync(tapFile, join(outDir, 'tap.js'));
  return outDir;
}

export const buildFloor = (outDir: string) => buildReference(outDir, ['content.ts'], null);

/** `tapFile`: Refund Radar's built MAIN-world script (`content-scripts/aliexpress-tap.js`). */
export const buildFeaturesFloor = (outDir: string, tapFile: string) =>
  buildReference(outDir, ['content.ts', 'buttons.ts'], tapFile);
