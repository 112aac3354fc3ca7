import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { FieldError } from '../../core/http/problem.ts';
import type { InboundRecord } from './inbound-input.ts';
import type { Resolution } from './resolution-view.ts';
import { resolveCustomer } from './resolve-customer.ts';

export const MAX_BATCH = 1000;

export type BatchOutcome =
  | ({ ok: true } & Resolution)
  | { ok: false; code: string; params: Record<string, string | number>; errors: FieldError[] };

/**
 * Resolves many records in ONE transaction, each in its own savepoint: a record refused
 * with a coded error (invalid identifier, customer_exists_elsewhere, …) is rolled back
 * alone and reported at its index; the others are kept. Records are resolved in order, so
 * two rows of one batch with the same new phone end as one profile (created, then matched).
 * Anything that is not a coded error aborts the whole batch.
 */
export async function resolveCustomers(
  db: DbOrTx,
  actor: Actor,
  records: readonly InboundRecord[],
): Promise<BatchOutcome[]> {
  if (records.length > MAX_BATCH) {
    throw new AppError('validation_failed', {}, [
      {
        path: 'records',
        message: `at most ${MAX_BATCH} records per batch`,
        th: `ส่งได้ไม่เกิน ${MAX_BATCH} รายการต่อครั้ง`,
      },
    ]);
  }
  return db.transaction(async (tx) => {
    const outcomes: BatchOutcome[] = [];
    for (const record of records) {
      try {
        outcomes.push({ ok: true, ...(await resolveCustomer(tx, actor, record)) });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const errors = Array.isArray(err.details) ? (err.details as FieldError[]) : [];
        outcomes.push({ ok: false, code: err.code, params: err.params, errors });
      }
    }
    return outcomes;
  });
}
