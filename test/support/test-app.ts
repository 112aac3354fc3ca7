import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApiToken } from '../../src/core/auth/create-api-token.ts';
import { createUser } from '../../src/core/auth/create-user.ts';
import { systemActor } from '../../src/core/auth/principal.ts';
import type { Role } from '../../src/core/auth/roles.ts';
import type { AuthHooks } from '../../src/core/auth/routes.ts';
import { loadConfig } from '../../src/core/config.ts';
import { coreModules } from '../../src/core/core-module.ts';
import type { AppDeps, AppEnv } from '../../src/core/http/app-env.ts';
import { createApp } from '../../src/core/http/create-app.ts';
import { createLogger } from '../../src/core/logger.ts';
import type { ModuleDefinition } from '../../src/core/module.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: OpenAPIHono<AppEnv>;
  deps: AppDeps;
  testDb: TestDatabase;
  /** Makes a user with `role` (and optional team) and an API token acting as them. */
  userWithToken(
    role: Role,
    options?: { teamId?: string | null; email?: string },
  ): Promise<{ userId: string; token: string }>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestApp(
  extra: ModuleDefinition[] = [],
  env: NodeJS.ProcessEnv = {},
  hooks: AuthHooks = {},
): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const deps: AppDeps = {
    database: testDb.database,
    config: loadConfig({ SAMPAN_DATA_DIR: '/tmp/sampan-test-unused', ...env }),
    logger: createLogger('silent'),
    version: 'test',
  };
  const modules = [...coreModules(hooks), ...extra];
  const app = createApp(
    deps,
    modules.flatMap((m) => (m.routes ? [m.routes] : [])),
  );
  const { db } = testDb.database;
  return {
    app,
    deps,
    testDb,
    async userWithToken(role, options = {}) {
      counter += 1;
      const email = options.email ?? `${role}${counter}-${Date.now()}@test.local`;
      return db.transaction(async (tx) => {
        const user = await createUser(tx, systemActor('cli'), {
          email,
          name: `${role} ${counter}`,
          password: 'password-123',
          role,
          teamId: options.teamId ?? null,
        });
        const actor = {
          principal: { type: 'user' as const, userId: user.id, teamId: user.teamId, role, label: email },
          source: 'cli' as const,
        };
        const { token } = await createApiToken(tx, actor, { name: `${role} token`, role });
        return { userId: user.id, token };
      });
    },
    close: () => testDb.cleanup(),
  };
}

/** JSON request helper for app.request. */
export function jsonRequest(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  };
}

export function bearer(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...extra };
}
