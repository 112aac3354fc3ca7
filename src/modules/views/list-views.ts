import { asc } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { savedViews } from './schema.ts';
import { toView, visibleView } from './view-access.ts';
import type { SavedView } from './view-input.ts';

/** The caller's saved views of the customer list, then those shared with them, by name. */
export async function listViews(db: DbOrTx, actor: Actor): Promise<{ items: SavedView[] }> {
  authorize(actor.principal, 'customers', 'read');
  const rows = await db
    .select()
    .from(savedViews)
    .where(visibleView(actor))
    .orderBy(asc(savedViews.name), asc(savedViews.id))
    .limit(500);
  const items = rows.map((row) => toView(actor, row));
  // Own views first: they are the ones the user works with.
  items.sort((a, b) => Number(b.mine) - Number(a.mine));
  return { items };
}
