/** Where `npm run zip` and `npm run zip:firefox` put the store packages (WXT's default names). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export type PackageKind = 'chrome' | 'firefox' | 'sources';

export function packagePath(kind: PackageKind, root: string = ROOT): string {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return join(root, '.output', `${name}-${version}-${kind}.zip`);
}
