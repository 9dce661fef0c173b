import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real captures live beside the clone (CI has shared/ next to it); never copied into the repo. */
export const CAPTURES = resolve(process.cwd(), '../shared/fixtures/aliexpress-mcp');

export type CaptureName = 'order-list-init' | 'order-detail' | 'refund-list' | 'logistics-querydetail';

export const capturePath = (name: CaptureName) => resolve(CAPTURES, `${name}.json`);

export function capture(name: CaptureName): unknown {
  return JSON.parse(readFileSync(capturePath(name), 'utf8'));
}
