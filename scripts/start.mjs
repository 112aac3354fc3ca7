#!/usr/bin/env node
// `npm start`: builds the web UI when it is missing or older than its sources, then
// starts Sampan on the embedded database (or DATABASE_URL), printing the URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = 'web/dist/index.html';
const stale = !existsSync(built) || newest('web/src') > statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web interface (once)…');
  const r = spawnSync('npm', ['run', '--silent', 'build:web'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
