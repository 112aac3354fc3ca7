import { z } from '@hono/zod-openapi';
import { and, desc, eq, gte, lt, lte } from 'drizzle-orm';
import { authorize } from '../auth/authorize.ts';
import type { Actor } from '../auth/principal.ts';
import type { DbOrTx } from '../db/database.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../http/pagination.ts';
import { auditLog } from './schema.ts';

export const auditQuerySchema = pageQuerySchema.extend({
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  actorId: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  source: z.enum(['web', 'api', 'cli', 'job']).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string().nullable(),
    source: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    action: z.string(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Newest first, keyset-paginated by id. */
export async function listAudit(db: DbOrTx, actor: Actor, q: AuditQuery): Promise<Page<AuditEntry>> {
  authorize(actor.principal, 'audit', 'read');
  const before = decodeCursor(q.cursor, 1);
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        before ? lt(auditLog.id, Number(before[0])) : undefined,
        q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
        q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
        q.action ? eq(auditLog.action, q.action) : undefined,
        q.source ? eq(auditLog.source, q.source) : undefined,
        q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
        q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const items = rows.map((r) => ({ ...r, at: r.at.toISOString(), changes: r.changes ?? null }));
  return toPage(items, q.limit, (e) => [e.id]);
}
