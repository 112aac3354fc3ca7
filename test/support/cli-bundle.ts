import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

declare module 'vitest' {
  export interface ProvidedContext {
    /** src/cli/main.ts bundled for this run by the global setup; '' runs the sources through tsx. */
    cliBundle: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Bundles src/cli/main.ts the way `npm run build:server` makes dist/sampan.mjs (npm packages
 * external), into a file of this run's own inside the repository (so the package root,
 * migrations/ and node_modules are found as from dist/). A test that spawns `sampan` runs it
 * with plain node: each start then skips tsx's loader resolving and compiling
 * its ~600 source files, about half of a CLI start. Returns the bundle and a function that removes it.
 */
export async function buildCliBundle(id: string): Promise<{ file: string; remove: () => void }> {
  const dir = join(ROOT, 'node_modules', '.cache', 'sampan-test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `sampan-${id}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'src/cli/main.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}
