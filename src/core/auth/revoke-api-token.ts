import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { emitEvent } from '../events/emit-event.ts';
import { auditableToken, ownedToken } from './api-token-view.ts';
import { andVisible, authorize } from './authorize.ts';
import { credentialsChanged } from './credential-cache.ts';
import type { Actor } from './principal.ts';
import { apiTokens } from './schema.ts';

export async function revokeApiToken(db: Db, actor: Actor, id: string): Promise<void> {
  authorize(actor.principal, 'tokens', 'delete');
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(apiTokens)
      .where(andVisible(actor.principal, 'tokens', ownedToken, eq(apiTokens.id, id)));
    if (!before) throw new AppError('not_found');
    if (before.revokedAt) return;
    const [after] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id)).returning();
    await recordAudit(tx, actor, {
      entityType: 'api_token',
      entityId: id,
      action: 'revoke',
      before: auditableToken(before),
      after: after && auditableToken(after),
    });
    await emitEvent(tx, { topic: 'api_token.revoked', aggregateType: 'api_token', aggregateId: id, payload: {} });
  });
  credentialsChanged();
}
