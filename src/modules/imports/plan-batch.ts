import type { DbOrTx } from '../../core/db/database.ts';
import {
  customerSearchText,
  deriveDisplayName,
  IDENTIFIER_KINDS,
  type Identifier,
  identifierKey,
  matchRule,
} from '../customers/index.ts';
import { type CustomerRow, loadBatchOwners } from './batch-owners.ts';
import { checkImportedCustomFields } from './custom-field-cells.ts';
import { type ImportContext, maysee, ownerFor } from './import-context.ts';
import type { MappedRow, ProfileFields, RejectedRow, RowResult } from './map-row.ts';
import { uuidV7 } from './uuid-v7.ts';

/** A profile this batch creates or changes, with its identifiers after the batch. */
export interface PlannedCustomer {
  id: string;
  isNew: boolean;
  values: Partial<CustomerRow> & { displayName: string };
  identifiers: Identifier[];
  /** search_text computed before the transaction (prepareRow), valid while no other row changes this profile. */
  searchText?: string | undefined;
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

/** The name a row gives a profile it creates; undefined when it has none. */
function newProfileName(row: MappedRow): string | undefined {
  return row.fields.displayName ?? deriveDisplayName(row.fields) ?? undefined;
}

/**
 * Work on a row that needs no database, done before its batch's transaction (while the
 * previous batch is being written): the search_text of the profile it would create on its
 * own. planBatch uses it when the row does create that profile and no later row of the batch changes it.
 */
export function prepareRow(row: MappedRow): void {
  const displayName = newProfileName(row);
  if (displayName) row.searchText = customerSearchText({ ...row.fields, displayName }, byTrust(row.identifiers));
}

/**
 * Identity resolution for a batch of rows, in bulk: one lookup of every identifier in the
 * batch, then each row in file order is matched by its most trusted identifier (the order
 * of IDENTIFIER_KINDS) against existing profiles and the rows before it, so rows sharing
 * an identifier become one profile. Identifiers another profile holds are never taken.
 * Custom field cells are checked by the customers module's own rules; a bad one rejects its row.
 */
export async function planBatch(tx: DbOrTx, ctx: ImportContext, results: RowResult[]): Promise<BatchPlan> {
  const plan: BatchPlan = {
    customers: [],
    identities: [],
    rejections: [],
    outcomes: [],
    counts: { created: 0, updated: 0, skipped: 0, rejected: 0 },
  };
  const allKeys = new Map<string, Identifier>();
  for (const r of results) if (r.ok) for (const id of r.row.identifiers) allKeys.set(identifierKey(id), id);
  const { holder, existing, existingIdentities } = await loadBatchOwners(
    tx,
    [...allKeys.values()],
    ctx.onMatch === 'update',
  );
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
      if (holder.has(key)) {
        if (holder.get(key) !== customer.id) customer.searchText = undefined;
        continue;
      }
      holder.set(key, customer.id);
      plan.identities.push({ ...id, customerId: customer.id, isPrimary: !kinds.has(id.kind) });
      kinds.add(id.kind);
      customer.identifiers.push(id);
    }
  };
  /** The row's fields and its custom field cells checked (merged over `previous`), or undefined when rejected. */
  const checkedFields = async (row: MappedRow, kind: string | undefined, previous?: Record<string, unknown>) => {
    const checked = await checkImportedCustomFields(ctx.customFields, kind, row.fields.customFields, previous);
    if (!checked) return { fields: row.fields };
    if (checked.ok) return { fields: { ...row.fields, customFields: undefined }, customFields: checked.value };
    reject(row, checked.en, checked.th);
    return undefined;
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
      const current = target?.values ?? before;
      const checked = await checkedFields(row, row.fields.kind ?? current?.kind, current?.customFields ?? {});
      if (!checked) continue;
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
      target.searchText = undefined;
      const hadDerivedName = target.values.displayName === deriveDisplayName(target.values);
      applyFields(target.values, withoutForeignContacts(checked.fields, ids, holder, customerId));
      if (checked.customFields) target.values.customFields = checked.customFields;
      if (row.fields.displayName === undefined && hadDerivedName) {
        target.values.displayName = deriveDisplayName(target.values) ?? target.values.displayName;
      }
      attach(target, ids);
      plan.counts.updated++;
      plan.outcomes.push({ line: row.line, action: 'update', customerId, matchedBy: rule });
      continue;
    }
    const displayName = newProfileName(row);
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
    const checked = await checkedFields(row, row.fields.kind);
    if (!checked) continue;
    const values: PlannedCustomer['values'] = { displayName, source: 'import', ...owner };
    applyFields(values, checked.fields);
    if (checked.customFields) values.customFields = checked.customFields;
    values.displayName = row.fields.displayName ?? displayName;
    const created: PlannedCustomer = {
      id: uuidV7(),
      isNew: true,
      values,
      identifiers: [],
      searchText: row.searchText,
    };
    planned.set(created.id, created);
    plan.customers.push(created);
    attach(created, ids);
    plan.counts.created++;
    plan.outcomes.push({ line: row.line, action: 'create', customerId: created.id });
  }
  for (const c of plan.customers) {
    c.values.searchText = c.searchText ?? customerSearchText(c.values, c.identifiers);
  }
  return plan;
}
