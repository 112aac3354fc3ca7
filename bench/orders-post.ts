// POST /api/v1/orders sustained rate with 50 concurrent clients (issue 5): each request is a
// new POS order with its own external id, for one of 5,000 customers given only by phone
// number (so identity resolution matches most and creates some), two catalogue lines priced
// from the product table. Reports requests/s, p50/p99 latency and checks that every 201 is
// one order in the database.
//   npx tsx bench/orders-post.ts [--seconds 20] [--connections 50] [--pglite]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { benchDatabase } from './support/pg-database.ts';
import { buildServer, machine, setupOwnerAndToken, startAndProbe } from './support/processes.ts';

const SERVER = buildServer();
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    pglite: { type: 'boolean', default: false },
  },
});
const duration = Number(values.seconds);
const connections = Number(values.connections);

async function api(url: string, token: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

const rows: string[] = [];
for (const kind of values.pglite ? (['pglite', 'postgres'] as const) : (['postgres'] as const)) {
  const db = kind === 'postgres' ? await benchDatabase() : undefined;
  const env = { LOG_LEVEL: 'warn', ...(db ? { DATABASE_URL: db.url } : {}) };
  const args = [
    'serve',
    '--port',
    '0',
    ...(db ? [] : ['--data-dir', join(mkdtempSync(join(tmpdir(), 'sampan-bench-')), 'data')]),
  ];
  const server = await startAndProbe(SERVER, args, env);
  try {
    const token = await setupOwnerAndToken(server.url);
    await api(server.url, token, '/products', { sku: 'LATTE', nameTh: 'ลาเต้', unitPriceSatang: 6500 });
    await api(server.url, token, '/products', { sku: 'CROISSANT', nameTh: 'ครัวซองต์', unitPriceSatang: 5500 });
    let n = 0;
    const body = () => {
      n += 1;
      const phone = `08${String(10_000_000 + ((n * 7919) % 5_000)).padStart(8, '0')}`;
      return JSON.stringify({
        source: 'pos',
        externalId: `BENCH-${kind}-${n}`,
        status: 'paid',
        customer: { identifiers: [{ kind: 'phone', value: phone }] },
        lines: [
          { sku: 'LATTE', quantity: 1 + (n % 3) },
          { sku: 'CROISSANT', quantity: 1, discountSatang: n % 2 ? 500 : 0 },
        ],
      });
    };
    const request: autocannon.Request = {
      method: 'POST',
      path: '/api/v1/orders',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      setupRequest: (req) => ({ ...req, body: body() }),
    };
    await autocannon({ url: server.url, connections, duration: 3, requests: [request] });
    const r = await autocannon({ url: server.url, connections, duration, requests: [request] });
    const created = await fetch(`${server.url}/api/v1/orders?limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!created.ok) throw new Error('could not read orders back');
    rows.push(
      `| ${kind} | ${connections} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} ms | ${r.latency.p99} ms | ${r.non2xx} non-2xx, ${r.errors} errors |`,
    );
  } finally {
    await server.stop();
    await db?.drop();
  }
}

console.log(`\nPOST /api/v1/orders — ${new Date().toISOString().slice(0, 10)} — ${machine()}`);
console.log(
  `autocannon, ${duration} s after a 3 s warm-up; new POS order per request, customer by phone (5,000 phones)\n`,
);
console.log('| database | clients | orders/s | p50 | p99 | failures |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
