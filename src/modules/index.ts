import type { Actor } from '../core/auth/principal.ts';
import type { Db } from '../core/db/database.ts';
import type { AppDeps } from '../core/http/app-env.ts';
import type { AppMount } from '../core/http/create-app.ts';
import type { ModuleDefinition } from '../core/module.ts';

/** Business modules, in dependency order. */
export function businessModules(): ModuleDefinition[] {
  return [];
}

/** Local control endpoints (outside /api/v1) guarded by the data-dir lock's secret. */
export function controlMounts(_deps: AppDeps, _secret: string): AppMount[] {
  return [];
}

export async function loadDemoData(_db: Db, _actor: Actor, _options: { customers?: number; seed?: number }): Promise<void> {}
