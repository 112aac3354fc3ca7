import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type NotificationView, notificationOwner, toNotificationView } from './notification-view.ts';
import { notifications } from './schema.ts';

/** Marks one of the caller's notifications read (again is harmless); another's is not found. */
export async function markNotificationRead(db: DbOrTx, actor: Actor, id: string): Promise<NotificationView> {
  const userId = notificationOwner(actor);
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  if (!row) throw new AppError('not_found');
  return toNotificationView(row);
}

/** Marks all of the caller's notifications read; returns how many were unread. */
export async function markAllNotificationsRead(db: DbOrTx, actor: Actor): Promise<{ updated: number }> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, notificationOwner(actor)), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
