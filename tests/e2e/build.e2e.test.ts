import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_MATCHES } from '../../src/model/hosts.ts';
import { ROOT } from './harness.ts';

const manifest = (target: string) => JSON.parse(readFileSync(join(ROOT, '.output', target, 'manifest.json'), 'utf8'));

describe.each(['chrome-mv3', 'firefox-mv3'])('the %s build', (target) => {
  const m = manifest(target);

  it('is Manifest V3 and asks for exactly alarms and notifications (IndexedDB and the popup cache in localStorage need none)', () => {
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['alarms', 'notifications']);
    expect(m.optional_permissions ?? []).toEqual([]);
  });

  it('reaches AliExpress hosts only, and puts its scripts only on the pages it reads', () => {
    expect([...m.host_permissions].sort()).toEqual(['*://*.aliexpress.com/*', '*://*.aliexpress.us/*']);
    // Both content scripts (the tap and the reader) go to the order, tracking and dispute pages
    // (src/model/hosts.ts READ_MATCHES), not to every AliExpress page.
    expect(m.content_scripts).toHaveLength(2);
    for (const script of m.content_scripts as Array<{ matches: string[] }>)
      expect([...script.matches].sort()).toEqual([...READ_MATCHES].sort());
    for (const pattern of READ_MATCHES) expect(pattern).toMatch(/^\*:\/\/\*\.aliexpress\.(com|us)\/[a-z]/);
  });

  it('writes the content scripts in ASCII, so the page keeps their source at one byte a character', () => {
    // Built by `npm run zip` from the real sources, whose labels include Cyrillic (wxt.config.ts ASCII_SOURCE).
    const scripts = (m.content_scripts as Array<{ js: string[] }>).flatMap((script) => script.js);
    expect(scripts).toHaveLength(2);
    for (const file of scripts) {
      const source = readFileSync(join(ROOT, '.output', target, file), 'utf8');
      expect(source.length).toBeGreaterThan(1000);
      expect(source.match(/[^\t\n\r\x20-\x7e]/g) ?? [], file).toEqual([]);
    }
    // Escaped, not dropped: the Russian label the helper looks for (src/inject/targets.ts) is there.
    const escaped = 'открыть спор'.replace(
      /[^\t\n\r\x20-\x7e]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    expect(readFileSync(join(ROOT, '.output', target, scripts[1]!), 'utf8')).toContain(escaped);
  });

  it('lets extension pages load no remote code and connect nowhere', () => {
    const csp: string = m.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/https?:|unsafe-eval/);
  });

  it('is named and described in the default locale, with icons', () => {
    expect(m.default_locale).toBe('en');
    expect(m.name).toBe('__MSG_extName__');
    const messages = JSON.parse(readFileSync(join(ROOT, '.output', target, '_locales/en/messages.json'), 'utf8'));
    expect(messages.extName.message).toMatch(/Refund Radar/);
    expect(Object.keys(m.icons)).toEqual(['16', '32', '48', '128']);
    for (const file of Object.values<string>(m.icons)) {
      expect(
        readFileSync(join(ROOT, '.output', target, file))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
  });
});

it('gives Firefox a gecko id and Chrome no Firefox-only keys', () => {
  expect(manifest('firefox-mv3').browser_specific_settings.gecko.id).toMatch(/@/);
  expect(manifest('chrome-mv3').browser_specific_settings).toBeUndefined();
});
