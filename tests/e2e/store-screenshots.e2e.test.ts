import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_SIZE, storeScreenshots } from '../../scripts/store/screenshots.ts';
import { launch, SCREENSHOTS, type Harness } from './harness.ts';

const OUT = join(SCREENSHOTS, 'store');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// The stores' screenshots come from the extension as built (npm run store:screenshots writes the
// committed ones in assets/store/screenshots); made here on every run, they cannot silently rot.
describe('the store screenshots', () => {
  let h: Harness;
  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('are made by driving the extension, each 1280×800', async () => {
    const files = await storeScreenshots(h, OUT);
    expect(files.map((f) => f.slice(OUT.length + 1))).toEqual([
      '1-start-refund.png',
      '2-dispute-bar.png',
      '3-popup.png',
    ]);
    for (const file of files) expect(pngSize(file), file).toEqual(STORE_SIZE);
  });
});
