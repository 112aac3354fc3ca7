import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { Role } from '../../core/auth/roles.ts';
import { users } from '../../core/auth/schema.ts';
import type { Database } from '../../core/db/database.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import type { EventJobData } from '../../core/events/outbox-dispatcher.ts';
import type { Logger } from '../../core/logger.ts';
import type { ModuleRuntime } from '../../core/module.ts';
import { defaultBatchSize, runImport } from './run-import.ts';
import { IMPORT_REQUESTED } from './start-import.ts';

/** The actor a background import runs as: the user who started it, with their role today. */
async function actorOf(database: Database, userId: string | null): Promise<Actor | undefined> {
  if (!userId) return undefined;
  const [user] = await database.db.select().from(users).where(eq(users.id, userId));
  if (user?.status !== 'active') return undefined;
  return {
    principal: { type: 'user', userId: user.id, teamId: user.teamId, role: user.role as Role, label: user.email },
    source: 'job',
  };
}

/**
 * Runs a requested import. A worker that dies mid-import leaves the job to pg-boss's retry,
 * which resumes after the last committed batch. A file or mapping problem is final: the
 * import is marked failed with the reason, and the job does not retry.
 */
export async function runRequestedImport(database: Database, event: EventJobData, logger: Logger): Promise<void> {
  const importId = String(event.payload.importId ?? event.aggregateId);
  const actor = await actorOf(database, (event.payload.actorUserId as string | null) ?? null);
  if (!actor) {
    logger.warn({ importId }, 'import not run: the user who started it is no longer active');
    return;
  }
  const batchSize = defaultBatchSize(database.kind);
  try {
    const done = await runImport(database.db, actor, importId, { batchSize });
    logger.info({ importId, ...done }, 'import finished');
  } catch (err) {
    if (isAppError(err)) {
      logger.warn({ importId, code: err.code }, 'import stopped');
      return;
    }
    throw err;
  }
}

export function registerImportJobs({ deps, events }: ModuleRuntime): void {
  events.subscribe(
    IMPORT_REQUESTED,
    'imports.run',
    (event, ctx) => runRequestedImport(deps.database, event, ctx.logger),
    {
      retryLimit: 5,
      retryDelay: 10,
    },
  );
}
