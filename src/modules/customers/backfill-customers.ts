import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import type { ModuleRuntime } from '../../core/module.ts';
import { normaliseIdentifier } from './identifiers.ts';
import { PRIMARY_CONTACTS } from './primary-identities.ts';
import { refreshSearchText } from './refresh-search-text.ts';
import { customerIdentities, customers } from './schema.ts';

const NO_ID = '00000000-0000-0000-0000-000000000000';

export interface BackfillResult {
  rows: number;
  identities: number;
}

/**
 * Fills search_text and the primary identities of customers written before they existed
 * (search_text = ''), one short transaction per batch so PGlite's single connection is
 * never held long. Idempotent: identities go in with ON CONFLICT DO NOTHING (a value held
 * by another profile stays with it, for the duplicate finder), and a second run finds
 * nothing to do.
 */
export async function backfillCustomers(db: Db, batchSize = 500): Promise<BackfillResult> {
  const result: BackfillResult = { rows: 0, identities: 0 };
  let after = NO_ID;
  for (;;) {
    const rows = await db
      .select({ id: customers.id, email: customers.email, phone: customers.phone, lineId: customers.lineId })
      .from(customers)
      .where(and(eq(customers.searchText, ''), gt(customers.id, after)))
      .orderBy(asc(customers.id))
      .limit(batchSize);
    const last = rows[rows.length - 1];
    if (!last) return result;
    after = last.id;
    await db.transaction(async (tx) => {
      const values: (typeof customerIdentities.$inferInsert)[] = [];
      for (const row of rows) {
        for (const { kind, column } of PRIMARY_CONTACTS) {
          const raw = row[column];
          if (!raw) continue;
          const normal = normaliseIdentifier(kind, raw);
          if (normal.ok) values.push({ customerId: row.id, ...normal.identifier, isPrimary: true });
        }
      }
      if (values.length > 0) {
        const inserted = await tx
          .insert(customerIdentities)
          .values(values)
          .onConflictDoNothing({
            target: [customerIdentities.kind, customerIdentities.system, customerIdentities.value],
          })
          .returning({ id: customerIdentities.id });
        result.identities += inserted.length;
      }
      await refreshSearchText(
        tx,
        rows.map((r) => r.id),
      );
    });
    result.rows += rows.length;
  }
}

/** Count of customers still waiting for the backfill (for tests and the log). */
export async function customersToBackfill(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customers).where(eq(customers.searchText, ''));
  return row?.n ?? 0;
}

/** Start-up hook: runs the backfill shortly after start, off the request path. */
export function scheduleBackfill({ deps }: ModuleRuntime, delayMs = 2_000): void {
  const timer = setTimeout(() => {
    backfillCustomers(deps.database.db)
      .then((r) => {
        if (r.rows > 0) deps.logger.info(r, 'customers: search text and primary identities backfilled');
      })
      .catch((err: unknown) => deps.logger.warn({ err }, 'customers: backfill stopped; it resumes at next start'));
  }, delayMs);
  timer.unref();
}
