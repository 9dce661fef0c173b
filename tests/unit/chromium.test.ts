import { describe, expect, it } from 'vitest';
import { findChromium } from '../e2e/chromium.ts';

describe('findChromium', () => {
  it('uses CHROMIUM_BIN when it exists', () => {
    expect(findChromium({ CHROMIUM_BIN: '/opt/c/chrome' }, (p) => p === '/opt/c/chrome')).toBe('/opt/c/chrome');
  });

  it('says how to install when CHROMIUM_BIN points nowhere', () => {
    expect(() => findChromium({ CHROMIUM_BIN: '/nope' }, () => false)).toThrow(
      /CHROMIUM_BIN=\/nope.*apt-get install -y chromium/,
    );
  });

  it("finds Debian's chromium at its standard path", () => {
    expect(findChromium({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });

  it('fails with one line that says how to install it when none is found', () => {
    let message = '';
    try {
      findChromium({}, () => false);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Chromium not found: install it with "apt-get install -y chromium"/);
    expect(message).not.toContain('\n');
  });
});
