import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Real, anonymized captures of the answers AliExpress pages load (MIT; see SOURCE.md beside them). */
export const CAPTURES = resolve(process.cwd(), 'tests/fixtures/real');

export type CaptureName = 'order-list-init' | 'order-detail' | 'refund-list' | 'logistics-querydetail';

export const capturePath = (name: CaptureName) => resolve(CAPTURES, `${name}.json`);

export function capture(name: CaptureName): unknown {
  return JSON.parse(readFileSync(capturePath(name), 'utf8'));
}
