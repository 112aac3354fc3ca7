import { z } from '@hono/zod-openapi';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db, DbOrTx } from '../db/database.ts';
import { AppError, invalidField } from '../errors/app-error.ts';
import { emitEvent } from '../events/emit-event.ts';
import { decodeCursor, type Page, toPage } from '../http/pagination.ts';
import { andVisible, authorize } from './authorize.ts';
import { assertMayGrant } from './create-user.ts';
import { credentialsChanged } from './credential-cache.ts';
import type { Actor } from './principal.ts';
import { apiTokens, users } from './schema.ts';
import { newApiToken, sha256 } from './secret-tokens.ts';
import { roleSchema } from './user-input.ts';

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    role: roleSchema,
    expiresAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('CreateApiToken');
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const tokenViewSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    prefix: z.string(),
    role: z.string(),
    ownerId: z.string().uuid().nullable(),
    ownerName: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');
export type TokenView = z.infer<typeof tokenViewSchema>;

const owned = { ownerId: apiTokens.ownerId, teamId: apiTokens.teamId };

function toView(row: typeof apiTokens.$inferSelect, ownerName: string | null): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    ownerId: row.ownerId,
    ownerName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

function auditable(row: typeof apiTokens.$inferSelect) {
  const { tokenHash: _h, lastUsedAt: _l, createdAt: _c, ...rest } = row;
  return rest;
}

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
  await recordAudit(tx, actor, { entityType: 'api_token', entityId: row.id, action: 'create', after: auditable(row) });
  await emitEvent(tx, {
    topic: 'api_token.created',
    aggregateType: 'api_token',
    aggregateId: row.id,
    payload: { role: row.role },
  });
  return { token, item: toView(row, actor.principal.type === 'user' ? actor.principal.label : null) };
}

export async function listApiTokens(
  db: DbOrTx,
  actor: Actor,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<TokenView>> {
  authorize(actor.principal, 'tokens', 'read');
  const after = decodeCursor(input.cursor, 2);
  const keyset = after
    ? or(
        lt(apiTokens.createdAt, new Date(String(after[0]))),
        and(eq(apiTokens.createdAt, new Date(String(after[0]))), lt(apiTokens.id, String(after[1]))),
      )
    : undefined;
  const rows = await db
    .select({ token: apiTokens, ownerName: users.name })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.ownerId))
    .where(andVisible(actor.principal, 'tokens', owned, keyset))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(input.limit + 1);
  return toPage(
    rows.map((r) => toView(r.token, r.ownerName)),
    input.limit,
    (t) => [t.createdAt, t.id],
  );
}

export async function revokeApiToken(db: Db, actor: Actor, id: string): Promise<void> {
  authorize(actor.principal, 'tokens', 'delete');
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(apiTokens)
      .where(andVisible(actor.principal, 'tokens', owned, eq(apiTokens.id, id)));
    if (!before) throw new AppError('not_found');
    if (before.revokedAt) return;
    const [after] = await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id)).returning();
    await recordAudit(tx, actor, {
      entityType: 'api_token',
      entityId: id,
      action: 'revoke',
      before: auditable(before),
      after: after && auditable(after),
    });
    await emitEvent(tx, { topic: 'api_token.revoked', aggregateType: 'api_token', aggregateId: id, payload: {} });
  });
  credentialsChanged();
}

export async function getApiToken(db: DbOrTx, actor: Actor, id: string): Promise<TokenView> {
  authorize(actor.principal, 'tokens', 'read');
  const [row] = await db
    .select({ token: apiTokens, ownerName: users.name })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.ownerId))
    .where(andVisible(actor.principal, 'tokens', owned, eq(apiTokens.id, id)));
  if (!row) throw new AppError('not_found');
  return toView(row.token, row.ownerName);
}
