import { existsSync } from 'node:fs';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { recordAudit } from '../audit/record-audit.ts';
import { type Actor, systemActor } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { getSettings } from '../settings/get-settings.ts';
import { type BackupSummary, isBackupFileName } from './format.ts';
import { backupFileName, backupsToPrune, isBackupDue } from './schedule.ts';
import { backupToFile } from './write-backup.ts';

/** The backup folder (config.backupDir): listing, making and pruning `sampan-*.jsonl.gz` files. */

export interface BackupFileInfo {
  name: string;
  size: number;
  createdAt: string;
}

/** Backups in the folder, newest first. A folder that does not exist yet holds none. */
export async function listBackupFiles(dir: string): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files: BackupFileInfo[] = [];
  for (const name of names.filter(isBackupFileName)) {
    const s = await stat(join(dir, name)).catch(() => undefined);
    if (s?.isFile()) files.push({ name, size: s.size, createdAt: s.mtime.toISOString() });
  }
  return files.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** The path of an existing backup; the strict name check keeps callers inside the folder. */
export function existingBackupPath(dir: string, name: string): string {
  if (!isBackupFileName(name)) throw new AppError('not_found');
  const path = join(dir, name);
  if (!existsSync(path)) throw new AppError('not_found');
  return path;
}

// One backup at a time per process: on PGlite they would queue anyway, and on
// PostgreSQL two full dumps at once only compete for the same disk.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => {});
  return run;
}

export interface MadeBackup extends BackupSummary {
  name: string;
}

/** Makes a backup named `name` in the folder and records who asked for it. */
export function createBackupInDir(database: Database, dir: string, name: string, actor: Actor): Promise<MadeBackup> {
  return oneAtATime(async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, name);
    if (existsSync(path)) throw new AppError('backup_exists', { name });
    const summary = await backupToFile(database, path);
    await recordAudit(database.db, actor, {
      entityType: 'backup',
      entityId: name,
      action: 'create',
      after: {
        name,
        bytes: summary.bytes,
        tables: summary.tables,
        rows: summary.rows,
        schemaVersion: summary.schemaVersion,
      },
    });
    return { name, ...summary };
  });
}

/** A backup made on demand now, named to the second in the business time zone. */
export async function backupNow(database: Database, dir: string, actor: Actor, now = new Date()): Promise<MadeBackup> {
  const { timeZone } = await getSettings(database.db);
  return createBackupInDir(database, dir, backupFileName(now, timeZone, 'second'), actor);
}

export interface TickResult {
  created?: MadeBackup;
  pruned: string[];
}

/**
 * The hourly check: when the day's backup is due (see schedule.ts), make it, then prune
 * files past the retention period. Pruning only follows a successful backup, so old
 * files are never removed while new ones fail.
 */
export async function runBackupTick(database: Database, dir: string, now = new Date()): Promise<TickResult> {
  const settings = await getSettings(database.db);
  const existing = (await listBackupFiles(dir)).map((f) => f.name);
  if (!isBackupDue(now, settings.backup, settings.timeZone, existing)) return { pruned: [] };
  const created = await createBackupInDir(
    database,
    dir,
    backupFileName(now, settings.timeZone, 'minute'),
    systemActor('job', 'scheduled backup'),
  );
  const pruned = backupsToPrune([...existing, created.name], now, settings.backup.retentionDays, settings.timeZone);
  for (const name of pruned) await unlink(join(dir, name)).catch(() => {});
  await removeStalePartials(dir, now);
  return { created, pruned };
}

/** Leftovers of backups interrupted by a crash (a finished backup is renamed at once). */
async function removeStalePartials(dir: string, now: Date): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!/^sampan-\d{8}-\d{4,6}\.jsonl\.gz\.partial$/.test(name)) continue;
    const s = await stat(join(dir, name)).catch(() => undefined);
    if (s && now.getTime() - s.mtime.getTime() > 6 * 3600_000) await unlink(join(dir, name)).catch(() => {});
  }
}
