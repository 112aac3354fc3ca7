import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { validateInput } from '../customers/index.ts';
import { checkFilters } from './check-filters.ts';
import { savedViews } from './schema.ts';
import { checkNameFree, lockEditableView, toView } from './view-access.ts';
import { type SavedView, type UpdateViewInput, updateViewSchema } from './view-input.ts';

const audited = (row: typeof savedViews.$inferSelect) => ({
  name: row.name,
  filters: row.filters,
  sort: row.sort,
  columns: row.columns,
  shared: row.shared,
});

/** Renames or changes a view; only its owner or an admin may. */
export async function updateView(db: DbOrTx, actor: Actor, id: string, raw: UpdateViewInput): Promise<SavedView> {
  authorize(actor.principal, 'customers', 'read');
  const input = validateInput(updateViewSchema, raw);
  const filters = input.filters === undefined ? undefined : checkFilters(input.filters);
  return db.transaction(async (tx) => {
    const before = await lockEditableView(tx, actor, id);
    if (input.name !== undefined && input.name !== before.name) {
      await checkNameFree(tx, before.ownerId, input.name, id);
    }
    // The owner re-sharing a view shares it with the team they are in now.
    const teamId = before.ownerId === actor.principal.userId ? actor.principal.teamId : before.teamId;
    const [after] = await tx
      .update(savedViews)
      .set({
        ...input,
        ...(filters === undefined ? {} : { filters }),
        teamId,
        updatedAt: new Date(),
      })
      .where(eq(savedViews.id, id))
      .returning();
    if (!after) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      entityType: 'saved_view',
      entityId: id,
      action: 'update',
      before: audited(before),
      after: audited(after),
    });
    return toView(actor, after);
  });
}
