import { describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';

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

describe('chromiumArgs', () => {
  it('sends every AliExpress host to the stand-in and loads the extension only when given', () => {
    const args = chromiumArgs(4321, '/ext', ['--flag']);
    const rules = args.find((a) => a.startsWith('--host-resolver-rules='))!;
    for (const host of ['*.aliexpress.com', 'aliexpress.com', '*.aliexpress.us', 'aliexpress.us'])
      expect(rules).toContain(`MAP ${host} 127.0.0.1:4321`);
    expect(rules).toMatch(/EXCLUDE localhost$/);
    expect(args).toContain('--flag');
    expect(args).toContain('--load-extension=/ext');
    expect(chromiumArgs(4321, null).some((a) => a.includes('extension'))).toBe(false);
  });
});
