/**
 * The project's read() as one script for a page's main world, so its speed is measured in the
 * same engine and on the same DOM as the content script's, without the extension around it.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';

export const READ_GLOBAL = '__refundRadarBench';
/** The bundle's script URL in traces, so its calls can be told from the page's. */
export const READ_SCRIPT_URL = 'refund-radar-bench-read.js';

// Each read runs in a task of its own, as the content script's does, so a trace can time each one.
const ENTRY = `
import { read } from './src/aliexpress/read.ts';
import { useBundledRules } from './src/aliexpress/bundled-rules.ts';
// The content script gets these from the background before it reads; here they are bundled.
useBundledRules();
export { read };
export function runReads(count) {
  return new Promise((resolve) => {
    const wall = [];
    let snapshot = null;
    const step = () => {
      const t0 = performance.now();
      const s = read(document, location.href, new Date());
      wall.push(performance.now() - t0);
      snapshot = snapshot || s;
      if (wall.length < count) setTimeout(step, 0);
      else resolve({ wall, snapshot });
    };
    setTimeout(step, 0);
  });
}
`;

export async function bundleRead(root: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: ENTRY,
      resolveDir: root,
      sourcefile: 'bench-read-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: READ_GLOBAL,
    minify: true,
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    absWorkingDir: resolve(root),
  });
  return `${result.outputFiles[0]!.text}\n//# sourceURL=${READ_SCRIPT_URL}\n`;
}
