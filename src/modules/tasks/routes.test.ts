import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { createTeam } from '../../core/auth/create-team.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { activitiesModule } from '../activities/index.ts';
import { customersModule } from '../customers/index.ts';
import { tasksModule } from './index.ts';
import { runReminders } from './run-reminders.ts';

let t: TestApp;
type User = { userId: string; token: string };
let admin: User;
let manager: User;
let salesA: User;
let salesB: User;
let outsider: User;
let customerOfB: string;

type Json = Record<string, unknown>;
const call = async (method: string, path: string, token: string, body?: unknown, lang = 'en') => {
  const res = await t.app.request(
    `/api/v1${path}`,
    jsonRequest(method, body, bearer(token, { 'accept-language': lang })),
  );
  return { status: res.status, body: (await res.json()) as Json };
};
const count = async (table: string) =>
  Number((await t.testDb.database.query<{ n: string }>(`select count(*)::text as n from ${table}`))[0]?.n ?? 'NaN');
const items = (body: Json) => body.items as Json[];
const later = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeAll(async () => {
  const modules = [customersModule, activitiesModule, tasksModule];
  for (const m of modules) registerErrors(m.errors ?? {});
  t = await createTestApp(modules);
  const db = t.testDb.database.db;
  const team = await createTeam(db, systemActor('cli'), { name: 'ทีมขาย' });
  const other = await createTeam(db, systemActor('cli'), { name: 'ทีมอื่น' });
  admin = await t.userWithToken('admin');
  manager = await t.userWithToken('manager', { teamId: team.id });
  salesA = await t.userWithToken('sales', { teamId: team.id });
  salesB = await t.userWithToken('sales', { teamId: other.id });
  outsider = await t.userWithToken('sales', { teamId: other.id });
  customerOfB = String((await call('POST', '/customers', salesB.token, { firstName: 'สมชาย' })).body.id);
});
afterAll(() => t.close());

describe('POST /tasks', () => {
  it('creates a task for the caller; a date-only due is the end of that day in Asia/Bangkok', async () => {
    const res = await call('POST', '/tasks', salesA.token, { title: 'โทรหาลูกค้า', kind: 'call', dueOn: '2026-12-24' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'โทรหาลูกค้า',
      kind: 'call',
      status: 'open',
      priority: 'normal',
      dueAllDay: true,
      assignee: { id: salesA.userId },
      teamId: expect.any(String),
    });
    // 23:59:59 on 24 Dec in Bangkok (UTC+7) is 16:59:59 UTC.
    expect(res.body.dueAt).toBe('2026-12-24T16:59:59.000Z');
    const audit = await t.testDb.database.query<{ n: string }>(
      `select count(*)::text as n from audit_log where entity_type = 'task' and entity_id = '${res.body.id}'`,
    );
    expect(audit[0]?.n).toBe('1');
    const events = await t.testDb.database.query<{ topic: string }>(
      `select topic from outbox where aggregate_id = '${res.body.id}'`,
    );
    expect(events.map((e) => e.topic)).toEqual(['tasks.created']);
  });

  it('refuses bad input with coded errors in Thai and English, writing nothing', async () => {
    const before = { tasks: await count('tasks'), audit: await count('audit_log') };
    const due = later(3_600_000);
    const cases: [Json, number, string][] = [
      [{ title: '' }, 400, 'validation_failed'],
      [{ title: 'x', kind: 'party' }, 400, 'validation_failed'],
      [{ title: 'x', dueOn: '2026-02-30' }, 400, 'validation_failed'],
      [{ title: 'x', dueAt: due, remindAt: later(7_200_000) }, 422, 'task_remind_after_due'],
      [{ title: 'x', dueAt: due, dueOn: '2026-12-24' }, 422, 'task_due_twice'],
      [{ title: 'x', assigneeId: '00000000-0000-4000-8000-000000000000' }, 422, 'task_assignee_unknown'],
      [{ title: 'x', customerId: '00000000-0000-4000-8000-000000000000' }, 404, 'not_found'],
      // Another salesperson's customer does not exist for this caller.
      [{ title: 'x', customerId: customerOfB }, 404, 'not_found'],
      [{ title: 'x', relatedType: 'deal' }, 422, 'task_related_incomplete'],
      [
        { title: 'x', relatedType: 'order', relatedId: '00000000-0000-4000-8000-000000000000' },
        422,
        'task_related_unknown',
      ],
    ];
    for (const [body, status, code] of cases) {
      const en = await call('POST', '/tasks', salesA.token, body);
      expect({ body, status: en.status, code: en.body.code }).toEqual({ body, status, code });
    }
    const th = await call('POST', '/tasks', salesA.token, { title: 'x', dueAt: due, remindAt: later(7_200_000) }, 'th');
    expect(String(th.body.detail ?? th.body.title)).toContain('เวลาเตือน');
    expect({ tasks: await count('tasks'), audit: await count('audit_log') }).toEqual(before);
  });

  it('a retry with the same Idempotency-Key creates one task', async () => {
    const before = await count('tasks');
    const send = () =>
      t.app.request(
        '/api/v1/tasks',
        jsonRequest('POST', { title: 'ครั้งเดียว' }, bearer(salesA.token, { 'idempotency-key': 'task-retry-1' })),
      );
    const [first, second] = [await send(), await send()];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(((await second.json()) as Json).id).toBe(((await first.json()) as Json).id);
    expect(await count('tasks')).toBe(before + 1);
  });

  it('allows a reminder at or before the due time, and an assignment notifies the assignee', async () => {
    const due = later(86_400_000);
    const res = await call('POST', '/tasks', manager.token, {
      title: 'ส่งใบเสนอราคา',
      dueAt: due,
      remindAt: due,
      assigneeId: salesA.userId,
    });
    expect(res.status).toBe(201);
    const inbox = await call('GET', '/notifications', salesA.token);
    expect(items(inbox.body)[0]).toMatchObject({ kind: 'task_assigned', body: 'ส่งใบเสนอราคา', readAt: null });
  });
});

describe('visibility', () => {
  let privateTask: string;
  let onCustomerOfB: string;
  beforeAll(async () => {
    privateTask = String((await call('POST', '/tasks', salesA.token, { title: 'งานส่วนตัวของ A' })).body.id);
    onCustomerOfB = String(
      (
        await call('POST', '/tasks', admin.token, {
          title: 'ติดตามสมชาย',
          customerId: customerOfB,
          assigneeId: admin.userId,
        })
      ).body.id,
    );
  });
  const ids = async (token: string, query = '') =>
    items((await call('GET', `/tasks?limit=200${query}`, token)).body).map((x) => x.id);

  it('a salesperson sees their own tasks and the tasks on their customers, not others’', async () => {
    expect(await ids(salesA.token)).toContain(privateTask);
    expect(await ids(salesB.token)).not.toContain(privateTask);
    expect(await ids(salesB.token)).toContain(onCustomerOfB);
    expect(await ids(outsider.token)).not.toContain(onCustomerOfB);
    expect((await call('GET', `/customers/${customerOfB}/tasks`, salesB.token)).body.items).toHaveLength(1);
  });

  it('a manager sees the team’s tasks; an admin sees all', async () => {
    expect(await ids(manager.token)).toContain(privateTask);
    expect(await ids(admin.token)).toContain(privateTask);
    expect((await call('GET', `/tasks/${privateTask}`, manager.token)).body.title).toBe('งานส่วนตัวของ A');
    expect((await call('GET', `/tasks/${privateTask}`, salesB.token)).status).toBe(404);
  });

  it('someone who may only see a task cannot change it; a stranger gets not found', async () => {
    expect((await call('POST', `/tasks/${onCustomerOfB}/complete`, salesB.token)).body.code).toBe('task_not_yours');
    const stranger = await call('PATCH', `/tasks/${privateTask}`, salesB.token, { title: 'แก้' });
    expect([stranger.status, stranger.body.code]).toEqual([404, 'not_found']);
    const boss = await call('PATCH', `/tasks/${privateTask}`, manager.token, { priority: 'high' });
    expect(boss.body).toMatchObject({ priority: 'high', title: 'งานส่วนตัวของ A' });
  });
});

describe('complete, reopen, cancel', () => {
  it('completing a task about a customer writes on the timeline, audit and outbox; states are checked', async () => {
    const task = (
      await call('POST', '/tasks', salesB.token, { title: 'โทรยืนยันนัด', kind: 'call', customerId: customerOfB })
    ).body;
    const done = await call('POST', `/tasks/${task.id}/complete`, salesB.token);
    expect(done.body).toMatchObject({ status: 'done', completedAt: expect.any(String) });
    const again = await call('POST', `/tasks/${task.id}/complete`, salesB.token);
    expect([again.status, again.body.code]).toEqual([409, 'task_already_done']);
    const timeline = await t.testDb.database.query<{ subject: string; ref_type: string }>(
      `select subject, ref_type from activities where ref_id = '${task.id}'`,
    );
    expect(timeline).toEqual([{ subject: '✓ โทรยืนยันนัด', ref_type: 'task' }]);
    expect((await call('POST', `/tasks/${task.id}/cancel`, salesB.token)).body.code).toBe('task_not_open');
    expect((await call('POST', `/tasks/${task.id}/reopen`, salesB.token)).body).toMatchObject({
      status: 'open',
      completedAt: null,
    });
    expect((await call('POST', `/tasks/${task.id}/cancel`, salesB.token)).body.status).toBe('cancelled');
    const topics = await t.testDb.database.query<{ topic: string }>(
      `select topic from outbox where aggregate_id = '${task.id}' order by id`,
    );
    expect(topics.map((x) => x.topic)).toEqual([
      'tasks.created',
      'tasks.completed',
      'tasks.reopened',
      'tasks.cancelled',
    ]);
  });
});

describe('filters and paging', () => {
  it('overdue, today, done; soonest due first with a cursor', async () => {
    const u = await t.userWithToken('service');
    const make = (title: string, extra: Json) => call('POST', '/tasks', u.token, { title, ...extra });
    await make('เลยกำหนด', { dueAt: later(-3_600_000) });
    await make('วันนี้', { dueOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date()) });
    await make('ปีหน้า', { dueAt: later(365 * 86_400_000) });
    await make('ไม่มีกำหนด', {});
    const titles = async (q: string) =>
      items((await call('GET', `/tasks?assignee=me${q}`, u.token)).body).map((x) => x.title);
    expect(await titles('')).toEqual(['เลยกำหนด', 'วันนี้', 'ปีหน้า', 'ไม่มีกำหนด']);
    expect(await titles('&due=overdue')).toEqual(['เลยกำหนด']);
    expect(items((await call('GET', '/tasks/overdue?assignee=me', u.token)).body)[0]?.overdue).toBe(true);
    expect(await titles('&due=today')).toContain('วันนี้');
    expect(await titles('&due=none')).toEqual(['ไม่มีกำหนด']);
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/tasks?assignee=me&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call('GET', q, u.token);
      seen.push(...items(page.body).map((x) => x.title));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(['เลยกำหนด', 'วันนี้', 'ปีหน้า', 'ไม่มีกำหนด']);
    expect((await call('GET', '/tasks?cursor=nonsense', u.token)).status).toBe(400);
  });
});

describe('reminders and notifications', () => {
  it('two reminder runs at once send exactly one reminder and one overdue notice', async () => {
    const u = await t.userWithToken('marketing');
    const task = await call('POST', '/tasks', u.token, {
      title: 'เตือนฉัน',
      dueAt: later(-1_000),
      remindAt: later(-60_000),
    });
    expect(task.status).toBe(201);
    const db = t.testDb.database.db;
    const runs = await Promise.all([runReminders(db), runReminders(db)]);
    expect(runs.reduce((n, r) => n + r.reminded, 0)).toBeGreaterThanOrEqual(1);
    await runReminders(db);
    const mine = await t.testDb.database.query<{ kind: string }>(
      `select kind from notifications where ref_id = '${task.body.id}' order by kind`,
    );
    expect(mine.map((n) => n.kind)).toEqual(['task_overdue', 'task_reminder']);
    const inbox = await call('GET', '/notifications', u.token);
    expect(inbox.body.unread).toBe(2);
    const first = items(inbox.body)[0] as Json;
    expect(first).toMatchObject({ titleEn: expect.any(String), titleTh: expect.any(String), link: '/tasks' });
    expect((await call('POST', `/notifications/${first.id}/read`, u.token)).body.readAt).toEqual(expect.any(String));
    expect((await call('GET', '/notifications/unread-count', u.token)).body.unread).toBe(1);
    // Unread first.
    expect(items((await call('GET', '/notifications', u.token)).body)[0]?.readAt).toBeNull();
    expect((await call('POST', `/notifications/${first.id}/read`, salesA.token)).status).toBe(404);
    expect((await call('POST', '/notifications/read-all', u.token)).body.updated).toBe(1);
    expect((await call('GET', '/notifications/unread-count', u.token)).body.unread).toBe(0);
  });

  it('moving the reminder re-arms it; only administrators run reminders on demand', async () => {
    const task = await call('POST', '/tasks', salesA.token, { title: 'เลื่อนเตือน', remindAt: later(-1_000) });
    await runReminders(t.testDb.database.db);
    const moved = await call('PATCH', `/tasks/${task.body.id}`, salesA.token, { remindAt: later(-500) });
    expect(moved.body.remindedAt).toBeNull();
    expect((await call('POST', '/tasks/reminders/run', salesA.token)).status).toBe(403);
    const run = await call('POST', '/tasks/reminders/run', admin.token);
    expect(run.body.reminded).toBeGreaterThanOrEqual(1);
  });
});
