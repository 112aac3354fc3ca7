// Authenticated single-record read (GET /api/v1/auth/me with a Bearer token) against a
// Hono hello-world in the same run, on PGlite and on PostgreSQL. Goal: ≥ 40% of hello-world.
//   npx tsx bench/http-read.ts [--seconds 10] [--connections 20]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { benchDatabase } from './support/pg-database.ts';
import { buildServer, machine, setupOwnerAndToken, startAndProbe } from './support/processes.ts';

// What `npm start` runs.
const SERVER = buildServer();

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);

async function load(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ rps: number; p99: number; errors: number }> {
  // a short warm-up, then the measured run
  await autocannon({ url, connections, duration: 2, headers });
  const r = await autocannon({ url, connections, duration, headers });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

const rows: string[] = [];
const hello = await startAndProbe('bench/support/hello-world.ts', [], {}, '/hello');
const base = await load(`${hello.url}/hello`);
await hello.stop();
rows.push(`| Hono hello-world | ${base.rps.toFixed(0)} | ${base.p99} ms | — |`);

for (const kind of ['pglite', 'postgres'] as const) {
  const db = kind === 'postgres' ? await benchDatabase() : undefined;
  const env = db ? { DATABASE_URL: db.url } : {};
  const args = [
    'serve',
    '--port',
    '0',
    ...(db ? [] : ['--data-dir', join(mkdtempSync(join(tmpdir(), 'sampan-bench-')), 'data')]),
  ];
  const server = await startAndProbe(SERVER, args, env);
  const token = await setupOwnerAndToken(server.url);
  // Reference point: one trivial database round trip (select 1) and no authentication.
  const floor = await load(`${server.url}/health`);
  const r = await load(`${server.url}/api/v1/auth/me`, { authorization: `Bearer ${token}` });
  await server.stop();
  await db?.drop();
  rows.push(
    `| reference: Sampan GET /health, one \`select 1\`, no auth (${kind}) | ${floor.rps.toFixed(0)} | ${floor.p99} ms | ${((100 * floor.rps) / base.rps).toFixed(0)}% |`,
  );
  const ratio = (100 * r.rps) / base.rps;
  rows.push(
    `| Sampan GET /api/v1/auth/me (${kind}) | ${r.rps.toFixed(0)} | ${r.p99} ms | ${ratio.toFixed(0)}% ${ratio >= 40 ? '✅' : '❌'} (errors: ${r.errors}) |`,
  );
}

console.log(`\nHTTP read benchmark — ${new Date().toISOString().slice(0, 10)} — ${machine()}`);
console.log(`autocannon ${connections} connections, ${duration} s after a 2 s warm-up\n`);
console.log('| target | requests/s | p99 latency | vs hello-world (goal ≥ 40%) |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
