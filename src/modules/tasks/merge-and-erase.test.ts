import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { createCustomer } from '../customers/index.ts';
import { mergeCustomers } from '../dedupe/index.ts';
import { eraseCustomer } from '../privacy/index.ts';
import { createTask } from './create-task.ts';
import { taskErrors } from './errors.ts';
import { runReminders } from './run-reminders.ts';
import { notifications, tasks } from './schema.ts';

let t: TestApp;
let db: Db;
let userId: string;
const actor = systemActor('cli');

beforeAll(async () => {
  registerErrors(taskErrors);
  t = await createTestApp([]);
  db = t.testDb.database.db;
  userId = (await t.userWithToken('sales')).userId;
});
afterAll(() => t.close());

async function person(firstName: string, phone: string) {
  return (await createCustomer(db, actor, { firstName, phone } as never)).id;
}

describe('tasks follow the customer', () => {
  it('move to the surviving profile on merge; a new task for the merged id lands there too', async () => {
    const a = await person('สมศรี', '0811111111');
    const b = await person('Somsri', '0822222222');
    const task = await createTask(db, actor, { title: 'โทรหาสมศรี', customerId: b, assigneeId: userId });
    await mergeCustomers(db, actor, { survivorId: a, mergedIds: [b] });
    const [moved] = await db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(moved?.customerId).toBe(a);
    const later = await createTask(db, actor, { title: 'ส่งใบเสนอราคา', customerId: b, assigneeId: userId });
    expect(later.customer?.id).toBe(a);
  });

  it('keep the task but blank its notes, title and notification text when the customer is erased', async () => {
    const c = await person('ลบฉัน', '0833333333');
    const task = await createTask(db, actor, {
      title: 'โทรหาคุณลบฉัน',
      notes: 'บ้านคุณลบฉัน ซอย 5',
      customerId: c,
      assigneeId: userId,
      remindAt: new Date(Date.now() - 60_000).toISOString(),
    });
    await runReminders(db);
    await eraseCustomer(db, actor, c, { confirm: true, reason: 'customer asked' } as never);
    const [row] = await db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ customerId: c, status: 'open', notes: null });
    expect(row?.title ?? '').not.toContain('ลบฉัน');
    const sent = await db.select().from(notifications).where(eq(notifications.refId, task.id));
    expect(sent.length).toBeGreaterThan(0);
    for (const n of sent) expect(n.body ?? '').not.toContain('ลบฉัน');
    await expect(createTask(db, actor, { title: 'x', customerId: c, assigneeId: userId })).rejects.toMatchObject({
      code: 'task_customer_inactive',
    });
  });
});
