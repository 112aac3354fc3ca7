import { recordAudit } from '../audit/record-audit.ts';
import type { DbOrTx } from '../db/database.ts';
import { invalidField } from '../errors/app-error.ts';
import { emitEvent } from '../events/emit-event.ts';
import { auditableToken, type CreateTokenInput, createTokenSchema, toTokenView } from './api-token-view.ts';
import { authorize } from './authorize.ts';
import { assertMayGrant } from './create-user.ts';
import type { Actor } from './principal.ts';
import { apiTokens } from './schema.ts';
import { newApiToken, sha256 } from './secret-tokens.ts';

/** Creates a token; the raw token is returned once and only its hash is stored. */
export async function createApiToken(tx: DbOrTx, actor: Actor, raw: CreateTokenInput) {
  authorize(actor.principal, 'tokens', 'create');
  const input = createTokenSchema.parse(raw);
  assertMayGrant(actor, input.role);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= new Date()) {
    throw invalidField('expiresAt', 'must be in the future', 'ต้องเป็นเวลาในอนาคต');
  }
  const token = newApiToken();
  const [row] = await tx
    .insert(apiTokens)
    .values({
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      role: input.role,
      ownerId: actor.principal.userId,
      teamId: actor.principal.teamId,
      expiresAt,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await recordAudit(tx, actor, {
    entityType: 'api_token',
    entityId: row.id,
    action: 'create',
    after: auditableToken(row),
  });
  await emitEvent(tx, {
    topic: 'api_token.created',
    aggregateType: 'api_token',
    aggregateId: row.id,
    payload: { role: row.role },
  });
  return { token, item: toTokenView(row, actor.principal.type === 'user' ? actor.principal.label : null) };
}
