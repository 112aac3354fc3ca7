import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBackupErrors } from '../../core/backup/errors.ts';
import { readBackupHeader } from '../../core/backup/read-backup.ts';
import { restoreBackup } from '../../core/backup/restore-backup.ts';
import type { Database } from '../../core/db/database.ts';
import { openDatabase, redactUrl } from '../../core/db/open-database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { UsageError } from '../cli-error.ts';
import { configFrom, parse } from '../cli-options.ts';
import { describeSize, fileArgument } from './backup.ts';

export const restoreHelp = `sampan restore FILE [--data-dir DIR | --database-url URL]
  Restores a backup made by 'sampan backup' (from PGlite or PostgreSQL) into an empty
  data directory (one that does not exist yet or is empty) or an empty PostgreSQL
  database. It never overwrites data: a target that holds any is refused.`;

/** PGlite: the directory must not exist or be empty; a failed restore leaves it so. */
async function restoreDataDir(dataDir: string, file: string) {
  const existed = existsSync(dataDir);
  if (existed) {
    if (!statSync(dataDir).isDirectory()) {
      throw new AppError('restore_target_not_empty', { target: dataDir, detail: 'it is a file, not a directory' });
    }
    const entries = readdirSync(dataDir);
    if (entries.length) {
      throw new AppError('restore_target_not_empty', {
        target: dataDir,
        detail: `the directory is not empty: ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}`,
      });
    }
  }
  const database = await openDatabase({ dataDir });
  try {
    return await restoreBackup(database, file, { target: dataDir });
  } catch (err) {
    await database.close();
    // We checked it was absent or empty and held its lock throughout: put it back so.
    if (existed)
      for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
    else rmSync(dataDir, { recursive: true, force: true });
    throw err;
  } finally {
    await database.close();
  }
}

async function restorePostgres(url: string, file: string) {
  const database: Database = await openDatabase({ databaseUrl: url, poolMax: 2 });
  try {
    return await restoreBackup(database, file, { target: redactUrl(url) });
  } finally {
    await database.close();
  }
}

export async function restoreCommand(args: string[]): Promise<number> {
  ensureBackupErrors();
  const { values, positionals } = parse(args, {}, true);
  if (values.help) {
    console.log(restoreHelp);
    return 0;
  }
  const file = fileArgument(positionals, 'restore');
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  // Check the file before creating or touching anything.
  const header = await readBackupHeader(file);
  const config = configFrom(values);
  const target = config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir;
  const summary = config.databaseUrl
    ? await restorePostgres(config.databaseUrl, file)
    : await restoreDataDir(config.dataDir, file);
  console.error(
    `Restored ${summary.tables} tables, ${summary.rows} rows (${header.database} backup of ${header.createdAt}, schema ${header.schemaVersion}) into ${target} from ${describeSize(summary.bytes)} in ${(summary.ms / 1000).toFixed(1)} s.`,
  );
  return 0;
}
