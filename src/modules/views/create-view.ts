import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { validateInput } from '../customers/index.ts';
import { checkFilters } from './check-filters.ts';
import { savedViews } from './schema.ts';
import { checkNameFree, toView } from './view-access.ts';
import { type CreateViewInput, createViewSchema, MAX_VIEWS_PER_USER, type SavedView } from './view-input.ts';

/** Saves the list's current filters, sort and columns as a view of the caller's. */
export async function createView(db: DbOrTx, actor: Actor, raw: CreateViewInput): Promise<SavedView> {
  authorize(actor.principal, 'customers', 'read');
  const input = validateInput(createViewSchema, raw);
  const ownerId = actor.principal.userId;
  if (!ownerId) throw new AppError('forbidden', { module: 'views', action: 'create' });
  const filters = checkFilters(input.filters);
  return db.transaction(async (tx) => {
    await checkNameFree(tx, ownerId, input.name);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(savedViews)
      .where(eq(savedViews.ownerId, ownerId));
    if ((count?.n ?? 0) >= MAX_VIEWS_PER_USER) throw new AppError('view_limit_reached', { limit: MAX_VIEWS_PER_USER });
    const [row] = await tx
      .insert(savedViews)
      .values({ ...input, filters, ownerId, teamId: actor.principal.teamId })
      .returning();
    if (!row) throw new AppError('internal');
    await recordAudit(tx, actor, {
      entityType: 'saved_view',
      entityId: row.id,
      action: 'create',
      after: { name: row.name, filters: row.filters, sort: row.sort, shared: row.shared },
    });
    return toView(actor, row);
  });
}
