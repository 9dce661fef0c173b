/**
 * `npm run inspect -- report.json` as a maintainer runs it (a separate Node process): a report made
 * from the hand-written Spanish dispute page (tests/fixtures/handwritten/, read by meaning, so it
 * has problems) gives the page's kind and problems; a file that is not a report, or a broken one,
 * is refused with one line.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { read } from '../../../src/aliexpress/index.ts';
import { savedFromUrl } from '../../../src/aliexpress/dom/index.ts';
import { BUNDLED_LOCALE_FILES } from '../../../src/aliexpress/bundled-rules.ts';
import { makeReport } from '../../../src/report/redact.ts';
import { skeletonOf } from '../../../src/report/skeleton.ts';

function inspect(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/inspect.ts', ...args],
      { encoding: 'utf8', timeout: 90_000 },
      (_error, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }),
    );
  });
}

const PAGE = 'tests/fixtures/handwritten/dispute-detail--es.html';
const NOW = new Date('2026-11-20T12:00:00.000Z');

describe('npm run inspect on a page report', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspect-report-'));
  const html = readFileSync(PAGE, 'utf8');
  const url = savedFromUrl(html)!;
  const doc = new new Window({ url }).DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const live = read(doc, url, NOW);
  const report = makeReport({
    ...live,
    ...skeletonOf(doc.documentElement),
    extension: '0.1.0',
    labels: BUNDLED_LOCALE_FILES,
  });

  it('rebuilds the page and reads the same kind and problems as the live page', async () => {
    expect(live.problems.length).toBeGreaterThan(0);
    const file = join(dir, 'refund-radar-report-dispute-detail.json');
    writeFileSync(file, JSON.stringify(report));
    const r = await inspect(file, '--now', NOW.toISOString());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.kind).toBe('dispute-detail');
    expect(out.problems).toEqual(report.problems);
    expect(out.problems.map((p: { code: string; detail: string }) => [p.code, p.detail])).toEqual(
      live.problems.map((p) => [p.code, p.detail]),
    );
    expect(out.report).toEqual({
      extension: '0.1.0',
      idsMasked: true,
      live: { kind: 'dispute-detail', problems: report.problems },
      same: true,
    });
    // The dispute is still read, under its stand-in ids, with the page's status and countdown.
    expect(out.disputes).toHaveLength(1);
    expect(out.disputes[0]).toMatchObject({ status: 'awaiting-buyer', awaiting: 'buyer', canEscalate: true });
    expect(out.disputes[0].orderId).not.toBe(live.disputes[0]!.orderId);
  });

  it('refuses a file that is not a report, or a broken one, with one line', async () => {
    const files: Array<[string, string, RegExp]> = [
      ['report.json', '{"data": {"orders": []}}', /not a Refund Radar page report/],
      ['r1.json', JSON.stringify({ ...report, page: ['html', [], ['a b', []]] }), /a broken page report: a tag name/],
      ['r2.json', JSON.stringify({ ...report, version: 2 }), /a page report of version 2/],
      ['r3.json', JSON.stringify(report).slice(0, 200), /is not valid JSON/],
    ];
    const results = await Promise.all(
      files.map(([name, text]) => {
        writeFileSync(join(dir, name), text);
        return inspect(join(dir, name));
      }),
    );
    for (const [i, [name, , message]] of files.entries()) {
      const r = results[i]!;
      expect(r.code, name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });
});
