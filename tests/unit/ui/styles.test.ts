import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const STYLES = resolve(import.meta.dirname, '../../../assets/styles');
const tokens = readFileSync(resolve(STYLES, 'tokens.css'), 'utf8');

/** The custom properties of one block of tokens.css. */
function vars(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--rr-([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]),
  );
}

const darkStart = tokens.indexOf('@media (prefers-color-scheme: dark)');
const light = vars(tokens.slice(0, darkStart));
const dark = vars(tokens.slice(darkStart));

/** WCAG 2 contrast ratio of two sRGB colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

// Text colour on the background it is drawn on, everywhere the UI uses the pair.
const PAIRS: Array<[string, string]> = [
  ['fg', 'bg'],
  ['fg', 'card'],
  ['muted', 'bg'],
  ['muted', 'card'],
  ['accent-fg', 'accent'],
  ['accent', 'card'],
  ['accent', 'bg'],
  ['rule-fg', 'rule-bg'],
  ['page-fg', 'page-bg'],
  ['link', 'bg'],
  ['link', 'card'],
  ['error', 'bg'],
  ['error', 'card'],
  ['ok', 'bg'],
  ['fg', 'due-bg'],
];

describe('colours', () => {
  it('dark mode follows the system and redefines every colour', () => {
    expect(darkStart).toBeGreaterThan(0);
    expect(Object.keys(dark).sort()).toEqual(Object.keys(light).sort());
  });

  for (const [scheme, colours] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it.each(PAIRS)(`${scheme}: %s on %s has at least 4.5:1 contrast`, (fg, bg) => {
      expect(colours[fg], fg).toBeDefined();
      expect(colours[bg], bg).toBeDefined();
      expect(contrast(colours[fg]!, colours[bg]!)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('focus is visible on everything that can take it', () => {
    const parts = readFileSync(resolve(STYLES, 'parts.css'), 'utf8');
    expect(parts).toMatch(/:focus-visible\s*{[^}]*outline:\s*3px solid var\(--rr-focus\)/);
    for (const page of ['popup.css', 'options.css', 'helper.css'])
      expect(readFileSync(resolve(STYLES, page), 'utf8')).toContain("@import './parts.css'");
    // Every root on AliExpress's pages starts with start.css, which brings our controls' own look, focus ring included.
    expect(readFileSync(resolve(STYLES, 'start.css'), 'utf8')).toContain("@import './ours.css'");
    expect(readFileSync(resolve(STYLES, 'ours.css'), 'utf8')).toMatch(
      /\.rr-ours:focus-visible\s*{[^}]*outline:\s*3px solid var\(--rr-focus\)/,
    );
  });
});
