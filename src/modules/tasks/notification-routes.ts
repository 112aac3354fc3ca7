import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { listNotifications, listNotificationsQuerySchema, unreadCount } from './list-notifications.ts';
import { notificationViewSchema } from './notification-view.ts';
import { markAllNotificationsRead, markNotificationRead } from './read-notifications.ts';

const common = { security, tags: ['Notifications'] };

export function notificationRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/notifications',
      summary: 'My in-app notifications, unread first, with the unread count',
      request: { query: listNotificationsQuerySchema },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(notificationViewSchema), nextCursor: z.string().nullable(), unread: z.number() }),
          'A page of notifications',
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listNotifications(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/notifications/unread-count',
      summary: 'How many of my notifications are unread (for the bell)',
      responses: { 200: jsonResponse(z.object({ unread: z.number() }), 'The count'), ...errorResponses },
    }),
    async (c) => c.json({ unread: await unreadCount(db, actorOf(c)) }, 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/notifications/read-all',
      summary: 'Mark all my notifications read',
      responses: { 200: jsonResponse(z.object({ updated: z.number() }), 'How many were unread'), ...errorResponses },
    }),
    async (c) => c.json(await markAllNotificationsRead(db, actorOf(c)), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/notifications/{id}/read',
      summary: 'Mark one of my notifications read',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(notificationViewSchema, 'The notification'), ...errorResponses },
    }),
    async (c) => c.json(await markNotificationRead(db, actorOf(c), c.req.valid('param').id), 200),
  );
  return r;
}
