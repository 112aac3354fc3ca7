import type PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';

/**
 * pg-boss on PGlite: it talks through the one embedded connection. Parameterless SQL
 * may hold several statements (pg-boss's schema scripts) and goes through exec.
 */
export function pgBossDbFor(database: Database): PgBoss.Db {
  const client = database.pglite;
  if (!client) throw new Error('pgBossDbFor needs a PGlite database');
  return {
    async executeSql(text: string, values: unknown[] = []) {
      if (values.length) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}
