import { z } from '@hono/zod-openapi';
import type { users } from './schema.ts';

export const userViewSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    name: z.string(),
    role: z.string(),
    teamId: z.string().uuid().nullable(),
    locale: z.enum(['th', 'en']),
    status: z.enum(['active', 'disabled']),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .openapi('User');
export type UserView = z.infer<typeof userViewSchema>;

export function toUserView(row: typeof users.$inferSelect): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    teamId: row.teamId,
    locale: row.locale === 'en' ? 'en' : 'th',
    status: row.status === 'disabled' ? 'disabled' : 'active',
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

/** The audit view of a user row: the hash is replaced by a marker that only shows change. */
export function auditableUser(row: typeof users.$inferSelect) {
  const { failedLogins: _f, lockedUntil: _l, lastLoginAt: _ll, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
