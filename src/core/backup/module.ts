import type { AppDeps } from '../http/app-env.ts';
import type { AppMount } from '../http/create-app.ts';
import type { ModuleDefinition } from '../module.ts';
import { runBackupTick } from './backup-dir.ts';
import { backupControlMount } from './control.ts';
import { backupErrors } from './errors.ts';
import { backupRoutes } from './routes.ts';

export const BACKUP_TICK_JOB = 'system.backup-tick';

/**
 * Backups as a module: the /api/v1/backups routes, the hourly check that makes the daily
 * backup and prunes old ones (settings.backup), and the error codes.
 */
export function backupModule(): ModuleDefinition {
  return {
    name: 'backups',
    routes: backupRoutes,
    errors: backupErrors,
    register: ({ deps, jobs }) => {
      jobs.register({
        name: BACKUP_TICK_JOB,
        cron: '5 * * * *',
        retryLimit: 2,
        retryDelay: 60,
        handler: async (_data, ctx) => {
          const result = await runBackupTick(deps.database, deps.config.backupDir);
          if (result.created) {
            ctx.logger.info(
              {
                backup: result.created.name,
                rows: result.created.rows,
                bytes: result.created.bytes,
                pruned: result.pruned,
              },
              'scheduled backup written',
            );
          }
        },
      });
    },
  };
}

/** The local control endpoint `sampan backup` uses while a server holds a PGlite data dir. */
export function backupControlMounts(deps: AppDeps, secret: string): AppMount[] {
  return [backupControlMount(deps, secret)];
}
