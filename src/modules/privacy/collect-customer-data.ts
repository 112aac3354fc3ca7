import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customerDataTables, ident, plain, rowsOf } from './customer-data-tables.ts';

type Row = Record<string, unknown>;

/** Tables with a customer_id that have their own section; every other one goes under `otherTables`. */
const NAMED: Record<string, string> = {
  customer_identities: 'identities',
  customer_addresses: 'addresses',
  activities: 'activities',
  consent_records: 'consentHistory',
  consent_state: 'consentState',
  data_subject_requests: 'dataSubjectRequests',
};

const rows = z.array(z.record(z.string(), z.unknown()));

export const customerDataExportSchema = z
  .object({
    customerId: z.string().uuid(),
    exportedAt: z.string(),
    profile: z.record(z.string(), z.unknown()),
    identities: rows,
    addresses: rows,
    companyLinks: rows,
    activities: rows,
    consentHistory: rows,
    consentState: rows,
    merges: rows,
    referrals: z.object({
      referredById: z.string().uuid().nullable(),
      referredCustomerIds: z.array(z.string().uuid()),
    }),
    dataSubjectRequests: rows,
    auditTrail: rows,
    otherTables: z.record(z.string(), rows).openapi({
      description: 'Rows of every other table with a customer_id column, by table name (future modules included).',
    }),
  })
  .openapi('CustomerDataExport');
export type CustomerDataExport = z.infer<typeof customerDataExportSchema>;

/** Everything held about one person, read in the caller's transaction. */
export async function collectCustomerData(tx: DbOrTx, customerId: string): Promise<CustomerDataExport> {
  const [profile] = await rowsOf<Row>(tx, sql`select * from customers where id = ${customerId}`);
  const { search_text: _searchText, ...shownProfile } = profile ?? {};
  const sections: Record<string, Row[]> = {};
  const otherTables: Record<string, Row[]> = {};
  for (const { table, columns } of await customerDataTables(tx)) {
    const order = columns.some((c) => c.name === 'created_at') ? sql`order by created_at` : sql``;
    const found = (
      await rowsOf<Row>(tx, sql`select * from ${ident(table)} where customer_id = ${customerId} ${order}`)
    ).map(plain);
    const name = NAMED[table];
    if (name) sections[name] = found;
    else otherTables[table] = found;
  }
  const companyLinks = await rowsOf<Row>(
    tx,
    sql`select company_id, person_id, role, job_title, created_at from company_contacts
         where company_id = ${customerId} or person_id = ${customerId} order by created_at`,
  );
  const merges = await rowsOf<Row>(
    tx,
    sql`select * from customer_merges where survivor_id = ${customerId} or ${customerId}::uuid = any(merged_ids)
         order by created_at`,
  );
  const referred = await rowsOf<{ id: string }>(
    tx,
    sql`select id from customers where referred_by_id = ${customerId} order by created_at`,
  );
  const auditTrail = await rowsOf<Row>(
    tx,
    sql`select at, action, source, actor_label, changes from audit_log
         where entity_type = 'customer' and entity_id = ${customerId} order by id`,
  );
  return {
    customerId,
    exportedAt: new Date().toISOString(),
    profile: plain(shownProfile),
    identities: sections.identities ?? [],
    addresses: sections.addresses ?? [],
    companyLinks: companyLinks.map(plain),
    activities: sections.activities ?? [],
    consentHistory: sections.consentHistory ?? [],
    consentState: sections.consentState ?? [],
    merges: merges.map(plain),
    referrals: {
      referredById: (profile?.referred_by_id as string | null | undefined) ?? null,
      referredCustomerIds: referred.map((r) => r.id),
    },
    dataSubjectRequests: sections.dataSubjectRequests ?? [],
    auditTrail: auditTrail.map(plain),
    otherTables,
  };
}
