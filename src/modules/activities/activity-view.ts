import { z } from '@hono/zod-openapi';
import { summariseActivity } from './activity-kinds.ts';
import type { activities } from './schema.ts';

export type ActivityRow = typeof activities.$inferSelect;

export const activityViewSchema = z
  .object({
    id: z.string().uuid(),
    customerId: z.string().uuid(),
    kind: z.string().openapi({ description: 'note, call, meeting, email, message, order, consent, identity_match, …' }),
    occurredAt: z.string(),
    summary: z
      .object({ en: z.string(), th: z.string() })
      .openapi({ description: 'One readable line about the entry, in English and Thai.' }),
    subject: z.string().nullable(),
    body: z.string().nullable(),
    direction: z.string().nullable(),
    channel: z.string().nullable(),
    durationMinutes: z.number().int().nullable(),
    outcome: z.string().nullable(),
    refType: z.string().nullable(),
    refId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    actorUserId: z.string().uuid().nullable(),
    actorName: z.string().nullable().openapi({ description: 'Who logged or caused it; null for the system.' }),
    createdAt: z.string(),
  })
  .openapi('Activity');
export type ActivityView = z.infer<typeof activityViewSchema>;

export function toActivityView(row: ActivityRow, actorName: string | null): ActivityView {
  return {
    id: row.id,
    customerId: row.customerId,
    kind: row.kind,
    occurredAt: row.occurredAt.toISOString(),
    summary: summariseActivity(row),
    subject: row.subject,
    body: row.body,
    direction: row.direction,
    channel: row.channel,
    durationMinutes: row.durationMinutes,
    outcome: row.outcome,
    refType: row.refType,
    refId: row.refId,
    data: row.data ?? {},
    actorUserId: row.actorUserId,
    actorName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The audit view of a logged entry. */
export function auditableActivity(row: ActivityRow) {
  const { createdAt: _c, ...rest } = row;
  return rest;
}
