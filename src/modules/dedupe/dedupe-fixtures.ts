/** Test fixtures for the dedupe module (used by *.test.ts and the benchmark only). */

import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { activities } from '../activities/index.ts';
import { customerIdentities, customers } from '../customers/index.ts';

type NewCustomer = typeof customers.$inferInsert;

export interface ProfileExtras {
  identities?: { kind: string; value: string; system?: string; isPrimary?: boolean }[];
  activities?: number;
}

/** A profile owned by the actor's user (and team), with identities and timeline entries. */
export async function makeProfile(
  db: DbOrTx,
  owner: Actor,
  fields: Partial<NewCustomer> & { displayName: string },
  extras: ProfileExtras = {},
): Promise<string> {
  const [row] = await db
    .insert(customers)
    .values({ ownerId: owner.principal.userId, teamId: owner.principal.teamId, ...fields })
    .returning({ id: customers.id });
  if (!row) throw new Error('insert returned no row');
  const ids = extras.identities ?? [];
  if (ids.length) {
    await db.insert(customerIdentities).values(
      ids.map((i) => ({
        customerId: row.id,
        kind: i.kind,
        value: i.value,
        system: i.system ?? '',
        isPrimary: i.isPrimary ?? false,
      })),
    );
  }
  const n = extras.activities ?? 0;
  if (n > 0) {
    await db.insert(activities).values(
      Array.from({ length: n }, (_, i) => ({
        customerId: row.id,
        kind: 'note',
        subject: `note ${i + 1}`,
        occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    );
  }
  return row.id;
}

/** A consent purpose for tests (migrations may or may not seed one). */
export async function ensurePurpose(db: DbOrTx, code = 'marketing'): Promise<void> {
  await db.execute(
    sql`insert into consent_purposes (code, name_th, name_en) values (${code}, 'การตลาด', 'Marketing') on conflict do nothing`,
  );
}

export async function addConsent(
  db: DbOrTx,
  customerId: string,
  status: string,
  at: Date,
  channel = 'email',
  purpose = 'marketing',
): Promise<void> {
  await db.execute(sql`insert into consent_records (customer_id, purpose, channel, status, source, recorded_at)
    values (${customerId}, ${purpose}, ${channel}, ${status}, 'staff', ${at.toISOString()}::timestamptz)`);
  await db.execute(sql`insert into consent_state (customer_id, purpose, channel, status, lawful_basis, record_id, updated_at)
    select customer_id, purpose, channel, status, lawful_basis, id, recorded_at from consent_records
     where customer_id = ${customerId} and purpose = ${purpose} and channel = ${channel}
     order by recorded_at desc limit 1
    on conflict (customer_id, purpose, channel) do update
      set status = excluded.status, record_id = excluded.record_id, updated_at = excluded.updated_at`);
}

export async function countWhere(db: DbOrTx, table: string, customerId: string): Promise<number> {
  const r = (await db.execute(
    sql`select count(*)::int as n from ${sql.raw(`"${table}"`)} where customer_id = ${customerId}`,
  )) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0]?.n ?? 0);
}
