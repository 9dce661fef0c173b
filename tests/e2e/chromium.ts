import { existsSync } from 'node:fs';
import { ALIEXPRESS_DOMAINS } from '../../src/model/hosts.ts';

const STANDARD_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Debian's chromium (or the one CHROMIUM_BIN names); one line that says how to get it otherwise. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = existsSync,
): string {
  const fromEnv = env.CHROMIUM_BIN;
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(
      `CHROMIUM_BIN=${fromEnv} does not exist: install Chromium with "apt-get install -y chromium" or point CHROMIUM_BIN at a Chromium binary.`,
    );
  }
  const found = STANDARD_PATHS.find(exists);
  if (found) return found;
  throw new Error(
    'Chromium not found: install it with "apt-get install -y chromium" or set CHROMIUM_BIN to a Chromium binary.',
  );
}

/**
 * Flags for a quiet, test-only Chromium that sends every AliExpress host to the local stand-in on
 * `sitePort`, with the extension in `extensionDir` loaded (null: none). The e2e harness and the
 * bench both launch with these, so a measurement runs the browser the tests run.
 */
export function chromiumArgs(sitePort: number, extensionDir: string | null, extra: readonly string[] = []): string[] {
  const map = ALIEXPRESS_DOMAINS.flatMap((d) => [`*.${d}`, d])
    .map((h) => `MAP ${h} 127.0.0.1:${sitePort}`)
    .join(', ');
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    ...extra,
    `--host-resolver-rules=${map}, EXCLUDE localhost`,
  ];
  if (extensionDir) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  return args;
}
