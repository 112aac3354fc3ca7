import { z } from '@hono/zod-openapi';
import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { validateInput } from '../customers/index.ts';
import { notifications } from './schema.ts';

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

export const listNotificationsQuerySchema = pageQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional().openapi({ description: 'true: only unread ones.' }),
});

function me(actor: Actor): string {
  // Notifications belong to users; an API token acting for nobody has none.
  if (!actor.principal.userId) throw new AppError('forbidden', { module: 'notifications', action: 'read' });
  return actor.principal.userId;
}

const unreadFirst = sql<number>`case when ${notifications.readAt} is null then 0 else 1 end`;

function toView(n: typeof notifications.$inferSelect): NotificationView {
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

/** The caller's notifications: unread first, then newest first; paged by cursor. */
export async function listNotifications(
  db: DbOrTx,
  actor: Actor,
  raw: z.input<typeof listNotificationsQuerySchema>,
): Promise<Page<NotificationView> & { unread: number }> {
  const userId = me(actor);
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
    items: page.items.map((r) => toView(r.n)),
    nextCursor: page.nextCursor,
    unread: await unreadCount(db, actor),
  };
}

export async function unreadCount(db: DbOrTx, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, me(actor)), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the caller's notifications read (again is harmless); another's is not found. */
export async function markNotificationRead(db: DbOrTx, actor: Actor, id: string): Promise<NotificationView> {
  const userId = me(actor);
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  if (!row) throw new AppError('not_found');
  return toView(row);
}

/** Marks all of the caller's notifications read; returns how many were unread. */
export async function markAllNotificationsRead(db: DbOrTx, actor: Actor): Promise<{ updated: number }> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, me(actor)), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
