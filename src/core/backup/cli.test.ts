import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampanNodeArgs } from '../../../test/support/run-cli.ts';
import { seedDataDir } from '../../../test/support/seed-data-dir.ts';
import { testDatabaseKind } from '../../../test/support/test-env.ts';
import { openDatabase } from '../db/open-database.ts';
import { readBackup } from './read-backup.ts';
import { rowCounts } from './test-support.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'en_US.UTF-8', LOG_LEVEL: 'warn' };
  for (const k of ['DATABASE_URL', 'SAMPAN_DATA_DIR', 'SAMPAN_BACKUP_DIR', 'PORT']) delete env[k];
  return env;
}

/** Runs `sampan ARGS` and reports its exit code and output (never throws on a non-zero exit). */
async function sampan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...sampanNodeArgs(), ...args], {
      cwd: ROOT,
      env: childEnv(),
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function trailerCounts(file: string): Promise<Record<string, number>> {
  for await (const chunk of readBackup(file)) if (chunk.kind === 'end') return chunk.rows;
  throw new Error('no trailer');
}

// The CLI's PGlite path (a server holding the data dir) exists only on the embedded database.
describe.skipIf(testDatabaseKind() === 'postgres')(
  'sampan backup / restore against a running PGlite server (PGlite run only)',
  () => {
    let dir: string;
    let dataDir: string;
    let child: ChildProcess | undefined;
    let url = '';

    async function stopServer() {
      if (!child?.pid || child.exitCode !== null) return;
      const exited = new Promise((r) => child?.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    }

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sampan-cli-'));
      // Migrated from the template; the restore below still makes and migrates a new directory.
      dataDir = seedDataDir(join(dir, 'data'));
      child = spawn(
        process.execPath,
        [...sampanNodeArgs(), 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
        {
          cwd: ROOT,
          env: childEnv(),
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true, // its own process group, so nothing it starts outlives the test
        },
      );
      let output = '';
      url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
        const seen = (chunk: Buffer) => {
          output += chunk.toString();
          const m = /Sampan is running at (http:\/\/\S+)/.exec(output);
          if (m?.[1]) {
            clearTimeout(timer);
            resolveUrl(m[1]);
          }
        };
        child?.stdout?.on('data', seen);
        child?.stderr?.on('data', seen);
        child?.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
      });
      const setup = await fetch(`${url}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'สมหญิง รักดี',
          email: 'owner@example.co.th',
          password: 'correct horse battery',
          companyName: 'ร้านกาแฟ สัมพันธ์',
        }),
      });
      expect(setup.status).toBe(201);
    }, 60_000);

    afterAll(async () => {
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    });

    it('backs up through the running server and restores into an empty directory', async () => {
      const file = join(dir, 'live.jsonl.gz');
      const backup = await sampan('backup', file, '--data-dir', dataDir);
      expect(backup.stderr).toMatch(/Backed up \d+ tables, \d+ rows to .*live\.jsonl\.gz/);
      expect(backup.code).toBe(0);

      const restored = join(dir, 'restored');
      const restore = await sampan('restore', file, '--data-dir', restored);
      expect(restore.stderr).toMatch(/Restored \d+ tables, \d+ rows/);
      expect(restore.code).toBe(0);

      const db = await openDatabase({ dataDir: restored });
      try {
        const counts = await rowCounts(db);
        expect(counts).toEqual(await trailerCounts(file));
        expect(counts.users).toBe(1);
        const [owner] = await db.query<{ name: string }>('select name from users');
        expect(owner?.name).toBe('สมหญิง รักดี');
      } finally {
        await db.close();
      }
    });

    it('refuses to restore into the non-empty, running data directory and says why', async () => {
      const file = join(dir, 'live.jsonl.gz');
      const refused = await sampan('restore', file, '--data-dir', dataDir);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`Refusing to restore into ${dataDir}`);
      expect(refused.stderr).toMatch(/not empty/);
      // The server is unharmed.
      expect((await fetch(`${url}/health`)).status).toBe(200);
    });

    it('rejects bad arguments with exit code 2 and never overwrites a file by accident', async () => {
      // Side by side: all three stop at their arguments.
      const [none, exists, missing] = await Promise.all([
        sampan('backup', '--data-dir', dataDir),
        sampan('backup', join(dir, 'live.jsonl.gz'), '--data-dir', dataDir),
        sampan('restore', join(dir, 'nope.jsonl.gz'), '--data-dir', join(dir, 'fresh')),
      ]);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/needs exactly one FILE/);
      expect(exists.code).toBe(2);
      expect(exists.stderr).toMatch(/already exists/);
      expect(missing.code).toBe(2);
      expect(existsSync(join(dir, 'fresh'))).toBe(false);
    });

    it('opens the data directory itself once the server has stopped', async () => {
      await stopServer();
      const file = join(dir, 'offline.jsonl.gz');
      const backup = await sampan('backup', file, '--data-dir', dataDir);
      expect(backup.stderr).toMatch(/Backed up/);
      expect(backup.code).toBe(0);
      expect(await trailerCounts(file)).toEqual(await trailerCounts(join(dir, 'live.jsonl.gz')));
    });
  },
);
