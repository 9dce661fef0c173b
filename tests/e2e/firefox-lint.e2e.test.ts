import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packagePath, ROOT } from '../../scripts/store/packages.ts';

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LinterReport {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: LinterMessage[];
  notices: LinterMessage[];
  warnings: LinterMessage[];
}

const linter = join(ROOT, 'node_modules/.bin/addons-linter');

// Mozilla's own validator, as addons.mozilla.org runs it on upload, on the package we would submit.
describe('addons-linter on the Firefox package', () => {
  it('finds no error and no warning', async () => {
    const { stdout } = await promisify(execFile)(linter, ['--output', 'json', packagePath('firefox')], {
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; message: string }) => {
      // It exits non-zero when it finds an error; the report is still on stdout.
      if (!error.stdout) throw error;
      return { stdout: error.stdout };
    });
    const report = JSON.parse(stdout) as LinterReport;
    const line = (m: LinterMessage) =>
      `${m.code} in ${m.file ?? '?'}:${m.line ?? '-'}:${m.column ?? '-'}: ${m.message}`;
    // Notices are information for the reviewer, not a problem: shown, not failed on.
    if (report.notices.length) console.info(`addons-linter notices:\n${report.notices.map(line).join('\n')}`);
    expect([...report.errors, ...report.warnings].map(line)).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});
