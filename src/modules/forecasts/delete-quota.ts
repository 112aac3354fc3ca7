import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { authorizeQuotaChange, visibleQuota } from './quota-access.ts';
import { quotas } from './schema.ts';

/** Removes a quota (managers for their team, administrators any); the audit log keeps what it was. */
export async function deleteQuota(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(quotas)
      .where(visibleQuota(tx, actor, eq(quotas.id, id)))
      .for('update');
    if (!before) throw new AppError('not_found');
    await authorizeQuotaChange(tx, actor, before);
    await tx.delete(quotas).where(eq(quotas.id, id));
    await recordAudit(tx, actor, { entityType: 'quota', entityId: id, action: 'delete', before });
    await emitEvent(tx, { topic: 'quotas.deleted', aggregateType: 'quota', aggregateId: id, payload: {} });
  });
}
