import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { dealRoutes } from './deal-routes.ts';
import { pipelineRoutes } from './pipeline-routes.ts';

export function dealsModuleRoutes(deps: AppDeps) {
  const r = new OpenAPIHono<AppEnv>();
  pipelineRoutes(r, deps.database.db);
  dealRoutes(r, deps.database.db);
  return r;
}
