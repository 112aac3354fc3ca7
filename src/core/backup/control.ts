import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { LockInfo } from '../db/data-dir-lock.ts';
import { AppError } from '../errors/app-error.ts';
import type { AppDeps } from '../http/app-env.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppMount } from '../http/create-app.ts';
import type { BackupSummary } from './format.ts';
import { backupToFile } from './write-backup.ts';

/**
 * PGlite lets one process open a data directory. While a server holds it, `sampan backup`
 * asks that server for the snapshot over a local control endpoint, authenticated by the
 * random secret the server wrote into the data directory's lock file (readable only by
 * the user running Sampan).
 */
export const CONTROL_HEADER = 'x-sampan-control';
export const CONTROL_BACKUP_PATH = '/internal/backup';
const SUMMARY_HEADER = 'x-sampan-backup';

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address);
}

function sameSecret(sent: string, secret: string): boolean {
  const a = createHash('sha256').update(sent).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

export function backupControlMount(deps: AppDeps, secret: string): AppMount {
  return (app) => {
    app.get(CONTROL_BACKUP_PATH, async (c) => {
      const sent = c.req.header(CONTROL_HEADER) ?? '';
      if (!isLoopback(clientIp(c)) || !secret || !sameSecret(sent, secret)) throw new AppError('control_forbidden');
      // Dump to a private temporary file first: the snapshot (and on PGlite, the one
      // session) is held only as long as the dump takes, not as long as the client reads.
      const tmp = join(tmpdir(), `sampan-control-${randomUUID()}.jsonl.gz`);
      const summary = await backupToFile(deps.database, tmp, { label: deps.database.label });
      const { size } = await stat(tmp);
      const file = createReadStream(tmp);
      file.once('close', () => {
        unlink(tmp).catch(() => {});
      });
      return new Response(Readable.toWeb(file) as ReadableStream, {
        status: 200,
        headers: {
          'content-type': 'application/gzip',
          'content-length': String(size),
          'cache-control': 'no-store',
          [SUMMARY_HEADER]: JSON.stringify(summary),
        },
      });
    });
  };
}

/** Fetches a backup from the server that holds the data directory's lock, into `file`. */
export async function backupFromRunningServer(dataDir: string, lock: LockInfo, file: string): Promise<BackupSummary> {
  const started = performance.now();
  const url = `http://127.0.0.1:${lock.port}${CONTROL_BACKUP_PATH}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { [CONTROL_HEADER]: lock.controlSecret ?? '' } });
  } catch (err) {
    const reason = (err as Error & { cause?: Error }).cause?.message ?? (err as Error).message;
    throw new AppError('backup_server_unreachable', { pid: lock.pid, dir: dataDir, port: lock.port ?? '?', reason });
  }
  if (!res.ok || !res.body) {
    const text = await res.text().catch(() => '');
    let detail = `HTTP ${res.status}`;
    try {
      detail = (JSON.parse(text) as { detail?: string }).detail ?? detail;
    } catch {
      // not problem+json; keep the status
    }
    throw new AppError('backup_server_failed', { detail });
  }
  const partial = `${file}.partial`;
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(res.body as WebReadableStream), count, createWriteStream(partial, { mode: 0o600 }));
    const expected = Number(res.headers.get('content-length'));
    if (Number.isFinite(expected) && expected !== bytes) {
      throw new AppError('backup_server_failed', { detail: `received ${bytes} of ${expected} bytes` });
    }
    await rename(partial, file);
  } catch (err) {
    await unlink(partial).catch(() => {});
    throw err;
  }
  const summary = JSON.parse(res.headers.get(SUMMARY_HEADER) ?? '{}') as Partial<BackupSummary>;
  return {
    tables: summary.tables ?? 0,
    rows: summary.rows ?? 0,
    schemaVersion: summary.schemaVersion ?? 0,
    bytes,
    ms: Math.round(performance.now() - started),
  };
}
