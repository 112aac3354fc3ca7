import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { pgBossDbFor } from './pg-boss-db.ts';

export interface JobContext {
  jobId: string;
  attempt: number;
  logger: Logger;
}

export interface JobDefinition<T = Record<string, unknown>> {
  name: string;
  handler: (data: T, ctx: JobContext) => Promise<void>;
  retryLimit?: number;
  /** Seconds before the first retry; later retries back off exponentially. */
  retryDelay?: number;
  /** Five-field cron in the business time zone, for scheduled jobs. */
  cron?: string;
}

export interface RunnerOptions {
  /** Run handlers and schedules here (worker/all roles); false only enqueues. */
  work: boolean;
  timeZone: string;
  pollingIntervalSeconds?: number;
}

/** A stable job id per (event, handler): enqueueing twice inserts once. */
export function deterministicJobId(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Durable jobs on pg-boss, in the same database as the data (PostgreSQL or PGlite). */
export class JobRunner {
  readonly #defs = new Map<string, JobDefinition>();
  #boss: PgBoss | undefined;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
    /** PostgreSQL only: pg-boss keeps its own small pool. */
    private readonly databaseUrl?: string,
  ) {}

  register<T>(def: JobDefinition<T>): void {
    if (this.#defs.has(def.name)) throw new Error(`job registered twice: ${def.name}`);
    this.#defs.set(def.name, def as JobDefinition);
  }

  get names(): string[] {
    return [...this.#defs.keys()];
  }

  get started(): boolean {
    return this.#boss !== undefined;
  }

  async start(options: RunnerOptions): Promise<void> {
    const common = {
      schedule: options.work,
      supervise: options.work,
      migrate: true,
      // Completed jobs are kept a week for inspection, then archived by pg-boss.
      retentionDays: 7,
    };
    const boss =
      this.database.kind === 'pglite'
        ? new PgBoss({ ...common, db: pgBossDbFor(this.database) })
        : new PgBoss({
            ...common,
            connectionString: this.#connectionString(),
            max: 4,
            application_name: 'sampan-jobs',
          });
    boss.on('error', (err) => this.logger.error({ err }, 'job system error'));
    await boss.start();
    this.#boss = boss;
    for (const def of this.#defs.values()) {
      await createQueueOnce(boss, def);
    }
    if (!options.work) return;
    for (const def of this.#defs.values()) {
      await boss.work(
        def.name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) {
            const log = this.logger.child({ job: def.name, jobId: job.id });
            try {
              await def.handler(job.data as Record<string, unknown>, { jobId: job.id, attempt: 1, logger: log });
            } catch (err) {
              log.warn({ err }, 'job failed; pg-boss will retry it');
              throw err;
            }
          }
        },
      );
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: options.timeZone });
    }
  }

  async send(name: string, data: object, options: { id?: string; startAfter?: number } = {}): Promise<string | null> {
    if (!this.#boss) throw new Error('job runner not started');
    if (!this.#defs.has(name)) throw new Error(`unknown job: ${name}`);
    return this.#boss.send(name, data, options);
  }

  async stop(): Promise<void> {
    const boss = this.#boss;
    this.#boss = undefined;
    if (boss) await boss.stop({ graceful: true, close: this.database.kind !== 'pglite', wait: true, timeout: 10_000 });
  }

  #connectionString(): string {
    if (!this.databaseUrl) throw new Error('PostgreSQL job runner needs the connection string');
    return this.databaseUrl;
  }
}

/** Errors of two processes creating the same queue at once (replicas starting together). */
const RACE_CODES = new Set(['40P01', '23505', '42P07']);

/**
 * Creates a job's queue unless it exists. pg-boss creates a queue with DDL (a partition),
 * and two processes doing so at once can deadlock; the loser waits and looks again, when
 * the winner's queue is there.
 */
async function createQueueOnce(boss: PgBoss, def: JobDefinition): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (await boss.getQueue(def.name)) return;
      await boss.createQueue(def.name, {
        name: def.name,
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelay ?? 5,
        retryBackoff: true,
      });
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= 8 || !code || !RACE_CODES.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
    }
  }
}
