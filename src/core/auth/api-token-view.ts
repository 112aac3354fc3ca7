import { z } from '@hono/zod-openapi';
import { apiTokens } from './schema.ts';
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

export const ownedToken = { ownerId: apiTokens.ownerId, teamId: apiTokens.teamId };

export function toTokenView(row: typeof apiTokens.$inferSelect, ownerName: string | null): TokenView {
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

export function auditableToken(row: typeof apiTokens.$inferSelect) {
  const { tokenHash: _h, lastUsedAt: _l, createdAt: _c, ...rest } = row;
  return rest;
}
