import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { inject } from 'vitest';

/**
 * Fills a new PGlite data directory with the migrated template the global setup made, so a
 * CLI or server test starts on a migrated database without PGlite's initdb and without running
 * every migration (the template is the same dump in-memory test databases load).
 * test/integration/serve.test.ts still starts one server on an empty directory.
 */
export function seedDataDir(dataDir: string, template: string = inject('pgliteTemplate')): string {
  if (!template) throw new Error('no PGlite template: is test/support/global-setup.ts the globalSetup?');
  mkdirSync(dataDir, { recursive: true });
  if (readdirSync(dataDir).length > 0) throw new Error(`${dataDir} is not empty`);
  // The dump's members are the data directory's own files (PG_VERSION, base/, global/...).
  execFileSync('tar', ['-xzf', template, '-C', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  return dataDir;
}
