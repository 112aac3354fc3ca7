import { OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../errors/app-error.ts';
import type { AppEnv } from './app-env.ts';
import { zodIssues } from './problem.ts';

/** Every router shares this hook, so a failed Zod check is always the same coded error. */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new AppError('validation_failed', {}, zodIssues(result.error));
    },
  });
}
