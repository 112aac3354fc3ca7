import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ServerProcess, startServe } from '../support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { testDatabaseKind } from '../support/test-env.ts';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'sampan-serve-')), 'data');

describe.skipIf(testDatabaseKind() !== 'pglite')('sampan serve on the embedded database', () => {
  let server: ServerProcess;
  const dir = freshDir();
  beforeAll(async () => {
    server = await startServe(['--data-dir', dir]);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('answers /health and serves the first-run setup state', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const status = await fetch(`${server.url}/api/v1/setup/status`);
    expect(await status.json()).toEqual({ needsSetup: true });
    const page = await fetch(`${server.url}/setup`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('a second server on the same data dir is refused, naming the pid', async () => {
    const second = await runCli(['serve', '--port', '0', '--data-dir', dir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`in use by another Sampan process (pid ${server.child.pid})`);
  });

  it('separate api/worker roles are refused without PostgreSQL', async () => {
    const result = await runCli(['serve', '--port', '0', '--role', 'api', '--data-dir', freshDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/need PostgreSQL/);
  });

  it('stops cleanly on SIGTERM and releases the lock', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    const again = await startServe(['--data-dir', dir]);
    const health = await fetch(`${again.url}/health`);
    expect(health.status).toBe(200);
    await again.stop();
  }, 60_000);
});

describe.skipIf(testDatabaseKind() !== 'postgres')('sampan serve --role api + --role worker on PostgreSQL', () => {
  let t: TestDatabase;
  let api: ServerProcess;
  let worker: ServerProcess;
  beforeAll(async () => {
    t = await createTestDatabase();
    const env = { DATABASE_URL: t.url };
    [api, worker] = await Promise.all([startServe(['--role', 'api'], env), startServe(['--role', 'worker'], env)]);
  }, 90_000);
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await t?.cleanup();
  });

  it('the api process takes requests and the worker process dispatches their events', async () => {
    const setup = await fetch(`${api.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Owner',
        email: 'owner@example.com',
        password: 'password-123',
        companyName: 'Sampan Test',
      }),
    });
    expect(setup.status).toBe(201);
    const until = Date.now() + 20_000;
    let pending = -1;
    while (Date.now() < until) {
      const [row] = await t.database.query<{ n: number }>(
        'select count(*)::int as n from outbox where dispatched_at is null',
      );
      pending = row?.n ?? -1;
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(pending).toBe(0);
    const health = await fetch(`${api.url}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'postgres' });
  }, 60_000);
});
