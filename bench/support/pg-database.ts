import pg from 'pg';

export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway sampan_bench_* database on the PostgreSQL server, and how to drop it. */
export async function benchDatabase(baseUrl = BENCH_PG_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sampan_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A database kept by an earlier run (--keep), to run again without generating data. */
export function existingDatabase(baseUrl: string, name: string): { url: string; drop: () => Promise<void> } {
  if (!/^sampan_bench_[a-z0-9]+$/.test(name)) throw new Error(`not a bench database: ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: async () => {} };
}
