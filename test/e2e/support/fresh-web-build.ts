import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.ts';

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/**
 * Builds the web UI when web/dist is missing or older than any file under web/src, so a
 * browser test never runs against pages built before the code it tests.
 */
export function ensureWebFresh(): void {
  const index = path.join(repoRoot, 'web', 'dist', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestChange(path.join(repoRoot, 'web', 'src'))) return;
  execFileSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
}
