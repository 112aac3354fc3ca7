import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { runReminders } from './run-reminders.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp([]);
});
afterAll(() => t.close());

describe('runReminders', () => {
  it('four runs at once over 60 due tasks: each task reminded exactly once', async () => {
    const db = t.testDb.database.db;
    const { userId } = await t.userWithToken('sales');
    await db.execute(sql`insert into tasks (title, assignee_id, remind_at)
      select 'งาน ' || g, ${userId}::uuid, now() - interval '1 minute' from generate_series(1, 60) g`);
    const runs = await Promise.all([1, 2, 3, 4].map(() => runReminders(db)));
    expect(runs.reduce((n, r) => n + r.reminded, 0)).toBe(60);
    const [counted] = await rowsOf<{ n: number; tasks: number }>(
      db,
      sql`select count(*)::int as n, count(distinct ref_id)::int as tasks from notifications where kind = 'task_reminder'`,
    );
    expect(counted).toEqual({ n: 60, tasks: 60 });
    expect((await runReminders(db)).reminded).toBe(0);
  });

  it('leaves future, done and cancelled tasks alone', async () => {
    const db = t.testDb.database.db;
    const { userId } = await t.userWithToken('sales');
    await db.execute(sql`insert into tasks (title, assignee_id, remind_at, status) values
      ('future', ${userId}::uuid, now() + interval '1 hour', 'open'),
      ('done', ${userId}::uuid, now() - interval '1 hour', 'done'),
      ('cancelled', ${userId}::uuid, now() - interval '1 hour', 'cancelled')`);
    expect(await runReminders(db)).toEqual({ reminded: 0, overdue: 0 });
  });
});
