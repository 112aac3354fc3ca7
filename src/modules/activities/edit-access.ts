import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import { roleAllows } from '../../core/auth/roles.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { LOGGED_KINDS } from './activity-kinds.ts';
import type { ActivityRow } from './activity-view.ts';
import { requireVisibleCustomer } from './require-customer.ts';
import { activities } from './schema.ts';

const LOGGED = new Set<string>(LOGGED_KINDS);

/**
 * Loads (and locks) a timeline entry the caller may change: the customer is visible to
 * them (else not_found), the entry is a note, call or meeting (entries written by other
 * modules are a record of what happened), and they logged it or may delete customers.
 */
export async function editableActivity(
  tx: DbOrTx,
  actor: Actor,
  customerId: string,
  activityId: string,
): Promise<ActivityRow> {
  await requireVisibleCustomer(tx, actor, customerId, { write: true });
  const [row] = await tx
    .select()
    .from(activities)
    .where(and(eq(activities.id, activityId), eq(activities.customerId, customerId)))
    .for('update');
  if (!row) throw new AppError('not_found');
  if (!LOGGED.has(row.kind)) throw new AppError('activity_not_editable');
  const author = actor.principal.userId !== null && row.actorUserId === actor.principal.userId;
  if (!author && !roleAllows(actor.principal.role, 'customers', 'delete')) throw new AppError('activity_not_author');
  return row;
}
