import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customerIdentities, customers } from '../customers/index.ts';
import type { BatchPlan, PlannedCustomer } from './plan-batch.ts';
import { importRejections } from './schema.ts';
import { uuidV7 } from './uuid-v7.ts';

/** Profile columns an import writes (camelCase field → column). */
const COLUMNS = [
  ['kind', 'kind'],
  ['customerType', 'customer_type'],
  ['displayName', 'display_name'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['firstNameEn', 'first_name_en'],
  ['lastNameEn', 'last_name_en'],
  ['nickname', 'nickname'],
  ['gender', 'gender'],
  ['birthday', 'birthday'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['lineId', 'line_id'],
  ['addressLine', 'address_line'],
  ['subDistrict', 'sub_district'],
  ['district', 'district'],
  ['province', 'province'],
  ['postcode', 'postcode'],
  ['taxId', 'tax_id'],
  ['source', 'source'],
  ['tags', 'tags'],
  ['customFields', 'custom_fields'],
  ['ownerId', 'owner_id'],
  ['teamId', 'team_id'],
  ['searchText', 'search_text'],
] as const;

const INSERT_COLUMNS = sql.raw(['id', ...COLUMNS.map(([, c]) => c)].join(', '));
const UPDATE_SET = sql.raw(
  [
    ...COLUMNS.filter(([f]) => f !== 'ownerId' && f !== 'teamId').map(([, c]) => `${c} = v.${c}`),
    'updated_at = now()',
  ].join(', '),
);

function record(c: PlannedCustomer): Record<string, unknown> {
  const out: Record<string, unknown> = { id: c.id };
  const values = c.values as Record<string, unknown>;
  for (const [field, column] of COLUMNS) out[column] = values[field] ?? null;
  out.kind ??= 'person';
  out.customer_type ??= 'consumer';
  out.tags ??= [];
  out.custom_fields ??= {};
  return out;
}

/**
 * Writes one batch's plan: new profiles, changed profiles, their identifiers and the
 * rejected rows, each as one set-based statement whose rows travel as a single JSON
 * parameter (no parameter limit; the same SQL on PGlite and PostgreSQL). Runs in the
 * caller's transaction.
 *
 * Measured on PostgreSQL 15 (10,000 rows into customers with 100k present): the same
 * INSERT … SELECT from a TEMP table filled by COPY took as long as from the JSON parameter
 * (1.72 vs 1.74 s); the time is the 13 indexes of customers, not getting rows in. A larger
 * gin_pending_list_limit per transaction only defers the GIN merge (whole imports were not
 * faster) and leaves searches a long pending list to scan, so it is not set.
 */
export async function writeBatch(tx: DbOrTx, importId: string, plan: BatchPlan, dryRun: boolean): Promise<void> {
  if (!dryRun) {
    const created = plan.customers.filter((c) => c.isNew).map(record);
    const changed = plan.customers.filter((c) => !c.isNew).map(record);
    if (created.length) {
      await tx.execute(sql`insert into ${customers} (${INSERT_COLUMNS})
        select ${INSERT_COLUMNS} from jsonb_populate_recordset(null::${customers}, ${JSON.stringify(created)}::jsonb)`);
    }
    if (changed.length) {
      await tx.execute(sql`update ${customers} c set ${UPDATE_SET}
        from jsonb_populate_recordset(null::${customers}, ${JSON.stringify(changed)}::jsonb) v where c.id = v.id`);
    }
    if (plan.identities.length) {
      const ids = plan.identities.map((i) => ({
        id: uuidV7(),
        customer_id: i.customerId,
        kind: i.kind,
        system: i.system,
        value: i.value,
        is_primary: i.isPrimary,
      }));
      // A concurrent writer may have taken an identifier since the lookup: it keeps it.
      await tx.execute(sql`insert into ${customerIdentities} (id, customer_id, kind, system, value, is_primary)
        select id, customer_id, kind, system, value, is_primary
        from jsonb_populate_recordset(null::${customerIdentities}, ${JSON.stringify(ids)}::jsonb)
        on conflict (kind, system, value) do nothing`);
    }
  }
  if (plan.rejections.length) {
    const rows = plan.rejections.map((r) => ({ import_id: importId, line: r.line, reason: r.reason, raw: r.raw }));
    await tx.execute(sql`insert into ${importRejections} (import_id, line, reason, raw)
      select import_id, line, reason, raw from jsonb_populate_recordset(null::${importRejections}, ${JSON.stringify(rows)}::jsonb)
      on conflict do nothing`);
  }
}
