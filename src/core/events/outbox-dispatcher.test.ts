import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { testDatabaseKind } from '../../../test/support/test-env.ts';
import { JobRunner } from '../jobs/job-runner.ts';
import { createLogger } from '../logger.ts';
import { emitEvent } from './emit-event.ts';
import { type EventJobData, OutboxDispatcher } from './outbox-dispatcher.ts';

let t: TestDatabase;
let jobs: JobRunner;
let events: OutboxDispatcher;
const received: EventJobData[] = [];
const failuresLeft = new Map<string, number>();
let cronRuns = 0;

async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

beforeAll(async () => {
  t = await createTestDatabase();
  const logger = createLogger('silent');
  jobs = new JobRunner(t.database, logger, testDatabaseKind() === 'postgres' ? t.url : undefined);
  events = new OutboxDispatcher(t.database, jobs, logger);
  events.subscribe(
    'order.placed',
    'test-recorder',
    async (event) => {
      const key = String(event.aggregateId);
      const left = failuresLeft.get(key) ?? 0;
      if (left > 0) {
        failuresLeft.set(key, left - 1);
        throw new Error('transient failure');
      }
      received.push(event);
    },
    { retryLimit: 3, retryDelay: 1 },
  );
  jobs.register({ name: 'test.cron', cron: '* * * * *', handler: async () => void cronRuns++ });
  await jobs.start({ work: true, timeZone: 'Asia/Bangkok', pollingIntervalSeconds: 0.5 });
  events.start(100);
}, 90_000);

afterAll(async () => {
  await events?.stop();
  await jobs?.stop();
  await t?.cleanup();
});

describe(`outbox → jobs (${testDatabaseKind()})`, () => {
  it('delivers an event committed with its change to the subscribed handler', async () => {
    await t.database.db.transaction((tx) =>
      emitEvent(tx, {
        topic: 'order.placed',
        aggregateType: 'order',
        aggregateId: 'o-1',
        payload: { total: 125_000, note: 'ชาเย็น' },
      }),
    );
    await waitFor(() => received.some((e) => e.aggregateId === 'o-1'));
    expect(received.find((e) => e.aggregateId === 'o-1')).toMatchObject({
      topic: 'order.placed',
      payload: { total: 125_000, note: 'ชาเย็น' },
    });
    const [row] = await t.database.query<{ dispatched: boolean }>(
      `select dispatched_at is not null as dispatched from outbox where aggregate_id = 'o-1'`,
    );
    expect(row?.dispatched).toBe(true);
  });

  it('sends nothing for a rolled-back change', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await emitEvent(tx, { topic: 'order.placed', aggregateType: 'order', aggregateId: 'o-rolled', payload: {} });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow();
    await t.database.db.transaction((tx) =>
      emitEvent(tx, { topic: 'order.placed', aggregateType: 'order', aggregateId: 'o-after', payload: {} }),
    );
    await waitFor(() => received.some((e) => e.aggregateId === 'o-after'));
    expect(received.some((e) => e.aggregateId === 'o-rolled')).toBe(false);
  });

  it('retries a failing handler until it succeeds', async () => {
    failuresLeft.set('o-flaky', 2);
    await t.database.db.transaction((tx) =>
      emitEvent(tx, { topic: 'order.placed', aggregateType: 'order', aggregateId: 'o-flaky', payload: {} }),
    );
    await waitFor(() => received.some((e) => e.aggregateId === 'o-flaky'), 40_000);
    expect(failuresLeft.get('o-flaky')).toBe(0);
    expect(received.filter((e) => e.aggregateId === 'o-flaky')).toHaveLength(1);
  }, 60_000);

  it('re-dispatching an event (crash after send) does not enqueue it twice', async () => {
    const [event] = await t.database.query<{ id: number }>(`select id from outbox where aggregate_id = 'o-1'`);
    await t.database.query('update outbox set dispatched_at = null, claimed_at = null where id = $1', [event?.id]);
    await waitFor(async () => {
      const [r] = await t.database.query<{ d: boolean }>(
        'select dispatched_at is not null as d from outbox where id = $1',
        [event?.id],
      );
      return r?.d === true;
    });
    const jobsForEvent = await t.database.query(
      `select id from pgboss.job where name = 'event.test-recorder' and data->>'eventId' = $1`,
      [String(event?.id)],
    );
    expect(jobsForEvent).toHaveLength(1);
    expect(received.filter((e) => e.aggregateId === 'o-1')).toHaveLength(1);
  });

  it('registers cron schedules in the business time zone', async () => {
    const rows = await t.database.query<{ cron: string; timezone: string }>(
      `select cron, timezone from pgboss.schedule where name = 'test.cron'`,
    );
    expect(rows).toEqual([{ cron: '* * * * *', timezone: 'Asia/Bangkok' }]);
  });
});
