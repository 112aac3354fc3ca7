import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { Actor } from './core/auth/principal.ts';
import type { Config } from './core/config.ts';
import { coreModules } from './core/core-module.ts';
import { migrateDatabase } from './core/db/migrate.ts';
import { type OpenedDatabase, openDatabase } from './core/db/open-database.ts';
import { AppError } from './core/errors/app-error.ts';
import { registerErrors } from './core/errors/catalog.ts';
import { OutboxDispatcher } from './core/events/outbox-dispatcher.ts';
import type { AppDeps } from './core/http/app-env.ts';
import { type AppMount, createApp } from './core/http/create-app.ts';
import { JobRunner } from './core/jobs/job-runner.ts';
import type { Logger } from './core/logger.ts';
import type { ModuleDefinition } from './core/module.ts';
import { getSettings } from './core/settings/get-settings.ts';
import { businessModules, controlMounts, loadDemoData } from './modules/index.ts';
import { VERSION } from './version.ts';

const BACKGROUND_START_DELAY_MS = 1_500;

export interface RunningServer {
  url: string;
  port: number;
  database: OpenedDatabase;
  jobs: JobRunner;
  events: OutboxDispatcher;
  /** Resolves when background work (jobs, dispatcher) has started. */
  ready: Promise<void>;
  close(): Promise<void>;
}

function allModules(database: OpenedDatabase): ModuleDefinition[] {
  const loadDemo = (actor: Actor) => loadDemoData(database.db, actor, {});
  return [...coreModules({ loadDemo }), ...businessModules()];
}

/**
 * Opens the database, migrates it, serves HTTP (role all|api) and runs jobs and the
 * outbox dispatcher (role all|worker). One process does everything on PGlite.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  if (config.role !== 'all' && !config.databaseUrl) {
    throw new AppError('config_invalid', {
      field: 'role',
      reason: 'separate api/worker processes need PostgreSQL (DATABASE_URL)',
    });
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const modules = allModules(database);
  for (const m of modules) if (m.errors) registerErrors(m.errors);
  try {
    await migrateDatabase(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  const deps: AppDeps = { database, config, logger, version: VERSION };
  const jobs = new JobRunner(database, logger, config.databaseUrl);
  const events = new OutboxDispatcher(database, jobs, logger);
  for (const m of modules) m.register?.({ deps, jobs, events });

  const controlSecret = randomBytes(32).toString('base64url');
  const mounts: AppMount[] = [
    ...controlMounts(deps, controlSecret),
    ...modules.flatMap((m) => (m.pages ? [m.pages(deps)] : [])),
  ];
  const app = createApp(
    deps,
    modules.flatMap((m) => (m.routes ? [m.routes] : [])),
    mounts,
  );

  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) =>
      resolve(info.port),
    );
    server.once('error', reject);
  });
  database.lock?.update({ port, controlSecret });
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;

  const work = config.role !== 'api';
  const ready = (async () => {
    // On PGlite every query shares one connection: let the first requests (health checks,
    // the first page) through before pg-boss runs its start-up queries. Jobs are not urgent.
    if (database.kind === 'pglite') await new Promise((r) => setTimeout(r, BACKGROUND_START_DELAY_MS));
    const { timeZone } = await getSettings(database.db);
    await jobs.start({ work, timeZone });
    if (work) events.start();
  })().catch((err) => logger.error({ err }, 'background work failed to start'));

  let closed = false;
  return {
    url: `http://${host}:${port}`,
    port,
    database,
    jobs,
    events,
    ready,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await ready;
      await events.stop();
      await jobs.stop();
      await database.close();
    },
  };
}
