import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { preactWithoutInnerHtml } from '../../../wxt.config.ts';

// The installed Preact's module build (dist/preact.mjs), as Vite bundles it into the popup and options.
const preactModule = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8');

describe('Preact without its innerHTML assignment (addons-linter UNSAFE_VAR_ASSIGNMENT)', () => {
  it('finds the one assignment in the installed Preact and makes it a throw', () => {
    expect(preactModule.match(/\.innerHTML\s*=/g)).toHaveLength(1);
    const out = preactWithoutInnerHtml(preactModule);
    expect(out).not.toMatch(/\.innerHTML\s*=/);
    expect(out).toContain('dangerouslySetInnerHTML is not allowed');
    // Reading innerHTML (to compare) is not an assignment and stays.
    expect(out).toContain('.innerHTML');
    // The popup e2e tests run this very output: a Preact broken by it would show no popup.
  });

  it('fails the build when Preact no longer has exactly one (written by hand for this test)', () => {
    expect(() => preactWithoutInnerHtml('function render(e, h) { e.textContent = h; }')).toThrow(/found 0/);
    expect(() => preactWithoutInnerHtml('a.innerHTML = b.__html; c.innerHTML = d.__html;')).toThrow(/found 2/);
  });
});
