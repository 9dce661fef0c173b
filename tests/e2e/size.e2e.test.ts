import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGETS, measureEntrypoints } from '../../scripts/sizes.ts';
import { EXTENSION_DIR } from './harness.ts';

// Sizes are deterministic for a given build, so their budgets are asserted here; timings are not (npm run bench).
describe('bundle size budgets (gzip)', () => {
  const sizes = measureEntrypoints(EXTENSION_DIR);

  it.each(Object.entries(BUDGETS))('%s stays within its budget', (group, budget) => {
    const total = sizes.filter((s) => s.group === group).reduce((sum, s) => sum + s.gzip, 0);
    expect(total, `${group}: ${total} B gzip`).toBeGreaterThan(0);
    expect(
      total,
      `${group}: ${total} B gzip, budget ${budget} B (raising it takes a reason in the README)`,
    ).toBeLessThanOrEqual(budget);
  });

  it('counts every script the manifest loads', () => {
    const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'));
    const loaded: string[] = [
      manifest.background.service_worker,
      ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js),
    ];
    for (const file of loaded) expect(sizes.map((s) => s.file)).toContain(file);
  });
});
