// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { aliexpressPac, findFirefox, firefoxPrefs } from '../e2e/firefox.ts';

describe('findFirefox', () => {
  it('uses FIREFOX_BIN when it exists', () => {
    expect(findFirefox({ FIREFOX_BIN: '/opt/ff/firefox' }, (p) => p === '/opt/ff/firefox')).toBe('/opt/ff/firefox');
  });

  it("finds Debian's firefox-esr at its standard path", () => {
    expect(findFirefox({}, (p) => p === '/usr/bin/firefox-esr')).toBe('/usr/bin/firefox-esr');
  });

  it('fails with one line that says how to install it when none is found', () => {
    expect(() => findFirefox({}, () => false)).toThrow(
      /^Firefox not found: install it with "apt-get install -y firefox-esr"/,
    );
    expect(() => findFirefox({ FIREFOX_BIN: '/nope' }, () => false)).toThrow(/FIREFOX_BIN=\/nope/);
  });
});

describe('the proxy auto-config that sends AliExpress to the stand-in', () => {
  // Firefox's PAC helper, as its PAC runtime defines it.
  const dnsDomainIs = (host: string, domain: string) => host.endsWith(domain);
  const findProxy = new Function('dnsDomainIs', `${aliexpressPac(4567)}; return FindProxyForURL;`)(dnsDomainIs) as (
    url: string,
    host: string,
  ) => string;

  it.each(['www.aliexpress.com', 'aliexpress.com', 'trade.aliexpress.com', 'm.aliexpress.us', 'aliexpress.us'])(
    'sends %s to the stand-in',
    (host) => {
      expect(findProxy(`http://${host}/`, host)).toBe('PROXY 127.0.0.1:4567');
    },
  );

  it.each(['example.com', 'notaliexpress.com', 'aliexpress.com.evil.test', 'localhost'])('leaves %s alone', (host) => {
    expect(findProxy(`http://${host}/`, host)).toBe('DIRECT');
  });

  it('is given to Firefox as a data: URL, with HTTPS-First off for the plain-http stand-in', () => {
    const prefs = firefoxPrefs(4567, '/tmp/downloads');
    expect(prefs['network.proxy.type']).toBe(2);
    expect(decodeURIComponent(String(prefs['network.proxy.autoconfig_url']).replace(/^data:[^,]*,/, ''))).toBe(
      aliexpressPac(4567),
    );
    expect(prefs['dom.security.https_first']).toBe(false);
  });
});
