import type { Context } from 'hono';
import type { Actor } from '../auth/principal.ts';
import { AppError } from '../errors/app-error.ts';
import type { AppEnv } from './app-env.ts';

/** The authenticated caller of a protected route (the middleware already refused others). */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('unauthenticated');
  return actor;
}
