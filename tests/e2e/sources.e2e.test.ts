import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../scripts/store/packages.ts';
import { Zip } from '../../scripts/store/zip.ts';

const run = promisify(execFile);
const KEPT_ENV =
  /^(PATH|HOME|USER|TMPDIR|LANG|LC_\w+|SSL_CERT_FILE|NODE_EXTRA_CA_CERTS|(https?|no)_proxy|(HTTPS?|NO)_PROXY)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((f) => `${name}/${f}`) : [name];
  });
}

// addons.mozilla.org rebuilds a submitted add-on from its sources zip and compares: do the same,
// in a clean folder with nothing but the zip's files (slow: npm ci, so in a file of its own).
describe('the sources zip', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refund-radar-sources-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds, with npm ci && npm run build:firefox, the Firefox package file for file', async () => {
    const sources = Zip.open(packagePath('sources'));
    for (const name of sources.files()) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), sources.read(name));
    }
    // A clean shell's environment, as a reviewer's: not the test runner's (its NODE_ENV=test
    // changes what Vite builds) nor what `npm test` sets about this checkout.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => KEPT_ENV.test(key)));
    await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
    await run('npm', ['run', 'build:firefox'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });

    const built = join(dir, '.output/firefox-mv3');
    const submitted = Zip.open(packagePath('firefox'));
    expect(filesUnder(built).sort()).toEqual(submitted.files().sort());
    const differing = submitted
      .files()
      .filter((name) => !readFileSync(join(built, name)).equals(submitted.read(name)))
      .map((name) => relative(dir, join(built, name)));
    expect(differing).toEqual([]);
  }, 600_000);
});
