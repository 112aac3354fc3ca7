import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../http/actor.ts';
import type { AppDeps } from '../http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../http/openapi-common.ts';
import { pageQuerySchema, pageSchema } from '../http/pagination.ts';
import { newRouter } from '../http/router.ts';
import { createTokenSchema, tokenViewSchema } from './api-token-view.ts';
import { createApiToken } from './create-api-token.ts';
import { createTeam } from './create-team.ts';
import { createUser } from './create-user.ts';
import { deleteTeam } from './delete-team.ts';
import { getApiToken, listApiTokens } from './list-api-tokens.ts';
import { getTeam, listTeams } from './list-teams.ts';
import { getUser, listUsers } from './list-users.ts';
import { renameTeam } from './rename-team.ts';
import { revokeApiToken } from './revoke-api-token.ts';
import { ACTIONS, MODULES, PERMISSIONS, ROLE_RANK, ROLES } from './roles.ts';
import { teamInputSchema, teamViewSchema } from './team-view.ts';
import { updateUser } from './update-user.ts';
import { createUserSchema, updateUserSchema } from './user-input.ts';
import { userViewSchema } from './user-view.ts';

/** Users, teams, API tokens and roles: the administration API. */
export function adminRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Administration'] };

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/users',
      summary: 'List staff users',
      request: { query: pageQuerySchema.extend({ q: z.string().max(200).optional(), role: z.enum(ROLES).optional() }) },
      responses: { 200: jsonResponse(pageSchema(userViewSchema), 'A page of users'), ...errorResponses },
    }),
    async (c) => c.json(await listUsers(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/users',
      summary: 'Create a staff user',
      request: { body: jsonBody(createUserSchema) },
      responses: { 201: jsonResponse(userViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await db.transaction((tx) => createUser(tx, actorOf(c), c.req.valid('json'))), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/users/{id}',
      summary: 'Get a user',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(userViewSchema, 'The user'), ...errorResponses },
    }),
    async (c) => c.json(await getUser(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/users/{id}',
      summary: 'Change a user (name, role, team, status, password)',
      request: { params: idParamSchema, body: jsonBody(updateUserSchema) },
      responses: { 200: jsonResponse(userViewSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => c.json(await updateUser(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/teams',
      summary: 'List teams',
      request: { query: pageQuerySchema },
      responses: { 200: jsonResponse(pageSchema(teamViewSchema), 'A page of teams'), ...errorResponses },
    }),
    async (c) => c.json(await listTeams(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/teams',
      summary: 'Create a team',
      request: { body: jsonBody(teamInputSchema) },
      responses: { 201: jsonResponse(teamViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await db.transaction((tx) => createTeam(tx, actorOf(c), c.req.valid('json'))), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/teams/{id}',
      summary: 'Get a team',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(teamViewSchema, 'The team'), ...errorResponses },
    }),
    async (c) => c.json(await getTeam(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/teams/{id}',
      summary: 'Rename a team',
      request: { params: idParamSchema, body: jsonBody(teamInputSchema) },
      responses: { 200: jsonResponse(teamViewSchema, 'Renamed'), ...errorResponses },
    }),
    async (c) => c.json(await renameTeam(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/teams/{id}',
      summary: 'Delete an empty team',
      request: { params: idParamSchema },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteTeam(db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/tokens',
      summary: 'List API tokens you may see',
      request: { query: pageQuerySchema },
      responses: { 200: jsonResponse(pageSchema(tokenViewSchema), 'A page of tokens'), ...errorResponses },
    }),
    async (c) => c.json(await listApiTokens(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/tokens',
      summary: 'Create an API token (the token is shown once)',
      request: { body: jsonBody(createTokenSchema) },
      responses: {
        201: jsonResponse(z.object({ token: z.string(), item: tokenViewSchema }), 'Created'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await db.transaction((tx) => createApiToken(tx, actorOf(c), c.req.valid('json'))), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/tokens/{id}',
      summary: 'Get an API token',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(tokenViewSchema, 'The token'), ...errorResponses },
    }),
    async (c) => c.json(await getApiToken(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/tokens/{id}',
      summary: 'Revoke an API token',
      request: { params: idParamSchema },
      responses: { 204: { description: 'Revoked' }, ...errorResponses },
    }),
    async (c) => {
      await revokeApiToken(db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  const roleSchema = z
    .object({
      role: z.string(),
      rank: z.number(),
      permissions: z.record(z.string(), z.object({ actions: z.array(z.string()), scope: z.string() })),
    })
    .openapi('RoleDefinition');
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/roles',
      summary: 'Roles and their permissions per module and action',
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(roleSchema), modules: z.array(z.string()), actions: z.array(z.string()) }),
          'Roles',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      actorOf(c);
      const items = ROLES.map((role) => ({
        role,
        rank: ROLE_RANK[role],
        permissions: PERMISSIONS[role] as Record<string, { actions: string[]; scope: string }>,
      }));
      return c.json({ items, modules: [...MODULES], actions: [...ACTIONS] }, 200);
    },
  );
  return r;
}
