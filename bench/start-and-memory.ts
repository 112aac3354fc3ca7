// Cold start of `sampan serve` to the first 200 from /health — on an empty data dir
// (goal < 8 s) and on an existing one (goal < 3 s) — and idle RSS after start on the
// embedded database (goal ≤ 500 MB).   npx tsx bench/start-and-memory.ts [--runs 3]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer, machine, rssMb, setupOwnerAndToken, startAndProbe } from './support/processes.ts';

// What `npm start` runs.
const SERVER = buildServer();

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, idle: { type: 'string', default: '15' } },
});
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const first: number[] = [];
const existing: number[] = [];
const rss: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = join(mkdtempSync(join(tmpdir(), 'sampan-start-')), 'data');
  const a = await startAndProbe(SERVER, ['serve', '--port', '0', '--data-dir', dir], {});
  first.push(a.readyMs);
  await setupOwnerAndToken(a.url);
  await a.stop();
  const b = await startAndProbe(SERVER, ['serve', '--port', '0', '--data-dir', dir], {});
  existing.push(b.readyMs);
  // idle: jobs and the dispatcher are running; nothing else happens
  await new Promise((r) => setTimeout(r, Number(values.idle) * 1000));
  if (b.child.pid) rss.push(rssMb(b.child.pid));
  await b.stop();
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`\nStart-up and memory — ${new Date().toISOString().slice(0, 10)} — ${machine()}`);
console.log(`median of ${runs} runs (each: ${first.map(fmt).join(', ')} | ${existing.map(fmt).join(', ')})\n`);
console.log('| measure | result | goal |');
console.log('|---|---|---|');
console.log(
  `| first start on an empty data dir → /health 200 | ${fmt(median(first))} | < 8 s ${median(first) < 8000 ? '✅' : '❌'} |`,
);
console.log(
  `| start on an existing data dir → /health 200 | ${fmt(median(existing))} | < 3 s ${median(existing) < 3000 ? '✅' : '❌'} |`,
);
console.log(
  `| idle RSS ${values.idle} s after start (PGlite) | ${median(rss).toFixed(0)} MB | ≤ 500 MB ${median(rss) <= 500 ? '✅' : '❌'} |`,
);
