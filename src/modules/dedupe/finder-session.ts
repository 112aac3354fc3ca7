import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';

/**
 * Runs the duplicate finder's one big statement in a short read transaction with settings
 * fit for it. The rules' CTEs make the planner's row estimates wildly high, which on
 * PostgreSQL switches on JIT compilation of hundreds of functions (measured: +4 s at 100k
 * people, for a query that then runs in a few seconds); and the default 4 MB work_mem
 * sends its sorts and hashes of ~100k rows to disk. Both are set for this transaction only.
 */
export async function inFinderSession<T>(db: DbOrTx, run: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    return run(tx);
  });
}
