import { stat } from 'node:fs/promises';
import type { Database } from '../db/database.ts';
import { knownSchemaVersion, migrateDatabase } from '../db/migrate.ts';
import { AppError, isAppError } from '../errors/app-error.ts';
import { type BackupHeader, type BackupSummary, ident, qualified } from './format.ts';
import { migrateToVersion } from './migrate-to.ts';
import { readBackup, readBackupHeader } from './read-backup.ts';
import {
  type ForeignKey,
  keysToSuspend,
  listForeignKeys,
  listTables,
  nonEmptyTables,
  ownedSequences,
  referenceDataTables,
  tablesWithUserTriggers,
} from './schema-info.ts';
import { inTransaction, type SessionQuery } from './sql-session.ts';

export interface RestoreOptions {
  /** How to name the target in messages (a data dir); defaults to the database label. */
  target?: string;
}

function describe(tables: string[]): string {
  const shown = tables.slice(0, 8).join(', ');
  return tables.length > 8 ? `${shown} and ${tables.length - 8} more tables` : shown;
}

/** Refuses a target that holds any row in any public table: a restore never merges. */
export async function assertRestoreTargetEmpty(database: Database, target: string): Promise<void> {
  const full = await inTransaction(database, [], (q) => nonEmptyTables(q));
  if (full.length) throw new AppError('restore_target_not_empty', { target, detail: `rows in ${describe(full)}` });
}

/**
 * Restores a backup file into an empty database: checks the file's header, refuses a
 * target holding data, brings the schema to the backup's version, loads every table in
 * ONE transaction (so a failure leaves the target empty), checks the row counts against
 * the file's trailer, carries sequences on, then applies any later migrations.
 */
export async function restoreBackup(
  database: Database,
  path: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const started = performance.now();
  const target = options.target ?? database.label;
  const header = await readBackupHeader(path);
  const known = knownSchemaVersion();
  if (header.schemaVersion > known) {
    throw new AppError('backup_too_new', { backup: header.schemaVersion, current: known });
  }
  // Before migrating: a refused restore must leave the target exactly as it was.
  await assertRestoreTargetEmpty(database, target);
  await migrateToVersion(database, header.schemaVersion);

  let rows = 0;
  await inTransaction(database, [], async (q) => {
    rows = await load(q, path, header, target);
  });
  if (header.schemaVersion < known) await migrateDatabase(database);
  await database.exec('analyze');
  const { size } = await stat(path);
  return {
    tables: header.tables.length,
    rows,
    bytes: size,
    ms: Math.round(performance.now() - started),
    schemaVersion: header.schemaVersion,
  };
}

async function load(q: SessionQuery, path: string, header: BackupHeader, target: string): Promise<number> {
  const tables = new Map((await listTables(q)).map((t) => [t.name, t]));
  if (tables.size) {
    // Nobody else writes while we load (readers may go on); then check emptiness again.
    await q(`lock table ${[...tables.keys()].map(qualified).join(', ')} in exclusive mode`);
  }
  const full = await nonEmptyTables(q);
  if (full.length) throw new AppError('restore_target_not_empty', { target, detail: `rows in ${describe(full)}` });

  for (const t of header.tables) {
    const have = tables.get(t.name);
    if (!have) throw invalid(`table ${t.name} does not exist in schema version ${header.schemaVersion}`);
    const missing = t.columns.filter((c) => !have.columns.includes(c));
    if (missing.length) throw invalid(`table ${t.name} has no column ${missing.join(', ')} here`);
  }

  const order = header.tables.map((t) => t.name);
  const suspended = keysToSuspend(order, await listForeignKeys(q));
  for (const k of suspended) await q(`alter table ${qualified(k.child)} drop constraint ${ident(k.name)}`);
  const loaded = new Set(order);
  // Rows the migrations seeded give way to the backup's own version of them: children first
  // (the backup lists parents before children), so no reference between them is broken.
  const reference = new Set(await referenceDataTables(q));
  for (const t of [...order].reverse()) if (reference.has(t)) await q(`delete from ${qualified(t)}`);
  const triggered = (await tablesWithUserTriggers(q)).filter((t) => loaded.has(t));
  // Rows go in exactly as they were: no trigger may rewrite them or add audit/outbox rows.
  for (const t of triggered) await q(`alter table ${qualified(t)} disable trigger user`);

  let total = 0;
  let expected: Record<string, number> = {};
  for await (const chunk of readBackup(path)) {
    if (chunk.kind === 'end') expected = chunk.rows;
    if (chunk.kind !== 'rows') continue;
    await insertRows(q, chunk.table.name, chunk.table.columns, chunk.lines);
    total += chunk.lines.length;
  }
  // The reader checked the file against its own trailer; now check what the database holds.
  for (const t of order) {
    const [row] = await q<{ n: string }>(`select count(*)::text as n from ${qualified(t)}`);
    if (Number(row?.n) !== expected[t])
      throw invalid(`table ${t} has ${row?.n} rows after loading, expected ${expected[t]}`);
  }

  await restoreSequences(q, header, loaded);
  for (const k of suspended) await reAdd(q, k);
  for (const t of triggered) await q(`alter table ${qualified(t)} enable trigger user`);
  return total;
}

async function insertRows(q: SessionQuery, table: string, columns: string[], lines: string[]): Promise<void> {
  const cols = columns.map(ident).join(', ');
  try {
    await q(
      `insert into ${qualified(table)} (${cols}) overriding system value
       select ${cols} from json_populate_recordset(null::${qualified(table)}, $1::json)`,
      [`[${lines.join(',')}]`],
    );
  } catch (err) {
    if (isAppError(err)) throw err;
    throw invalid(`rows of ${table} could not be loaded: ${(err as Error).message}`);
  }
}

async function reAdd(q: SessionQuery, k: ForeignKey): Promise<void> {
  try {
    await q(`alter table ${qualified(k.child)} add constraint ${ident(k.name)} ${k.definition}`);
  } catch (err) {
    throw invalid(`rows of ${k.child} break the reference ${k.name}: ${(err as Error).message}`);
  }
}

/**
 * Sequences carry on where the backed-up database left them (so numbers already handed
 * out, even of deleted rows, are not given out again), and never below the highest id.
 */
async function restoreSequences(q: SessionQuery, header: BackupHeader, loaded: Set<string>): Promise<void> {
  const present = new Set(
    (await q<{ name: string }>(`select sequencename::text as name from pg_sequences where schemaname = 'public'`)).map(
      (r) => r.name,
    ),
  );
  for (const s of header.sequences) {
    if (s.lastValue === null || !present.has(s.name)) continue;
    await q('select setval($1::regclass, $2::bigint, true)', [qualified(s.name), s.lastValue]);
  }
  for (const o of await ownedSequences(q)) {
    if (!loaded.has(o.table)) continue;
    await q(
      `select setval($1::regclass, x.m, true)
       from (select max(${ident(o.column)})::bigint as m from ${qualified(o.table)}) x, pg_sequences s
       where s.schemaname = 'public' and s.sequencename = $2 and x.m is not null
         and x.m >= s.min_value and (s.last_value is null or s.last_value < x.m)`,
      [qualified(o.sequence), o.sequence],
    );
  }
}

function invalid(reason: string): AppError {
  return new AppError('backup_invalid', { reason });
}
