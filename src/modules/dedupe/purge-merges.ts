import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customerTables, ident, rowsOf, uuidList } from './customer-tables.ts';

export interface PurgeResult {
  /** Merges whose undo data was cleared. */
  expired: number;
  /** Merged tombstone profiles deleted (nothing referenced them any more). */
  deleted: number;
}

/**
 * After the grace period a merge can no longer be undone: its snapshot (before-images and
 * moved row ids, personal data included) is cleared, and merged tombstones that no row
 * still points at are deleted. A tombstone that still has rows (left behind because the
 * survivor had the same key) is kept, so nothing is lost by cascade.
 */
export async function purgeExpiredMerges(db: DbOrTx, now: Date = new Date()): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    const expired = await rowsOf<{ id: string }>(
      tx,
      sql`update customer_merges set snapshot = null
           where snapshot is not null and undo_until <= ${now.toISOString()}::timestamptz
       returning id::text as id`,
    );
    const referenced: SQL[] = [];
    for (const t of await customerTables(tx)) {
      referenced.push(sql`exists (select 1 from ${ident(t.table)} x where x.customer_id = c.id)`);
    }
    referenced.push(
      sql`exists (select 1 from consent_state x where x.customer_id = c.id)`,
      sql`exists (select 1 from company_contacts x where x.company_id = c.id or x.person_id = c.id)`,
      sql`exists (select 1 from customer_merges m where m.survivor_id = c.id and m.snapshot is not null)`,
      sql`exists (select 1 from customer_merges m where c.id = any(m.merged_ids) and m.snapshot is not null)`,
    );
    const deleted = await rowsOf<{ id: string }>(
      tx,
      sql`delete from customers c
           where c.status = 'merged' and c.merged_into_id is not null
             and not (${sql.join(referenced, sql` or `)})
       returning c.id::text as id`,
    );
    // Scores have no foreign key to customers (it cost too much on 1M-row recomputes).
    if (deleted.length) {
      await tx.execute(sql`delete from customer_scores where customer_id = any(${uuidList(deleted.map((d) => d.id))})`);
    }
    return { expired: expired.length, deleted: deleted.length };
  });
}
