import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createApiToken } from '../auth/create-api-token.ts';
import { systemActor } from '../auth/principal.ts';
import { loadConfig } from '../config.ts';
import type { AppDeps } from '../http/app-env.ts';
import { createApp } from '../http/create-app.ts';
import { createLogger } from '../logger.ts';
import { updateSettings } from '../settings/update-settings.ts';
import { runBackupTick } from './backup-dir.ts';
import { backupControlMount, backupFromRunningServer, CONTROL_HEADER } from './control.ts';
import { ensureBackupErrors } from './errors.ts';
import { BACKUP_FILE_RE } from './format.ts';
import { verifyBackupFile } from './read-backup.ts';
import { backupRoutes } from './routes.ts';

const SECRET = 'test-control-secret';

describe('backups over HTTP, the control endpoint and the daily tick', () => {
  let t: TestDatabase;
  let dir: string;
  let deps: AppDeps;
  let app: ReturnType<typeof createApp>;
  let admin: string;
  let sales: string;
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    ensureBackupErrors();
    dir = mkdtempSync(join(tmpdir(), 'sampan-api-'));
    t = await createTestDatabase();
    deps = {
      database: t.database,
      config: { ...loadConfig({}), backupDir: join(dir, 'backups') },
      logger: createLogger('silent'),
      version: 'test',
    };
    app = createApp(deps, [backupRoutes], [backupControlMount(deps, SECRET)]);
    const cli = systemActor('cli');
    admin = (await t.database.db.transaction((tx) => createApiToken(tx, cli, { name: 'admin', role: 'admin' }))).token;
    sales = (await t.database.db.transaction((tx) => createApiToken(tx, cli, { name: 'sales', role: 'sales' }))).token;
    port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await t?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (path: string, token: string, init: RequestInit = {}) =>
    app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

  it('lets an admin make, list and download backups, with audit entries', async () => {
    expect(await (await call('/api/v1/backups', admin)).json()).toEqual({ items: [] });
    const made = await call('/api/v1/backups', admin, { method: 'POST' });
    expect(made.status).toBe(201);
    const body = (await made.json()) as { name: string; rows: number; size: number };
    expect(body.name).toMatch(BACKUP_FILE_RE);
    expect(body.name).toMatch(/-\d{6}\.jsonl\.gz$/);

    const list = (await (await call('/api/v1/backups', admin)).json()) as { items: { name: string; size: number }[] };
    expect(list.items).toEqual([expect.objectContaining({ name: body.name, size: body.size })]);

    const download = await call(`/api/v1/backups/${body.name}`, admin);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/gzip');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(body.size);
    expect(JSON.parse(gunzipSync(bytes).toString('utf8').split('\n')[0] as string)).toMatchObject({
      format: 'sampan-backup',
    });

    const audit = await t.database.query<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_log where entity_type = 'backup' order by id`,
    );
    expect(audit).toEqual([
      { action: 'create', entity_id: body.name },
      { action: 'download', entity_id: body.name },
    ]);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/v1/backups'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/v1/backups/{name}'] ?? {})).toEqual(['get']);
  });

  it('refuses roles without the backups permission', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/backups'],
      ['POST', '/api/v1/backups'],
      ['GET', '/api/v1/backups/sampan-20260101-0205.jsonl.gz'],
    ] as const) {
      const res = await call(path, sales, { method });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('forbidden');
    }
    expect((await app.request('/api/v1/backups')).status).toBe(401);
  });

  it('serves only strictly named files from the backup folder', async () => {
    writeFileSync(join(dir, 'secret.txt'), 'not for download');
    for (const name of ['..%2Fsecret.txt', '..%2F..%2Fetc%2Fpasswd', 'secret.txt', 'sampan-2026-0205.jsonl.gz']) {
      const res = await call(`/api/v1/backups/${name}`, admin);
      expect([400, 404], name).toContain(res.status);
    }
    expect((await call('/api/v1/backups/sampan-20200101-0205.jsonl.gz', admin)).status).toBe(404);
  });

  it('answers the control endpoint only with the secret', async () => {
    const url = `http://127.0.0.1:${port}/internal/backup`;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: { [CONTROL_HEADER]: 'wrong' } })).status).toBe(403);
    expect((await fetch(url, { headers: { [CONTROL_HEADER]: `${SECRET}x` } })).status).toBe(403);
    // Through app.request there is no socket, so no loopback peer: refused even with the secret.
    expect((await app.request('/internal/backup', { headers: { [CONTROL_HEADER]: SECRET } })).status).toBe(403);

    const file = join(dir, 'via-control.jsonl.gz');
    const summary = await backupFromRunningServer(
      dir,
      { pid: process.pid, startedAt: '', port, controlSecret: SECRET },
      file,
    );
    const { rows } = await verifyBackupFile(file);
    expect(summary.rows).toBe(rows);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('sampan-control-'))).toEqual([]);

    await expect(
      backupFromRunningServer(dir, { pid: process.pid, startedAt: '', port, controlSecret: 'nope' }, join(dir, 'x.gz')),
    ).rejects.toMatchObject({ code: 'backup_server_failed' });
  });

  it('makes the daily backup once when due, and prunes past the retention', async () => {
    const backups = join(dir, 'daily');
    const bkk = (iso: string) => new Date(iso); // Asia/Bangkok = UTC+7; default hour 2, 14 days
    expect((await runBackupTick(t.database, backups, bkk('2026-03-14T18:05:00Z'))).created).toBeUndefined(); // 01:05 local

    const first = await runBackupTick(t.database, backups, bkk('2026-03-14T19:05:00Z')); // 02:05 local, 15 March
    expect(first.created?.name).toBe('sampan-20260315-0205.jsonl.gz');
    expect((await runBackupTick(t.database, backups, bkk('2026-03-14T20:05:00Z'))).created).toBeUndefined();

    writeFileSync(join(backups, 'sampan-20260201-0205.jsonl.gz'), 'old');
    writeFileSync(join(backups, 'sampan-20260302-0204.jsonl.gz'), '14 days and a minute before the next tick');
    writeFileSync(join(backups, 'sampan-20260302-0206.jsonl.gz'), 'a minute inside the 14 days');
    const next = await runBackupTick(t.database, backups, bkk('2026-03-15T19:05:00Z')); // 02:05 on the 16th; cut-off 2 March 02:05
    expect(next.created?.name).toBe('sampan-20260316-0205.jsonl.gz');
    expect(next.pruned.sort()).toEqual(['sampan-20260201-0205.jsonl.gz', 'sampan-20260302-0204.jsonl.gz']);
    expect(readdirSync(backups).sort()).toEqual([
      'sampan-20260302-0206.jsonl.gz',
      'sampan-20260315-0205.jsonl.gz',
      'sampan-20260316-0205.jsonl.gz',
    ]);
    const [job] = await t.database.query<{ actor_label: string; source: string }>(
      `select actor_label, source from audit_log where entity_type = 'backup' and entity_id = 'sampan-20260316-0205.jsonl.gz'`,
    );
    expect(job).toEqual({ actor_label: 'scheduled backup', source: 'job' });
  });

  it('follows the settings: disabled means no backup, and the hour and zone are the business ones', async () => {
    const backups = join(dir, 'settings');
    await updateSettings(t.database.db, systemActor('cli'), {
      timeZone: 'UTC',
      backup: { hour: 23, retentionDays: 3 },
    });
    expect((await runBackupTick(t.database, backups, new Date('2026-03-20T22:05:00Z'))).created).toBeUndefined();
    expect((await runBackupTick(t.database, backups, new Date('2026-03-20T23:05:00Z'))).created?.name).toBe(
      'sampan-20260320-2305.jsonl.gz',
    );
    await updateSettings(t.database.db, systemActor('cli'), { backup: { enabled: false } });
    expect((await runBackupTick(t.database, backups, new Date('2026-03-21T23:05:00Z'))).created).toBeUndefined();
  });
});
