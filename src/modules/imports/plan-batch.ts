import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import {
  customerIdentities,
  customerSearchText,
  customers,
  deriveDisplayName,
  IDENTIFIER_KINDS,
  type Identifier,
  identifierKey,
  matchRule,
} from '../customers/index.ts';
import { type ImportContext, maysee, ownerFor } from './import-context.ts';
import type { MappedRow, ProfileFields, RejectedRow, RowResult } from './map-row.ts';

type CustomerRow = typeof customers.$inferSelect;

/** A profile this batch creates or changes, with its identifiers after the batch. */
export interface PlannedCustomer {
  id: string;
  isNew: boolean;
  values: Partial<CustomerRow> & { displayName: string };
  identifiers: Identifier[];
}

export interface PlannedIdentity extends Identifier {
  customerId: string;
  isPrimary: boolean;
}

export type RowAction = 'create' | 'update' | 'skip' | 'reject';

export interface RowOutcome {
  line: number;
  action: RowAction;
  customerId?: string;
  /** The identifier rule that matched an existing profile, e.g. "phone". */
  matchedBy?: string;
  reason?: string;
}

export interface BatchPlan {
  customers: PlannedCustomer[];
  identities: PlannedIdentity[];
  rejections: RejectedRow[];
  outcomes: RowOutcome[];
  counts: { created: number; updated: number; skipped: number; rejected: number };
}

const TRUST = new Map<string, number>(IDENTIFIER_KINDS.map((k, i) => [k, i]));

function byTrust(ids: Identifier[]): Identifier[] {
  const seen = new Set<string>();
  const unique = ids.filter((id) => {
    const key = identifierKey(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => (TRUST.get(a.kind) ?? 99) - (TRUST.get(b.kind) ?? 99));
}

/** Fills or overwrites the mapped fields; tags and custom fields are added to, not replaced. */
function applyFields(target: Partial<CustomerRow>, fields: ProfileFields): void {
  const { tags, customFields, birthday, ...plain } = fields;
  Object.assign(target, plain);
  if (birthday !== undefined) target.birthday = birthday;
  if (tags) target.tags = [...new Set([...(target.tags ?? []), ...tags])];
  if (customFields) target.customFields = { ...(target.customFields ?? {}), ...customFields };
}

const CONTACT_FIELD: Partial<Record<Identifier['kind'], 'email' | 'phone' | 'lineId'>> = {
  email: 'email',
  phone: 'phone',
  line: 'lineId',
};

/** The row's fields without primary contacts (email, phone, LINE) that another profile holds. */
function withoutForeignContacts(
  fields: ProfileFields,
  ids: Identifier[],
  holder: Map<string, string>,
  customerId: string,
): ProfileFields {
  let out = fields;
  for (const id of ids) {
    const field = CONTACT_FIELD[id.kind];
    const owner = holder.get(identifierKey(id));
    if (field && owner !== undefined && owner !== customerId) {
      if (out === fields) out = { ...fields };
      delete out[field];
    }
  }
  return out;
}

interface Owned {
  customerId: string;
}

/** Who holds each identifier of the batch now (merged profiles forward to their survivor). */
async function currentOwners(tx: DbOrTx, keys: Identifier[]): Promise<Map<string, Owned>> {
  const owners = new Map<string, Owned>();
  if (keys.length === 0) return owners;
  const result = await tx.execute(sql`
    select i.kind, i.system, i.value,
           case when c.status = 'merged' and c.merged_into_id is not null then c.merged_into_id else c.id end as customer_id
    from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(kind text, system text, value text)
    join ${customerIdentities} i on i.kind = k.kind and i.system = k.system and i.value = k.value
    join ${customers} c on c.id = i.customer_id`);
  const { rows } = result as unknown as {
    rows: { kind: string; system: string; value: string; customer_id: string }[];
  };
  for (const r of rows as { kind: string; system: string; value: string; customer_id: string }[]) {
    owners.set(identifierKey({ kind: r.kind as Identifier['kind'], system: r.system, value: r.value }), {
      customerId: r.customer_id,
    });
  }
  return owners;
}

/**
 * Identity resolution for a batch of rows, in bulk: one lookup of every identifier in the
 * batch, then each row in file order is matched by its most trusted identifier (the order
 * of IDENTIFIER_KINDS) against existing profiles and the rows before it, so rows sharing
 * an identifier become one profile. Identifiers another profile holds are never taken.
 */
export async function planBatch(tx: DbOrTx, ctx: ImportContext, results: RowResult[]): Promise<BatchPlan> {
  const plan: BatchPlan = {
    customers: [],
    identities: [],
    rejections: [],
    outcomes: [],
    counts: { created: 0, updated: 0, skipped: 0, rejected: 0 },
  };
  const rows = results.flatMap((r) => (r.ok ? [r.row] : []));
  const allKeys = new Map<string, Identifier>();
  for (const row of rows) for (const id of row.identifiers) allKeys.set(identifierKey(id), id);
  const owners = await currentOwners(tx, [...allKeys.values()]);
  const existingIds = [...new Set([...owners.values()].map((o) => o.customerId))];
  const existing = new Map<string, CustomerRow>();
  const existingIdentities = new Map<string, Identifier[]>();
  if (existingIds.length) {
    for (const c of await tx.select().from(customers).where(inArray(customers.id, existingIds))) existing.set(c.id, c);
    if (ctx.onMatch === 'update') {
      const ids = await tx
        .select({
          customerId: customerIdentities.customerId,
          kind: customerIdentities.kind,
          system: customerIdentities.system,
          value: customerIdentities.value,
        })
        .from(customerIdentities)
        .where(inArray(customerIdentities.customerId, existingIds));
      for (const i of ids) {
        const list = existingIdentities.get(i.customerId) ?? [];
        list.push({ kind: i.kind as Identifier['kind'], system: i.system, value: i.value });
        existingIdentities.set(i.customerId, list);
      }
    }
  }
  const holder = new Map<string, string>();
  for (const [key, o] of owners) holder.set(key, o.customerId);
  const planned = new Map<string, PlannedCustomer>();

  const reject = (row: MappedRow | RejectedRow, en: string, th: string) => {
    const rejected = 'reason' in row ? row : { line: row.line, reason: `${en} / ${th}`, raw: row.raw() };
    plan.rejections.push(rejected);
    plan.outcomes.push({ line: row.line, action: 'reject', reason: rejected.reason });
    plan.counts.rejected++;
  };
  const attach = (customer: PlannedCustomer, ids: Identifier[]) => {
    const kinds = new Set(customer.identifiers.map((i) => i.kind));
    for (const id of ids) {
      const key = identifierKey(id);
      if (holder.has(key)) continue;
      holder.set(key, customer.id);
      plan.identities.push({ ...id, customerId: customer.id, isPrimary: !kinds.has(id.kind) });
      kinds.add(id.kind);
      customer.identifiers.push(id);
    }
  };

  for (const result of results) {
    if (!result.ok) {
      reject(result.rejected, '', '');
      continue;
    }
    const row = result.row;
    const ids = byTrust(row.identifiers);
    const match = ids.find((id) => holder.has(identifierKey(id)));
    if (match) {
      const customerId = holder.get(identifierKey(match)) as string;
      const before = existing.get(customerId);
      const rule = matchRule(match);
      if (before && (before.status === 'erased' || !maysee(ctx.actor, before))) {
        reject(
          row,
          `${rule}: already belongs to a customer outside your records`,
          `${rule}: เป็นของลูกค้าที่อยู่นอกขอบเขตข้อมูลของคุณ`,
        );
        continue;
      }
      if (ctx.onMatch === 'skip') {
        plan.counts.skipped++;
        plan.outcomes.push({ line: row.line, action: 'skip', customerId, matchedBy: rule });
        continue;
      }
      let target = planned.get(customerId);
      if (!target && before) {
        target = {
          id: customerId,
          isNew: false,
          values: { ...before },
          identifiers: [...(existingIdentities.get(customerId) ?? [])],
        };
        planned.set(customerId, target);
        plan.customers.push(target);
      }
      if (!target) throw new Error(`matched customer ${customerId} not loaded`);
      const hadDerivedName = target.values.displayName === deriveDisplayName(target.values);
      applyFields(target.values, withoutForeignContacts(row.fields, ids, holder, customerId));
      if (row.fields.displayName === undefined && hadDerivedName) {
        target.values.displayName = deriveDisplayName(target.values) ?? target.values.displayName;
      }
      attach(target, ids);
      plan.counts.updated++;
      plan.outcomes.push({ line: row.line, action: 'update', customerId, matchedBy: rule });
      continue;
    }
    const displayName = row.fields.displayName ?? deriveDisplayName(row.fields);
    if (!displayName) {
      reject(
        row,
        'displayName: a new customer needs a name (display name, first name, English name or nickname)',
        'displayName: ลูกค้าใหม่ต้องมีชื่อ (ชื่อที่แสดง ชื่อ ชื่อภาษาอังกฤษ หรือชื่อเล่น)',
      );
      continue;
    }
    const owner = ownerFor(ctx, row.ownerEmail);
    if ('en' in owner) {
      reject(row, owner.en, owner.th);
      continue;
    }
    const values: PlannedCustomer['values'] = { displayName, source: 'import', ...owner };
    applyFields(values, row.fields);
    values.displayName = row.fields.displayName ?? displayName;
    const created: PlannedCustomer = { id: randomUUID(), isNew: true, values, identifiers: [] };
    planned.set(created.id, created);
    plan.customers.push(created);
    attach(created, ids);
    plan.counts.created++;
    plan.outcomes.push({ line: row.line, action: 'create', customerId: created.id });
  }
  for (const c of plan.customers) {
    c.values.searchText = customerSearchText(c.values, c.identifiers);
  }
  return plan;
}
