/**
 * Builds the floor reference extension (README "Performance"): a minimal Manifest V3 extension
 * that does the least work Refund Radar's job needs on My orders, and an empty popup. The bench
 * runs it beside Refund Radar in the same run, so every figure has a floor measured on the same
 * machine at the same time. Built by the bench into `<out>/bench-floor`; nothing of it is committed.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALIEXPRESS_MATCHES } from '../../../src/model/hosts.ts';

const HERE = import.meta.dirname;

export async function buildFloor(outDir: string): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Refund Radar bench floor',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    action: { default_popup: 'popup.html' },
    content_scripts: [{ matches: ALIEXPRESS_MATCHES, js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await build({
    entryPoints: ['content.ts', 'background.ts', 'popup.ts'].map((f) => join(HERE, f)),
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  copyFileSync(join(HERE, 'popup.html'), join(outDir, 'popup.html'));
  return outDir;
}
