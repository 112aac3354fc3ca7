import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, thaiFontLoaded } from './support/browser.ts';
import { type E2eSession, screenshotOnFailure, setUpOwner, startE2eSession } from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

const owner = { name: 'Malee Owner', email: 'owner@tasks.example', password: 'correct horse battery' };
const TITLE = 'โทรติดตามใบเสนอราคา';

let session: E2eSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let csrf = '';
let customerId = '';
let taskId = '';
let pageErrors: string[] = [];

type Json = Record<string, unknown>;
async function api(method: 'get' | 'post' | 'patch', pathname: string, data?: unknown) {
  const res = await context.request[method](`${server.url}/api/v1${pathname}`, {
    ...(data === undefined ? {} : { data }),
    headers: { 'x-csrf-token': csrf },
  });
  return { status: res.status(), body: (await res.json()) as Json };
}

const todayInBangkok = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());

describe('tasks and reminders in a browser', () => {
  beforeAll(async () => {
    session = await startE2eSession({ name: 'tasks', viewport: { width: 1400, height: 900 }, locale: 'th-TH' });
    ({ server, context, page, pageErrors } = session);
    csrf = (await setUpOwner(session, { ...owner, locale: 'th', companyName: 'ร้านกาแฟบ้านสวน' })).csrfToken;
    const customer = await api('post', '/customers', { firstName: 'สมชาย', lastName: 'ใจดี', phone: '081-234-5678' });
    customerId = String(customer.body.id);
  });

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'tasks-failed'));
  afterAll(() => session?.close());

  it('adds a follow-up due today on the customer profile', async () => {
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByRole('tab', { name: 'งาน' }).click();
    const panel = page.getByTestId('customer-tasks');
    await panel.getByTestId('task-title').fill(TITLE);
    await panel.getByTestId('task-due').fill(todayInBangkok());
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/tasks') && r.request().method() === 'POST');
    await panel.getByRole('button', { name: 'เพิ่มงานติดตาม' }).click();
    const res = await created;
    expect(res.status()).toBe(201);
    const body = (await res.json()) as Json;
    taskId = String(body.id);
    expect(body).toMatchObject({ title: TITLE, kind: 'follow_up', dueAllDay: true, customer: { id: customerId } });
    expect(JSON.parse(res.request().postData() ?? '{}')).toMatchObject({ dueOn: todayInBangkok(), customerId });
    await panel.getByTestId('task-row').getByText(TITLE).waitFor();
    expect(await thaiFontLoaded(page)).toBe(true);
    await screenshot(page, 'tasks-profile-th');
  });

  it('shows it under Today on My tasks, and completes it with one click', async () => {
    await page.getByRole('link', { name: 'งานของฉัน' }).click();
    await page.waitForURL(/\/tasks$/);
    const today = page.getByTestId('task-group-today');
    await today.getByText(TITLE).waitFor();
    expect(await today.innerText()).toContain('สมชาย');
    await screenshot(page, 'tasks-my-tasks-th');
    const done = page.waitForResponse((r) => r.url().endsWith(`/tasks/${taskId}/complete`));
    await today.getByTestId('task-complete').click();
    expect((await done).status()).toBe(200);
    await page.getByTestId('task-group-done').getByText(TITLE).waitFor();
    const after = await api('get', `/customers/${customerId}/tasks?status=done`);
    expect((after.body.items as Json[])[0]).toMatchObject({ id: taskId, status: 'done' });
    // Completing wrote on the customer's timeline.
    const timeline = await api('get', `/customers/${customerId}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain(`✓ ${TITLE}`);
    await screenshot(page, 'tasks-completed-th');
  });

  it('shows a fired reminder on the bell; opening it marks it read', async () => {
    const task = await api('post', '/tasks', {
      title: 'ส่งตัวอย่างเมล็ดกาแฟ',
      kind: 'todo',
      dueOn: todayInBangkok(),
      remindAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(task.status).toBe(201);
    // The worker runs this every minute; an administrator may run it at once.
    const run = await api('post', '/tasks/reminders/run', {});
    expect(run).toMatchObject({ status: 200, body: { reminded: expect.any(Number) } });
    await page.reload();
    const bell = page.getByTestId('notification-bell');
    await page.locator('header').getByText('1', { exact: true }).waitFor();
    await bell.click();
    const list = page.getByTestId('notification-list');
    await list.getByText('เตือนความจำ: งานของคุณ').waitFor();
    expect(await list.innerText()).toContain('ส่งตัวอย่างเมล็ดกาแฟ');
    await screenshot(page, 'tasks-bell-th');
    const read = page.waitForResponse((r) => /\/notifications\/[^/]+\/read$/.test(r.url()));
    await list.getByTestId('notification-item').first().click();
    expect((await read).status()).toBe(200);
    expect((await api('get', '/notifications/unread-count')).body.unread).toBe(0);
  });

  it('is the same in English', async () => {
    await page.goto(`${server.url}/tasks`);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.getByTestId('task-group-today').getByText('ส่งตัวอย่างเมล็ดกาแฟ').waitFor();
    await page.getByTestId('task-group-done').getByText('Done', { exact: true }).waitFor();
    await screenshot(page, 'tasks-my-tasks-en');
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-list').getByText('Reminder: your task').waitFor();
    await screenshot(page, 'tasks-bell-en');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.getByTestId('customer-tasks').getByText(TITLE).waitFor();
    await screenshot(page, 'tasks-profile-en');
    expect(pageErrors).toEqual([]);
  });
});
