import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { validateInput } from '../customers/index.ts';
import {
  type MarketingSpendView,
  toSpendView,
  type UpdateSpendInput,
  updateSpendSchema,
} from './marketing-spend-view.ts';
import { marketingSpend } from './schema.ts';

/** Changes an entry's amount or note. */
export async function updateMarketingSpend(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: UpdateSpendInput,
): Promise<MarketingSpendView> {
  authorize(actor.principal, 'marketing', 'update');
  const input = validateInput(updateSpendSchema, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(marketingSpend).where(eq(marketingSpend.id, id)).for('update');
    if (!before) throw new AppError('not_found');
    const [row] = await tx
      .update(marketingSpend)
      .set({
        ...(input.amountSatang === undefined ? {} : { amountSatang: input.amountSatang }),
        ...(input.note === undefined ? {} : { note: input.note }),
        updatedAt: new Date(),
      })
      .where(eq(marketingSpend.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    const view = toSpendView(row);
    await recordAudit(tx, actor, {
      entityType: 'marketing_spend',
      entityId: id,
      action: 'update',
      before: toSpendView(before),
      after: view,
    });
    return view;
  });
}
