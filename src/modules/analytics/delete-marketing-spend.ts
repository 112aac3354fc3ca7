import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { toSpendView } from './marketing-spend-view.ts';
import { marketingSpend } from './schema.ts';

/** Removes an entry. */
export async function deleteMarketingSpend(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  authorize(actor.principal, 'marketing', 'delete');
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(marketingSpend).where(eq(marketingSpend.id, id)).returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      entityType: 'marketing_spend',
      entityId: id,
      action: 'delete',
      before: toSpendView(row),
    });
  });
}
