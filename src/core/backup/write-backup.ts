import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { VERSION } from '../../version.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupSummary,
  ident,
  isMarkerShaped,
  qualified,
  tableMarker,
  trailerLine,
} from './format.ts';
import { dependencyOrder, listForeignKeys, listTables, type TableInfo } from './schema-info.ts';
import { inSnapshot, type SessionQuery } from './sql-session.ts';

const FETCH_ROWS = 2000;
const CURSOR = 'sampan_backup_rows';

export interface WriteBackupOptions {
  /** Called once the snapshot is taken, before any row is read (tests use it to race writers). */
  onSnapshot?: () => Promise<void> | void;
  /** A label for error messages (data dir or redacted URL). */
  label?: string;
}

async function schemaVersionIn(q: SessionQuery): Promise<number> {
  const [exists] = await q<{ ok: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists?.ok) return 0;
  const [row] = await q<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
  return row?.n ?? 0;
}

/** Writes text into a stream, waiting while it is full (bounded memory); fails if it dies. */
async function put(out: Writable, text: string): Promise<void> {
  if (out.destroyed) throw new Error('the backup output was closed');
  if (out.write(text)) return;
  const stop = new AbortController();
  try {
    await Promise.race([
      once(out, 'drain', { signal: stop.signal }),
      once(out, 'close', { signal: stop.signal }).then(() => {
        throw new Error('the backup output was closed');
      }),
    ]);
  } finally {
    stop.abort();
  }
}

/**
 * Streams a complete backup (gzip JSON lines, see format.ts) of every table in the
 * public schema into `sink`, from one consistent snapshot. Rows are read through a
 * server-side cursor in batches, so memory stays bounded whatever the table sizes.
 */
export async function writeBackup(
  database: Database,
  sink: Writable,
  options: WriteBackupOptions = {},
): Promise<BackupSummary> {
  const started = performance.now();
  let bytes = 0;
  const gzip = createGzip({ level: 6 });
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const piped = pipeline(gzip, counter, sink);
  // Reject early if the sink fails, but never leave an unhandled rejection.
  piped.catch(() => {});

  let tableCount = 0;
  let rowCount = 0;
  let schemaVersion = 0;
  try {
    await inSnapshot(database, async (q) => {
      schemaVersion = await schemaVersionIn(q);
      if (schemaVersion === 0) throw new AppError('backup_source_missing', { target: options.label ?? database.label });
      await options.onSnapshot?.();
      const tables = await listTables(q);
      const byName = new Map(tables.map((t) => [t.name, t]));
      const { order } = dependencyOrder(
        tables.map((t) => t.name),
        await listForeignKeys(q),
      );
      // A table without stored columns has nothing to carry; restore's schema recreates it.
      const ordered = order.map((n) => byName.get(n) as TableInfo).filter((t) => t.columns.length > 0);
      for (const t of ordered) {
        if (isMarkerShaped(t.columns)) throw new Error(`table ${t.name} has columns that look like a backup marker`);
      }
      const sequences = await q<{ name: string; last_value: string | null }>(
        `select sequencename::text as name, last_value::text as last_value
         from pg_sequences where schemaname = 'public' order by 1`,
      );
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        schemaVersion,
        createdAt: new Date().toISOString(),
        database: database.kind,
        app: VERSION,
        tables: ordered.map((t) => ({ name: t.name, columns: t.columns })),
        sequences: sequences.map((s) => ({ name: s.name, lastValue: s.last_value })),
      };
      await put(gzip, `${JSON.stringify(header)}\n`);

      const counts: Record<string, number> = {};
      for (const t of ordered) {
        await put(gzip, `${tableMarker(t.name)}\n`);
        counts[t.name] = await copyTable(q, t, gzip);
        rowCount += counts[t.name] ?? 0;
      }
      tableCount = ordered.length;
      await put(gzip, `${trailerLine(counts)}\n`);
    });
    gzip.end();
    await piped;
  } catch (err) {
    gzip.destroy();
    await piped.catch(() => {});
    throw err;
  }
  return { tables: tableCount, rows: rowCount, bytes, ms: Math.round(performance.now() - started), schemaVersion };
}

async function copyTable(q: SessionQuery, table: TableInfo, out: Writable): Promise<number> {
  const cols = table.columns.map(ident).join(', ');
  const select = `select ${cols} from ${qualified(table.name)}${table.orderBy ? ` order by ${table.orderBy}` : ''}`;
  await q(`declare ${CURSOR} no scroll cursor for select row_to_json(r)::text as j from (${select}) r`);
  let n = 0;
  for (;;) {
    const rows = await q<{ j: string }>(`fetch forward ${FETCH_ROWS} from ${CURSOR}`);
    n += rows.length;
    let text = '';
    for (const r of rows) text += `${r.j}\n`;
    if (text) await put(out, text);
    if (rows.length < FETCH_ROWS) break;
  }
  // On an error the transaction's rollback closes the cursor.
  await q(`close ${CURSOR}`);
  return n;
}

/**
 * Writes a backup to `path` safely: into `path.partial` first, flushed to disk, then
 * renamed, so `path` is either absent or complete.
 */
export async function backupToFile(
  database: Database,
  path: string,
  options: WriteBackupOptions = {},
): Promise<BackupSummary> {
  const partial = `${path}.partial`;
  try {
    const summary = await writeBackup(database, createWriteStream(partial, { mode: 0o600 }), options);
    // Durable before it gets its real name: a crash never leaves a complete-looking fragment.
    const handle = await open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, path);
    return summary;
  } catch (err) {
    await unlink(partial).catch(() => {});
    throw err;
  }
}
