import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Sampan's package.json, found by walking up from this file, so that
 * migrations/, web/dist and package.json are found both from the TypeScript sources (tsx)
 * and from the bundled build in dist/.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Sampan package root');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();
