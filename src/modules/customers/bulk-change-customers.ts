import { inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { resolveOwnership } from './assign-owner.ts';
import { type BulkChangeInput, type BulkResult, bulkChangeSchema } from './bulk-input.ts';
import { type BulkRow, bulkWhere, lockBulkTargets } from './bulk-select.ts';
import { refreshSearchText } from './refresh-search-text.ts';
import { customers } from './schema.ts';
import { validateInput } from './validate-input.ts';

/** A customer holds at most this many tags (as in customer-input.ts). */
const MAX_TAGS = 30;

type Patch = Partial<Pick<BulkRow, 'tags' | 'ownerId' | 'teamId'>>;

/**
 * Adds or removes a tag, or assigns an owner, for many customers in one transaction: only
 * active customers the caller may see and change; each changed one gets its own audit
 * entry and customer.updated event. Bad input or too many rows change nothing.
 */
export async function bulkChangeCustomers(db: DbOrTx, actor: Actor, raw: BulkChangeInput): Promise<BulkResult> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(bulkChangeSchema, raw);
  return db.transaction(async (tx) => {
    const where = await bulkWhere(tx, actor, input);
    const rows = await lockBulkTargets(tx, where);
    const ownership =
      input.action === 'assign_owner' ? await resolveOwnership(tx, actor, input.ownerId ?? null) : undefined;
    let unchanged = 0;
    let full = 0;
    const changes: { row: BulkRow; patch: Patch }[] = [];
    for (const row of rows) {
      let patch: Patch | null = null;
      if (input.action === 'add_tag' && input.tag !== undefined) {
        if (row.tags.includes(input.tag)) patch = null;
        else if (row.tags.length >= MAX_TAGS) {
          full += 1;
          continue;
        } else patch = { tags: [...row.tags, input.tag] };
      } else if (input.action === 'remove_tag' && input.tag !== undefined) {
        patch = row.tags.includes(input.tag) ? { tags: row.tags.filter((t) => t !== input.tag) } : null;
      } else if (ownership) {
        patch =
          row.ownerId === ownership.ownerId && row.teamId === ownership.teamId
            ? null
            : { ownerId: ownership.ownerId, teamId: ownership.teamId };
      }
      if (patch) changes.push({ row, patch });
      else unchanged += 1;
    }
    await applyChanges(tx, actor, input.action, input.tag, ownership, changes);
    const requested = input.ids ? new Set(input.ids).size : rows.length;
    return {
      action: input.action,
      matched: rows.length,
      changed: changes.length,
      unchanged,
      skipped: requested - rows.length + full,
    };
  });
}

async function applyChanges(
  tx: DbOrTx,
  actor: Actor,
  action: BulkResult['action'],
  tag: string | undefined,
  ownership: { ownerId: string | null; teamId: string | null } | undefined,
  changes: { row: BulkRow; patch: Patch }[],
): Promise<void> {
  const ids = changes.map((c) => c.row.id);
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const set =
      action === 'add_tag'
        ? { tags: sql`array_append(${customers.tags}, ${tag}::text)` }
        : action === 'remove_tag'
          ? { tags: sql`array_remove(${customers.tags}, ${tag}::text)` }
          : { ownerId: ownership?.ownerId ?? null, teamId: ownership?.teamId ?? null };
    await tx
      .update(customers)
      .set({ ...set, updatedAt: new Date() })
      .where(inArray(customers.id, chunk));
  }
  // Tags are searchable: the search text follows them.
  if (action !== 'assign_owner') await refreshSearchText(tx, ids);
  const fields = action === 'assign_owner' ? ['ownerId', 'teamId'] : ['tags'];
  for (const { row, patch } of changes) {
    const before = Object.fromEntries(fields.map((f) => [f, row[f as keyof BulkRow]]));
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: row.id,
      action: 'update',
      before,
      after: { ...before, ...patch },
      changes: { bulk: { before: null, after: action } },
    });
    await emitEvent(tx, {
      topic: 'customer.updated',
      aggregateType: 'customer',
      aggregateId: row.id,
      payload: {
        fields,
        ownerId: patch.ownerId === undefined ? row.ownerId : patch.ownerId,
        teamId: patch.teamId === undefined ? row.teamId : patch.teamId,
        bulk: true,
      },
    });
  }
}
