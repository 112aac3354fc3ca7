import { eq } from 'drizzle-orm';
import { diffFields, recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { authorizeQuotaChange, visibleQuota } from './quota-access.ts';
import { type UpdateQuotaInput, updateQuotaSchema } from './quota-input.ts';
import { type QuotaView, toQuotaView } from './quota-view.ts';
import { quotas } from './schema.ts';

/** Changes a quota's amounts (its assignee and period stay: delete and set another for those). */
export async function updateQuota(db: DbOrTx, actor: Actor, id: string, raw: UpdateQuotaInput): Promise<QuotaView> {
  const input = validateInput(updateQuotaSchema, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(quotas)
      .where(visibleQuota(tx, actor, eq(quotas.id, id)))
      .for('update');
    if (!before) throw new AppError('not_found');
    const names = await authorizeQuotaChange(tx, actor, before);
    const [row] = await tx
      .update(quotas)
      .set({
        ...(input.amountSatang !== undefined ? { amountSatang: input.amountSatang } : {}),
        ...(input.dealCount !== undefined ? { dealCount: input.dealCount } : {}),
        updatedAt: new Date(),
      })
      .where(eq(quotas.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    const changes = diffFields(before, row);
    await recordAudit(tx, actor, { entityType: 'quota', entityId: id, action: 'update', changes });
    await emitEvent(tx, {
      topic: 'quotas.updated',
      aggregateType: 'quota',
      aggregateId: id,
      payload: { fields: Object.keys(changes) },
    });
    return toQuotaView(row, names);
  });
}
