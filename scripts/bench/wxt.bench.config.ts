import { mergeConfig } from 'vite';
import type { UserConfig } from 'wxt';
import base from '../../wxt.config.ts';

/**
 * The project's own build, written to its own folder: other work that rebuilds .output/chrome-mv3
 * while the bench runs then cannot swap the extension under a measurement. BENCH_SOURCEMAP=1 adds
 * source maps for scripts/bench/attribute.ts (they are not counted: sizes read only .js and .css).
 */
const config: UserConfig = {
  ...base,
  outDir: process.env.BENCH_OUT_DIR ?? '.output/bench',
  vite: async (env) => {
    const own = typeof base.vite === 'function' ? await base.vite(env) : {};
    return process.env.BENCH_SOURCEMAP ? mergeConfig(own, { build: { sourcemap: true } }) : own;
  },
};
export default config;
