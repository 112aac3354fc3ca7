import type { ErrorEntry } from './errors/catalog.ts';
import type { OutboxDispatcher } from './events/outbox-dispatcher.ts';
import type { AppDeps } from './http/app-env.ts';
import type { AppMount, RouteModule } from './http/create-app.ts';
import type { JobRunner } from './jobs/job-runner.ts';

export interface ModuleRuntime {
  deps: AppDeps;
  jobs: JobRunner;
  events: OutboxDispatcher;
}

/**
 * What a module (core or business) contributes to the program. server.ts wires the list;
 * modules never reach into each other except through their index.ts.
 */
export interface ModuleDefinition {
  name: string;
  /** HTTP routes mounted under /api/v1. */
  routes?: RouteModule;
  /** Jobs, cron schedules and event subscriptions. */
  register?: (runtime: ModuleRuntime) => void;
  /** Pages mounted outside /api/v1, public by design (e.g. a consent withdrawal page). */
  pages?: (deps: AppDeps) => AppMount;
  /** Error codes this module throws, with their status and Thai/English text. */
  errors?: Record<string, ErrorEntry>;
}
