import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupFromRunningServer } from '../../core/backup/control.ts';
import { ensureBackupErrors } from '../../core/backup/errors.ts';
import type { BackupSummary } from '../../core/backup/format.ts';
import { backupToFile } from '../../core/backup/write-backup.ts';
import { readLock } from '../../core/db/data-dir-lock.ts';
import { openDatabase } from '../../core/db/open-database.ts';
import { AppError, isAppError } from '../../core/errors/app-error.ts';
import { UsageError } from '../cli-error.ts';
import { configFrom, parse } from '../cli-options.ts';

export const backupHelp = `sampan backup FILE [--data-dir ./data | --database-url URL] [--force]
  Writes a consistent backup of the whole database to FILE (gzip JSON lines), also while
  Sampan is running: on the embedded database the running server makes the snapshot.
  Restore it with 'sampan restore'. --force overwrites an existing FILE.`;

export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function fileArgument(positionals: string[], command: string): string {
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError(`${command} needs exactly one FILE`);
  return resolve(positionals[0]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** PGlite: open the directory ourselves, or ask the server that holds it. */
async function backupDataDir(dataDir: string, file: string): Promise<BackupSummary> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) {
    throw new AppError('backup_source_missing', { target: dataDir });
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    let database: Awaited<ReturnType<typeof openDatabase>>;
    try {
      database = await openDatabase({ dataDir });
    } catch (err) {
      if (!isAppError(err) || err.code !== 'data_dir_locked') throw err;
      const lock = readLock(dataDir);
      if (lock?.port && lock.controlSecret) return backupFromRunningServer(dataDir, lock, file);
      // A server still starting has not written its port yet; another command may finish soon.
      if (Date.now() > deadline) throw err;
      await sleep(500);
      continue;
    }
    try {
      return await backupToFile(database, file, { label: dataDir });
    } finally {
      await database.close();
    }
  }
}

async function backupPostgres(url: string, file: string): Promise<BackupSummary> {
  const database = await openDatabase({ databaseUrl: url, poolMax: 1 });
  try {
    return await backupToFile(database, file);
  } finally {
    await database.close();
  }
}

export async function backupCommand(args: string[]): Promise<number> {
  ensureBackupErrors();
  const { values, positionals } = parse(args, { force: { type: 'boolean' } }, true);
  if (values.help) {
    console.log(backupHelp);
    return 0;
  }
  const file = fileArgument(positionals, 'backup');
  if (existsSync(file) && !values.force)
    throw new UsageError(`${file} already exists; choose another name or pass --force`);
  if (!existsSync(dirname(file)) || !statSync(dirname(file)).isDirectory()) {
    throw new UsageError(`the folder ${dirname(file)} does not exist`);
  }
  const config = configFrom(values);
  const summary = config.databaseUrl
    ? await backupPostgres(config.databaseUrl, file)
    : await backupDataDir(config.dataDir, file);
  console.error(
    `Backed up ${summary.tables} tables, ${summary.rows} rows to ${file} (${describeSize(summary.bytes)}, ${(summary.ms / 1000).toFixed(1)} s).`,
  );
  return 0;
}
