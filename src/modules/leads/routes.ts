import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { leadRoutes } from './lead-routes.ts';
import { publicLeadRoutes } from './public-routes.ts';
import { leadSetupRoutes } from './setup-routes.ts';

export function leadsModuleRoutes(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>();
  // Fixed paths (/leads/scoring-rules, …) before /leads/{id}.
  leadSetupRoutes(r, deps.database.db);
  leadRoutes(r, deps.database.db);
  publicLeadRoutes(r, deps.database.db);
  return r;
}
