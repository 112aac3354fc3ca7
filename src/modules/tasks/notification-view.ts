import { z } from '@hono/zod-openapi';
import type { Actor } from '../../core/auth/principal.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { notifications } from './schema.ts';

export const notificationViewSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    titleTh: z.string(),
    titleEn: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable(),
    refType: z.string().nullable(),
    refId: z.string().uuid().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Notification');
export type NotificationView = z.infer<typeof notificationViewSchema>;

export function notificationOwner(actor: Actor): string {
  // Notifications belong to users; an API token acting for nobody has none.
  if (!actor.principal.userId) throw new AppError('forbidden', { module: 'notifications', action: 'read' });
  return actor.principal.userId;
}

export function toNotificationView(n: typeof notifications.$inferSelect): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    titleTh: n.titleTh,
    titleEn: n.titleEn,
    body: n.body,
    link: n.link,
    refType: n.refType,
    refId: n.refId,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}
