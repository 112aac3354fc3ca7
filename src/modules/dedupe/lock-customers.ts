import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { uuidList } from './customer-tables.ts';

/** lock_not_available, deadlock_detected, serialization_failure */
const CONFLICT_CODES = new Set(['55P03', '40P01', '40001']);

function sqlState(err: unknown): string | undefined {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * Locks these profiles FOR UPDATE in id order: every merge and unmerge takes its locks in
 * the same order, so two of them on a shared profile wait for each other instead of
 * deadlocking. A wait longer than the lock timeout is a coded conflict, not a hang.
 */
export async function lockCustomers(tx: DbOrTx, ids: readonly string[]): Promise<void> {
  await tx.execute(sql`set local lock_timeout = '10s'`);
  try {
    await tx.execute(sql`select id from customers where id = any(${uuidList(ids)}) order by id for update`);
  } catch (err) {
    const code = sqlState(err);
    if (code && CONFLICT_CODES.has(code)) throw new AppError('merge_conflict');
    throw err;
  }
}
