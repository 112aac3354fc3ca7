import { z } from '@hono/zod-openapi';
import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { validateInput } from '../customers/index.ts';
import { type NotificationView, notificationOwner, toNotificationView } from './notification-view.ts';
import { notifications } from './schema.ts';

export const listNotificationsQuerySchema = pageQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional().openapi({ description: 'true: only unread ones.' }),
});

const unreadFirst = sql<number>`case when ${notifications.readAt} is null then 0 else 1 end`;

/** The caller's notifications: unread first, then newest first; paged by cursor. */
export async function listNotifications(
  db: DbOrTx,
  actor: Actor,
  raw: z.input<typeof listNotificationsQuerySchema>,
): Promise<Page<NotificationView> & { unread: number }> {
  const userId = notificationOwner(actor);
  const query = validateInput(listNotificationsQuerySchema, raw);
  const after = decodeCursor(query.cursor, 3);
  const conds: (SQL | undefined)[] = [
    eq(notifications.userId, userId),
    query.unread === 'true' ? isNull(notifications.readAt) : undefined,
    after
      ? sql`(${unreadFirst}, ${notifications.createdAt}, ${notifications.id}) > (${Number(after[0])}, ${String(after[1])}::timestamptz, ${String(after[2])}::uuid)`
      : undefined,
  ];
  const rows = await db
    .select({ n: notifications, rank: unreadFirst })
    .from(notifications)
    .where(and(...conds))
    .orderBy(unreadFirst, desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [Number(r.rank), r.n.createdAt.toISOString(), r.n.id]);
  return {
    items: page.items.map((r) => toNotificationView(r.n)),
    nextCursor: page.nextCursor,
    unread: await unreadCount(db, actor),
  };
}

export async function unreadCount(db: DbOrTx, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, notificationOwner(actor)), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}
