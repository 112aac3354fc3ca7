import { auditRoutes } from './audit/routes.ts';
import { adminRoutes } from './auth/admin-routes.ts';
import { purgeExpiredSessions } from './auth/purge-sessions.ts';
import { type AuthHooks, authRoutes } from './auth/routes.ts';
import { purgeIdempotencyKeys } from './http/idempotency.ts';
import type { ModuleDefinition } from './module.ts';
import { settingsRoutes } from './settings/routes.ts';

/** The foundation's own HTTP surface and housekeeping jobs. */
export function coreModules(hooks: AuthHooks): ModuleDefinition[] {
  return [
    { name: 'auth', routes: authRoutes(hooks) },
    { name: 'admin', routes: adminRoutes },
    { name: 'audit', routes: auditRoutes },
    { name: 'settings', routes: settingsRoutes },
    {
      name: 'housekeeping',
      register: ({ jobs, deps }) => {
        jobs.register({
          name: 'system.housekeeping',
          cron: '17 * * * *',
          retryLimit: 2,
          handler: async () => {
            await purgeIdempotencyKeys(deps.database.db);
            await purgeExpiredSessions(deps.database.db);
          },
        });
      },
    },
  ];
}
