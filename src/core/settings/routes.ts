import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../auth/authorize.ts';
import { actorOf } from '../http/actor.ts';
import type { AppDeps } from '../http/app-env.ts';
import { errorResponses, jsonBody, jsonResponse, security } from '../http/openapi-common.ts';
import { newRouter } from '../http/router.ts';
import { getSettings } from './get-settings.ts';
import { settingsPatchSchema, settingsSchema } from './settings-schema.ts';
import { updateSettings } from './update-settings.ts';

export function settingsRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/settings',
      tags: ['Settings'],
      security,
      summary: 'Organisation settings',
      responses: { 200: jsonResponse(settingsSchema, 'Settings'), ...errorResponses },
    }),
    async (c) => {
      authorize(actorOf(c).principal, 'settings', 'read');
      return c.json(await getSettings(db), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'patch',
      path: '/settings',
      tags: ['Settings'],
      security,
      summary: 'Change organisation settings',
      request: { body: jsonBody(settingsPatchSchema) },
      responses: { 200: jsonResponse(settingsSchema, 'Settings after the change'), ...errorResponses },
    }),
    async (c) => c.json(await updateSettings(db, actorOf(c), c.req.valid('json')), 200),
  );
  return r;
}
