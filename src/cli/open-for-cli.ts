import type { Config } from '../core/config.ts';
import { migrateDatabase } from '../core/db/migrate.ts';
import { type OpenedDatabase, openDatabase } from '../core/db/open-database.ts';

/** Opens and migrates the configured database for one command, and always closes it. */
export async function withDatabase<T>(config: Config, fn: (database: OpenedDatabase) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 2 });
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}
