import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { testDatabaseKind } from '../../../test/support/test-env.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { loadConfig } from '../../core/config.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { OutboxDispatcher } from '../../core/events/outbox-dispatcher.ts';
import { JobRunner } from '../../core/jobs/job-runner.ts';
import { createLogger } from '../../core/logger.ts';
import { businessToday } from './fit-input.ts';
import { getRun } from './get-run.ts';
import { NIGHTLY_SCORES_JOB, registerAnalyticsJobs } from './jobs.ts';
import { requestRecompute } from './request-recompute.ts';
import { loadCdnowOrders } from './testing/load-cdnow-orders.ts';

let t: TestDatabase;
let jobs: JobRunner;
let events: OutboxDispatcher;

beforeAll(async () => {
  t = await createTestDatabase();
  const logger = createLogger('silent');
  jobs = new JobRunner(t.database, logger, testDatabaseKind() === 'postgres' ? t.url : undefined);
  events = new OutboxDispatcher(t.database, jobs, logger);
  const deps = { database: t.database, config: loadConfig({}), logger, version: 'test' };
  registerAnalyticsJobs({ deps, jobs, events });
  await loadCdnowOrders(t.database.db);
  await jobs.start({ work: true, timeZone: 'Asia/Bangkok', pollingIntervalSeconds: 0.5 });
  events.start(100);
}, 120_000);

afterAll(async () => {
  await events?.stop();
  await jobs?.stop();
  await t?.cleanup();
});

describe(`recompute as a background job (${testDatabaseKind()})`, () => {
  it('schedules the nightly run', () => {
    expect(jobs.names).toContain(NIGHTLY_SCORES_JOB);
  });

  it('runs an on-demand recompute through the outbox and a pg-boss job, to success', async () => {
    const actor = systemActor('cli');
    const queued = await requestRecompute(t.database.db, actor, { calibrationEnd: '1998-06-30' });
    expect(queued.status).toBe('queued');
    const until = Date.now() + 60_000;
    let run = queued;
    while (Date.now() < until && run.status !== 'succeeded' && run.status !== 'failed') {
      await new Promise((r) => setTimeout(r, 200));
      run = await getRun(t.database.db, actor, queued.id);
    }
    expect(run).toMatchObject({ status: 'succeeded', scored: 2357, progress: 1, trigger: 'on_demand' });
  });

  it('scores the book as soon as demo data is loaded, calibrated to today', async () => {
    const db = t.database.db;
    await db.transaction((tx) =>
      emitEvent(tx, {
        topic: 'demo.loaded',
        aggregateType: 'demo',
        aggregateId: null,
        payload: { customers: 0, orders: 1 },
      }),
    );
    const today = businessToday('Asia/Bangkok');
    const until = Date.now() + 60_000;
    let runs: { status: string; scored: number }[] = [];
    while (Date.now() < until && runs[0]?.status !== 'succeeded') {
      await new Promise((r) => setTimeout(r, 200));
      runs = await rowsOf<{ status: string; scored: number }>(
        db,
        sql`select status, scored from score_runs where calibration_end = ${today}::date and requested_by is null`,
      );
    }
    expect(runs).toEqual([{ status: 'succeeded', scored: 2357 }]);
  });
});
