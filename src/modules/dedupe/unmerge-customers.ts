import { eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { recordActivities } from '../activities/index.ts';
import {
  type CustomerView,
  customers,
  refreshSearchText,
  toCustomerView,
  visibleCustomer,
} from '../customers/index.ts';
import { MERGE_GRACE_DAYS } from './errors.ts';
import { lockCustomers } from './lock-customers.ts';
import { type MovedSnapshot, moveRowsBack } from './move-customer-rows.ts';
import { auditable, BOOKKEEPING_COLUMNS, profileImages, restoreColumns } from './profile-images.ts';
import { customerMerges } from './schema.ts';

interface MergeSnapshot extends MovedSnapshot {
  version: 1;
  profiles: Record<string, Record<string, unknown>>;
  changedColumns: string[];
  survivorAfter: Record<string, unknown>;
}

export interface UnmergeResult {
  mergeId: string;
  survivor: CustomerView;
  restored: CustomerView[];
  /** Rows moved back per table; `missing` rows had left the survivor since (deleted or moved on). */
  movedBack: { table: string; moved: number; missing: number }[];
  /** Survivor fields the merge changed that were restored to their earlier values. */
  restoredFields: string[];
  /** Survivor fields changed again after the merge: their current values were kept. */
  keptFields: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Undoes a merge within its grace period: the merged profiles come back, exactly the rows
 * that moved (and are still on the survivor) move back, and survivor fields the merge
 * changed return to their earlier values unless someone has changed them since.
 */
export async function unmergeCustomers(db: DbOrTx, actor: Actor, mergeId: string): Promise<UnmergeResult> {
  authorize(actor.principal, 'customers', 'update');
  authorize(actor.principal, 'customers', 'delete');
  return db.transaction(async (tx) => {
    const [found] = await tx.select().from(customerMerges).where(eq(customerMerges.id, mergeId));
    if (!found) throw new AppError('not_found');
    await lockCustomers(tx, [found.survivorId, ...found.mergedIds]);
    const [merge] = await tx.select().from(customerMerges).where(eq(customerMerges.id, mergeId)).for('update');
    if (!merge) throw new AppError('not_found');
    const [visible] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(visibleCustomer(actor, eq(customers.id, merge.survivorId)));
    if (!visible) throw new AppError('not_found');
    if (merge.undoneAt) throw new AppError('unmerge_already_undone');
    const snapshot = merge.snapshot as MergeSnapshot | null;
    if (!snapshot || merge.undoUntil.getTime() <= Date.now()) {
      throw new AppError('unmerge_expired', { days: MERGE_GRACE_DAYS });
    }
    const rows = await tx
      .select()
      .from(customers)
      .where(inArray(customers.id, [merge.survivorId, ...merge.mergedIds]));
    const survivor = rows.find((r) => r.id === merge.survivorId);
    if (survivor?.status !== 'active') throw new AppError('unmerge_survivor_inactive');
    for (const id of merge.mergedIds) {
      const row = rows.find((r) => r.id === id);
      if (row?.status !== 'merged' || row.mergedIntoId !== merge.survivorId) {
        throw new AppError('unmerge_profile_changed', { id });
      }
    }

    const movedBack = await moveRowsBack(tx, merge.survivorId, merge.mergedIds, snapshot);
    for (const id of merge.mergedIds) {
      const image = snapshot.profiles[id];
      if (!image) continue;
      await restoreColumns(
        tx,
        id,
        image,
        Object.keys(image).filter((c) => !BOOKKEEPING_COLUMNS.has(c)),
      );
      await tx.update(customers).set({ updatedAt: new Date() }).where(eq(customers.id, id));
      await refreshSearchText(tx, [id]);
    }
    const current = (await profileImages(tx, [merge.survivorId]))[merge.survivorId] ?? {};
    const restoredFields: string[] = [];
    const keptFields: string[] = [];
    for (const col of snapshot.changedColumns) {
      (same(current[col], snapshot.survivorAfter[col]) ? restoredFields : keptFields).push(col);
    }
    const before = snapshot.profiles[merge.survivorId] ?? {};
    await restoreColumns(tx, merge.survivorId, before, restoredFields);
    await tx.update(customers).set({ updatedAt: new Date() }).where(eq(customers.id, merge.survivorId));
    await refreshSearchText(tx, [merge.survivorId]);
    await tx
      .update(customerMerges)
      .set({ undoneAt: new Date(), undoneBy: actor.principal.userId })
      .where(eq(customerMerges.id, mergeId));

    const after = await tx
      .select()
      .from(customers)
      .where(inArray(customers.id, [merge.survivorId, ...merge.mergedIds]));
    const survivorAfter = after.find((r) => r.id === merge.survivorId);
    if (!survivorAfter) throw new AppError('not_found');
    const restored = merge.mergedIds.map((id) => after.find((r) => r.id === id)).filter((r) => r !== undefined);
    const facts = { mergeId: { before: merge.id, after: null }, keptFields: { before: null, after: keptFields } };
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: merge.survivorId,
      action: 'unmerge',
      before: auditable(survivor),
      after: auditable(survivorAfter),
      changes: facts,
    });
    for (const r of restored) {
      const was = rows.find((x) => x.id === r.id);
      await recordAudit(tx, actor, {
        entityType: 'customer',
        entityId: r.id,
        action: 'unmerge',
        before: was ? auditable(was) : null,
        after: auditable(r),
        changes: { mergeId: facts.mergeId },
      });
    }
    await emitEvent(tx, {
      topic: 'customer.unmerged',
      aggregateType: 'customer',
      aggregateId: merge.survivorId,
      payload: { mergeId: merge.id, survivorId: merge.survivorId, restoredIds: merge.mergedIds, keptFields },
    });
    const names = restored.map((r) => r.displayName);
    await recordActivities(tx, [
      {
        customerId: merge.survivorId,
        kind: 'merge',
        subject: `ยกเลิกการรวมโปรไฟล์: ${names.join(', ')} / Merge undone: ${names.join(', ')}`,
        refType: 'customer_merge',
        refId: merge.id,
        data: { action: 'unmerge', mergeId: merge.id, restoredIds: merge.mergedIds, keptFields },
        actorUserId: actor.principal.userId,
      },
    ]);
    return {
      mergeId: merge.id,
      survivor: toCustomerView(survivorAfter),
      restored: restored.map(toCustomerView),
      movedBack,
      restoredFields,
      keptFields,
    };
  });
}
