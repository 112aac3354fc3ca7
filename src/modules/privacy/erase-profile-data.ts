import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers } from '../customers/index.ts';
import { type CustomerDataTable, ident, rowsOf } from './customer-data-tables.ts';
import { anonymisedProfile, scrubAudit, scrubOtherTable } from './scrub-customer-data.ts';

/** Tables whose rows of the customer are personal through and through: deleted. */
const DELETED = ['customer_identities', 'customer_addresses', 'consent_state', 'consent_records'];
/** Handled on their own below, or the record of the request itself. */
const HANDLED = new Set([...DELETED, 'activities', 'data_subject_requests']);

export type EraseCounts = Record<string, number>;

async function count(tx: DbOrTx, query: ReturnType<typeof sql>): Promise<number> {
  return (await rowsOf<Record<string, unknown>>(tx, query)).length;
}

function add(counts: EraseCounts, key: string, n: number): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/**
 * Erases one profile's personal data in the caller's transaction, adding what it touched
 * to `counts`. The caller has locked the row and records the request.
 */
export async function eraseProfileData(
  tx: DbOrTx,
  customerId: string,
  tables: CustomerDataTable[],
  counts: EraseCounts,
): Promise<void> {
  // Audit entries about the customer or any of its rows, found before those rows go.
  const entityIds = [customerId];
  for (const t of tables) {
    if (!t.columns.some((c) => c.name === 'id')) continue;
    const ids = await rowsOf<{ id: string }>(
      tx,
      sql`select id::text as id from ${ident(t.table)} where customer_id = ${customerId}`,
    );
    entityIds.push(...ids.map((r) => r.id));
  }
  add(counts, 'audit_log_scrubbed', await scrubAudit(tx, entityIds));

  for (const table of DELETED) {
    add(counts, table, await count(tx, sql`delete from ${ident(table)} where customer_id = ${customerId} returning 1`));
  }
  add(
    counts,
    'company_contacts',
    await count(
      tx,
      sql`delete from company_contacts where company_id = ${customerId} or person_id = ${customerId} returning 1`,
    ),
  );
  add(
    counts,
    'duplicate_dismissals',
    await count(
      tx,
      sql`delete from duplicate_dismissals where customer_a = ${customerId} or customer_b = ${customerId} returning 1`,
    ),
  );
  add(
    counts,
    'activities',
    await count(
      tx,
      sql`update activities set subject = null, body = null, outcome = null, data = '{}'
           where customer_id = ${customerId} returning 1`,
    ),
  );
  // Other profiles' identity matches may name this person's identifier as a conflict.
  add(
    counts,
    'identity_conflicts_scrubbed',
    await count(
      tx,
      sql`update activities set data = jsonb_set(data, '{conflicts}', (
            select jsonb_agg(case when c->>'customerId' = ${customerId} then c || '{"value":null}'::jsonb else c end)
              from jsonb_array_elements(data->'conflicts') c))
           where kind = 'identity_match' and customer_id <> ${customerId}
             and data->'conflicts' @> ${JSON.stringify([{ customerId }])}::jsonb
          returning 1`,
    ),
  );
  // A merge's snapshot holds before-images of the profiles: without it, no unmerge.
  add(
    counts,
    'customer_merges',
    await count(
      tx,
      sql`update customer_merges set snapshot = null
           where (survivor_id = ${customerId} or ${customerId}::uuid = any(merged_ids)) and snapshot is not null
          returning 1`,
    ),
  );
  for (const t of tables) {
    if (HANDLED.has(t.table)) continue;
    add(counts, t.table, await scrubOtherTable(tx, t, customerId));
  }
  // Stored responses of retried POSTs may hold the profile; dispatched events may too.
  add(
    counts,
    'idempotency_keys',
    await count(tx, sql`delete from idempotency_keys where body::text like ${`%${customerId}%`} returning 1`),
  );
  add(
    counts,
    'outbox',
    await count(
      tx,
      sql`update outbox set payload = '{}' where aggregate_id = ${customerId} and dispatched_at is not null
           and payload <> '{}' returning 1`,
    ),
  );
  await tx.update(customers).set(anonymisedProfile()).where(eq(customers.id, customerId));
}
