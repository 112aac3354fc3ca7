#!/usr/bin/env node
// `npm start`: builds what is missing or older than its sources — the web UI (web/dist)
// and the server bundle (dist/sampan.mjs) — then starts Sampan on the embedded database
// (or DATABASE_URL) and prints the URL. Arguments after `--` go to `sampan serve`.
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

function stale(output, ...sources) {
  return !existsSync(output) || Math.max(...sources.map(newest)) > statSync(output).mtimeMs;
}

function step(message, command, args) {
  console.log(message);
  const r = spawnSync(command, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (stale('web/dist/index.html', 'web/src'))
  step('Building the web interface…', 'npm', ['run', '--silent', 'build:web']);
if (stale('dist/sampan.mjs', 'src')) step('Building the server…', process.execPath, ['scripts/build-server.mjs']);

const child = spawn(process.execPath, ['--enable-source-maps', 'dist/sampan.mjs', 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
