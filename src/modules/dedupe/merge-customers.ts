import { eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError, invalidField } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { recordActivities } from '../activities/index.ts';
import {
  type CustomerView,
  customers,
  refreshSearchText,
  toCustomerView,
  validateInput,
  visibleCustomer,
} from '../customers/index.ts';
import { type MergeCustomersInput, mergeCustomersSchema } from './dedupe-input.ts';
import { MERGE_GRACE_DAYS } from './errors.ts';
import { lockCustomers } from './lock-customers.ts';
import { type ChoiceKey, mergeFields } from './merge-fields.ts';
import { moveRowsToSurvivor } from './move-customer-rows.ts';
import { auditable, changedColumns, profileImages } from './profile-images.ts';
import { customerMerges } from './schema.ts';

export interface MergeResult {
  mergeId: string;
  survivor: CustomerView;
  mergedIds: string[];
  fieldChoices: Record<string, string>;
  /** Rows moved to the survivor, per table. */
  moved: Record<string, number>;
  undoUntil: string;
}

/** Which identity is primary follows the survivor's chosen email, phone and LINE id. */
async function syncPrimaryIdentities(tx: DbOrTx, row: typeof customers.$inferSelect): Promise<void> {
  const primaries: [string, string | null][] = [
    ['email', row.email],
    ['phone', row.phone],
    ['line', row.lineId],
  ];
  for (const [kind, value] of primaries) {
    if (!value) continue;
    await tx.execute(sql`update customer_identities set is_primary = (value = ${value})
      where customer_id = ${row.id} and kind = ${kind}
        and exists (select 1 from customer_identities
                     where customer_id = ${row.id} and kind = ${kind} and value = ${value})`);
  }
}

/**
 * Folds profiles into a survivor in one transaction: field values chosen per field,
 * every row that belongs to a merged profile moved (recorded for unmerge), merged
 * profiles kept as tombstones for the grace period. All involved profiles are locked in
 * id order first, so two merges of the same profile serialise instead of deadlocking, and
 * the second sees the first's result and refuses.
 */
export async function mergeCustomers(db: DbOrTx, actor: Actor, raw: MergeCustomersInput): Promise<MergeResult> {
  authorize(actor.principal, 'customers', 'update');
  authorize(actor.principal, 'customers', 'delete');
  const input = validateInput(mergeCustomersSchema, raw);
  const { survivorId, mergedIds } = input;
  if (mergedIds.includes(survivorId)) throw new AppError('merge_into_itself');
  if (new Set(mergedIds).size !== mergedIds.length) throw new AppError('merge_duplicate_ids');
  const involved = [survivorId, ...mergedIds];
  const requested = (input.fieldChoices ?? {}) as Partial<Record<ChoiceKey, string>>;
  for (const [key, id] of Object.entries(requested)) {
    if (id && !involved.includes(id)) {
      throw invalidField(
        `fieldChoices.${key}`,
        'must be the id of one of the profiles being merged',
        'ต้องเป็นรหัสของโปรไฟล์ที่กำลังรวม',
      );
    }
  }
  return db.transaction(async (tx) => {
    await lockCustomers(tx, involved);
    const rows = await tx
      .select()
      .from(customers)
      .where(visibleCustomer(actor, inArray(customers.id, involved)));
    if (rows.length !== involved.length) throw new AppError('not_found');
    for (const row of rows) {
      if (row.status !== 'active') throw new AppError('merge_profile_inactive', { id: row.id });
    }
    const survivor = rows.find((r) => r.id === survivorId);
    if (!survivor) throw new AppError('not_found');
    const merged = mergedIds.map((id) => rows.find((r) => r.id === id)).filter((r) => r !== undefined);
    const images = await profileImages(tx, involved);
    const { values, choices } = mergeFields(survivor, merged, requested);

    const moved = await moveRowsToSurvivor(tx, survivorId, mergedIds);
    const now = new Date();
    const tombstones = await tx
      .update(customers)
      .set({
        status: 'merged',
        mergedIntoId: survivorId,
        email: null,
        phone: null,
        lineId: null,
        searchText: '',
        updatedAt: now,
      })
      .where(inArray(customers.id, mergedIds))
      .returning();
    await tx
      .update(customers)
      .set({ ...values, updatedAt: now })
      .where(eq(customers.id, survivorId));
    const [afterFields] = await tx.select().from(customers).where(eq(customers.id, survivorId));
    if (!afterFields) throw new AppError('not_found');
    await syncPrimaryIdentities(tx, afterFields);
    await refreshSearchText(tx, [survivorId]);

    const afterImage = (await profileImages(tx, [survivorId]))[survivorId] ?? {};
    const changed = changedColumns(images[survivorId] ?? {}, afterImage);
    const undoUntil = new Date(now.getTime() + MERGE_GRACE_DAYS * 86_400_000);
    const [merge] = await tx
      .insert(customerMerges)
      .values({
        survivorId,
        mergedIds,
        fieldChoices: choices,
        snapshot: {
          version: 1,
          profiles: images,
          changedColumns: changed,
          survivorAfter: Object.fromEntries(changed.map((c) => [c, afterImage[c] ?? null])),
          ...moved,
        },
        actorUserId: actor.principal.userId,
        undoUntil,
      })
      .returning({ id: customerMerges.id });
    if (!merge) throw new Error('insert returned no row');

    const movedCounts: Record<string, number> = {};
    for (const m of moved.moved) movedCounts[m.table] = (movedCounts[m.table] ?? 0) + m.rows.length;
    const names = merged.map((r) => r.displayName);
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: survivorId,
      action: 'merge',
      before: auditable(survivor),
      after: auditable(afterFields),
      changes: { mergedIds: { before: null, after: mergedIds }, mergeId: { before: null, after: merge.id } },
    });
    for (const t of tombstones) {
      const before = merged.find((r) => r.id === t.id);
      await recordAudit(tx, actor, {
        entityType: 'customer',
        entityId: t.id,
        action: 'merge',
        before: before ? auditable(before) : null,
        after: auditable(t),
        changes: { mergeId: { before: null, after: merge.id } },
      });
    }
    await emitEvent(tx, {
      topic: 'customer.merged',
      aggregateType: 'customer',
      aggregateId: survivorId,
      payload: { mergeId: merge.id, survivorId, mergedIds, moved: movedCounts },
    });
    await recordActivities(tx, [
      {
        customerId: survivorId,
        kind: 'merge',
        subject: `รวมโปรไฟล์: ${names.join(', ')} / Merged profiles: ${names.join(', ')}`,
        refType: 'customer_merge',
        refId: merge.id,
        data: { action: 'merge', mergeId: merge.id, mergedIds, mergedNames: names, moved: movedCounts },
        actorUserId: actor.principal.userId,
      },
    ]);
    const [final] = await tx.select().from(customers).where(eq(customers.id, survivorId));
    if (!final) throw new AppError('not_found');
    return {
      mergeId: merge.id,
      survivor: toCustomerView(final),
      mergedIds,
      fieldChoices: choices,
      moved: movedCounts,
      undoUntil: undoUntil.toISOString(),
    };
  });
}
