#!/usr/bin/env node
// The whole test suite, as `npm test` and CI run it:
//   1. lint + format check (Biome)      2. type checks (server and web)   2b. web unit tests
//   3. unit + integration tests on the embedded database (PGlite)
//   4. the same tests again on PostgreSQL when TEST_DATABASE_URL is set
//   5. browser tests when /usr/bin/chromium exists (they say so when skipped)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const steps = [];
const results = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name} ━━  ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  results.push({ name, ok, seconds });
  return ok;
}

steps.push(() => run('lint + format (biome)', 'npx', ['biome', 'check', '.']));
steps.push(() => run('type check', 'npm', ['run', '--silent', 'typecheck']));
steps.push(() => run('web unit tests', 'npx', ['vitest', 'run', '--config', 'web/vitest.config.ts']));
steps.push(() => run('tests on PGlite', 'npx', ['vitest', 'run'], { SAMPAN_TEST_DB: 'pglite' }));
if (process.env.TEST_DATABASE_URL) {
  steps.push(() => run('tests on PostgreSQL', 'npx', ['vitest', 'run'], { SAMPAN_TEST_DB: 'postgres' }));
} else {
  console.log('\nNote: TEST_DATABASE_URL is not set, so the PostgreSQL run is skipped (CI sets it).');
}
if (existsSync(CHROMIUM)) {
  steps.push(() => run('web build', 'npm', ['run', '--silent', 'build:web']));
  steps.push(() => run('browser tests (chromium)', 'npx', ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts']));
} else {
  console.log(`\nNote: browser tests skipped: ${CHROMIUM} not found (install Debian's chromium package; CI does).`);
}

let failed = false;
for (const step of steps) if (!step()) failed = true;

console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}  (${r.seconds}s)`);
const passed = results.filter((r) => r.ok).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(failed ? 1 : 0);
