import { and, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { imports } from './schema.ts';

export type ImportRow = typeof imports.$inferSelect;

/**
 * Imports are visible to whoever started them; owners and admins (and the command line)
 * see all. Another user's import does not exist for the caller (404).
 */
export function importVisibility(actor: Actor): SQL | undefined {
  const { principal } = actor;
  if (principal.type === 'system' || principal.role === 'owner' || principal.role === 'admin') return undefined;
  return principal.userId
    ? eq(imports.actorUserId, principal.userId)
    : eq(imports.id, '00000000-0000-0000-0000-000000000000');
}

export async function visibleImport(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<ImportRow> {
  const query = db
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), importVisibility(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  return row;
}
