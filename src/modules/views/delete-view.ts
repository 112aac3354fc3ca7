import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { savedViews } from './schema.ts';
import { lockEditableView } from './view-access.ts';

/** Deletes a view; only its owner or an admin may. */
export async function deleteView(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  authorize(actor.principal, 'customers', 'read');
  await db.transaction(async (tx) => {
    const before = await lockEditableView(tx, actor, id);
    await tx.delete(savedViews).where(eq(savedViews.id, id));
    await recordAudit(tx, actor, {
      entityType: 'saved_view',
      entityId: id,
      action: 'delete',
      before: { name: before.name, ownerId: before.ownerId, shared: before.shared },
    });
  });
}
