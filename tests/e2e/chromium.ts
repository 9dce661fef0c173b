import { existsSync } from 'node:fs';

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
