import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { deterministicJobId, type JobRunner } from '../jobs/job-runner.ts';
import type { Logger } from '../logger.ts';

export interface EventJobData {
  eventId: number;
  topic: string;
  aggregateType: string;
  aggregateId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export type EventHandler = (event: EventJobData, ctx: { logger: Logger }) => Promise<void>;

interface Subscription {
  topic: string;
  jobName: string;
}

/** A claim older than this is considered abandoned by a crashed dispatcher. */
const LEASE_SECONDS = 60;
const BATCH = 100;

/**
 * Delivers outbox rows to the jobs subscribed to their topic, at least once: rows are
 * claimed with a lease, each subscriber gets a job with an id derived from (event, job)
 * so a re-delivery after a crash inserts nothing new, then the row is marked dispatched.
 */
export class OutboxDispatcher {
  readonly #subs: Subscription[] = [];
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #stopped = true;

  constructor(
    private readonly database: Database,
    private readonly jobs: JobRunner,
    private readonly logger: Logger,
  ) {}

  /** Runs `handler` as a durable job (with retries) for each event of `topic`. */
  subscribe(
    topic: string,
    name: string,
    handler: EventHandler,
    retry: { retryLimit?: number; retryDelay?: number } = {},
  ): void {
    const jobName = `event.${name}`;
    this.jobs.register<EventJobData>({
      name: jobName,
      ...retry,
      handler: (data, ctx) => handler(data, { logger: ctx.logger }),
    });
    this.#subs.push({ topic, jobName });
  }

  /** Dispatches one batch; returns how many events it handled. */
  async dispatchOnce(): Promise<number> {
    const rows = await this.database.query<{
      id: number;
      topic: string;
      aggregate_type: string;
      aggregate_id: string | null;
      payload: Record<string, unknown>;
      created_at: Date;
    }>(
      `update outbox set claimed_at = now(), attempts = attempts + 1
       where id in (select id from outbox
                    where dispatched_at is null
                      and (claimed_at is null or claimed_at < now() - make_interval(secs => ${LEASE_SECONDS}))
                    order by id limit ${BATCH} for update skip locked)
       returning id, topic, aggregate_type, aggregate_id, payload, created_at`,
    );
    if (!rows.length) return 0;
    rows.sort((a, b) => a.id - b.id);
    const done: number[] = [];
    for (const row of rows) {
      try {
        for (const sub of this.#subs.filter((s) => s.topic === row.topic || s.topic === '*')) {
          const data: EventJobData = {
            eventId: row.id,
            topic: row.topic,
            aggregateType: row.aggregate_type,
            aggregateId: row.aggregate_id,
            payload: row.payload,
            createdAt: row.created_at.toISOString(),
          };
          await this.jobs.send(sub.jobName, data, { id: deterministicJobId(row.id, sub.jobName) });
        }
        done.push(row.id);
      } catch (err) {
        this.logger.warn({ err, eventId: row.id }, 'outbox dispatch failed; will retry after the lease');
        await this.database.db.execute(
          sql`update outbox set last_error = ${String((err as Error).message).slice(0, 500)} where id = ${row.id}`,
        );
      }
    }
    if (done.length) {
      await this.database.query(
        'update outbox set dispatched_at = now(), last_error = null where id = any($1::bigint[])',
        [done],
      );
    }
    return rows.length;
  }

  start(intervalMs = 500): void {
    this.#stopped = false;
    const tick = async () => {
      if (this.#stopped) return;
      this.#running = true;
      let handled = 0;
      try {
        handled = await this.dispatchOnce();
      } catch (err) {
        this.logger.error({ err }, 'outbox dispatcher error');
      } finally {
        this.#running = false;
      }
      if (!this.#stopped) this.#timer = setTimeout(tick, handled >= BATCH ? 0 : intervalMs);
    };
    this.#timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    while (this.#running) await new Promise((r) => setTimeout(r, 20));
  }
}
