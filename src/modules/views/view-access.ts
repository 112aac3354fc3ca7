import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { CUSTOMER_SORTS, type CustomerSort } from '../customers/index.ts';
import { savedViews } from './schema.ts';
import type { SavedView, SavedViewRow } from './view-input.ts';

/** Owners and admins look after everyone's views. */
export function isAdmin(actor: Actor): boolean {
  return actor.principal.role === 'owner' || actor.principal.role === 'admin';
}

/** Views the caller may see: their own, their team's shared ones, and (admins) every shared one. */
export function visibleView(actor: Actor, ...conds: (SQL | undefined)[]): SQL | undefined {
  const { userId, teamId } = actor.principal;
  const mine = userId ? eq(savedViews.ownerId, userId) : undefined;
  const shared = isAdmin(actor)
    ? eq(savedViews.shared, true)
    : teamId
      ? and(eq(savedViews.shared, true), eq(savedViews.teamId, teamId))
      : undefined;
  const seen = mine && shared ? or(mine, shared) : (mine ?? shared);
  return and(seen ?? eq(savedViews.id, '00000000-0000-0000-0000-000000000000'), ...conds);
}

export function toView(actor: Actor, row: SavedViewRow): SavedView {
  const mine = row.ownerId === actor.principal.userId;
  const sort = (CUSTOMER_SORTS as readonly string[]).includes(row.sort) ? (row.sort as CustomerSort) : 'created_desc';
  return {
    id: row.id,
    ownerId: row.ownerId,
    teamId: row.teamId,
    name: row.name,
    filters: row.filters,
    sort,
    columns: row.columns,
    shared: row.shared,
    mine,
    editable: mine || isAdmin(actor),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The view locked for a change: not_found when the caller cannot see it, view_not_yours when they may only look. */
export async function lockEditableView(tx: DbOrTx, actor: Actor, id: string): Promise<SavedViewRow> {
  const [row] = await tx
    .select()
    .from(savedViews)
    .where(visibleView(actor, eq(savedViews.id, id)))
    .for('update');
  if (!row) throw new AppError('not_found');
  if (row.ownerId !== actor.principal.userId && !isAdmin(actor)) throw new AppError('view_not_yours');
  return row;
}

/** view_name_taken when the owner already has another view of this name. */
export async function checkNameFree(tx: DbOrTx, ownerId: string, name: string, exceptId?: string): Promise<void> {
  const rows = await tx
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(and(eq(savedViews.ownerId, ownerId), eq(savedViews.name, name)));
  if (rows.some((r) => r.id !== exceptId)) throw new AppError('view_name_taken', { name });
}
