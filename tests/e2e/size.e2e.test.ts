import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGETS, measureEntrypoints, ORIGINAL_BUDGETS, RAISED, totals, type Group } from '../../scripts/sizes.ts';
import { EXTENSION_DIR } from './harness.ts';

// Sizes are deterministic for a given build, so their budgets are asserted here; timings are not (npm run bench).
describe('bundle size budgets (gzip)', () => {
  const sizes = measureEntrypoints(EXTENSION_DIR);
  const total = totals(sizes);

  it.each(Object.entries(BUDGETS))('%s stays within its budget', (group, budget) => {
    const t = total[group as Group];
    const detail =
      `${group}: ${t.gzip} B gzip (${t.startGzip} B at start + ${t.largestLazyGzip} B for ${t.largestLazy ?? 'no lazy chunk'}), ` +
      `budget ${budget} B (raising it takes a reason in the README); largest files: ` +
      sizes
        .filter((s) => s.group === group && !s.lazy)
        .sort((a, b) => b.gzip - a.gzip)
        .slice(0, 4)
        .map((s) => `${s.file} ${s.gzip} B`)
        .join(', ');
    expect(t.gzip, detail).toBeGreaterThan(0);
    expect(t.gzip, detail).toBeLessThanOrEqual(budget);
  });

  it('has a reason for every budget above the one the issue set', () => {
    for (const [group, budget] of Object.entries(BUDGETS)) {
      const raised = budget > ORIGINAL_BUDGETS[group as keyof typeof BUDGETS];
      expect(Boolean(RAISED[group as keyof typeof BUDGETS]), `${group}: ${budget} B`).toBe(raised);
    }
  });

  it('counts every script the manifest loads', () => {
    const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
    const loaded: string[] = [
      manifest.background.service_worker,
      ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js),
    ];
    for (const file of loaded) expect(sizes.filter((s) => !s.lazy).map((s) => s.file)).toContain(file);
  });

  it('counts each language catalog as loaded on demand, not at start', () => {
    // The popup and background import every other language dynamically; only the one shown loads.
    const lazy = sizes.filter((s) => s.group === 'popup' && s.lazy);
    for (const s of lazy) expect(sizes.some((x) => x.group === 'popup' && !x.lazy && x.file === s.file)).toBe(false);
  });
});
