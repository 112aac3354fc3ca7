import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../core/audit/schema.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { outbox } from '../../core/events/schema.ts';
import { createCustomer, customers } from '../customers/index.ts';
import { createStaff, type Staff, userIdOf } from '../customers/testing.ts';
import { deleteActivity } from './delete-activity.ts';
import { logActivity } from './log-activity.ts';
import { recordActivity } from './record-activity.ts';
import { activities } from './schema.ts';
import { updateActivity } from './update-activity.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;
let customerOfA: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
  customerOfA = (await createCustomer(db, staff.salesA, { firstName: 'สมหญิง' })).id;
});
afterAll(() => testDb.cleanup());

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function activityCount(customerId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(activities)
    .where(eq(activities.customerId, customerId));
  return r?.n ?? 0;
}

async function lastContacted(customerId: string) {
  const [r] = await db.select({ at: customers.lastContactedAt }).from(customers).where(eq(customers.id, customerId));
  return r?.at ?? null;
}

describe('logActivity', () => {
  it('logs a note with the author, audit entry and activity.created event', async () => {
    const view = await logActivity(db, staff.salesA, customerOfA, { kind: 'note', body: '  ลูกค้าสนใจสินค้าใหม่  ' });
    expect(view).toMatchObject({
      kind: 'note',
      body: 'ลูกค้าสนใจสินค้าใหม่',
      actorUserId: userIdOf(staff.salesA),
      actorName: 'sales-a',
      direction: null,
      summary: { en: 'Note', th: 'บันทึก' },
    });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'activity'), eq(auditLog.entityId, view.id)));
    expect(audit?.action).toBe('create');
    const events = await db.select().from(outbox).where(eq(outbox.topic, 'activity.created'));
    expect(events.some((e) => (e.payload as { activityId: string }).activityId === view.id)).toBe(true);
  });

  it('logs a call with direction, outcome and duration; an outbound call moves last contact', async () => {
    const customer = (await createCustomer(db, staff.salesA, { firstName: 'ทดสอบโทร' })).id;
    expect(await lastContacted(customer)).toBeNull();
    await logActivity(db, staff.salesA, customer, {
      kind: 'call',
      direction: 'inbound',
      occurredAt: '2026-11-20T10:00:00+07:00',
    });
    expect(await lastContacted(customer)).toBeNull();
    const call = await logActivity(db, staff.salesA, customer, {
      kind: 'call',
      direction: 'outbound',
      outcome: 'connected',
      durationMinutes: 12,
      subject: 'ติดตามใบเสนอราคา',
      occurredAt: '2026-11-21T10:00:00+07:00',
    });
    expect(call).toMatchObject({ channel: 'phone', outcome: 'connected', durationMinutes: 12 });
    expect(call.summary.en).toBe('Outbound call, connected, 12 min: ติดตามใบเสนอราคา');
    expect(call.summary.th).toBe('โทรออก, ติดต่อได้, 12 นาที: ติดตามใบเสนอราคา');
    expect((await lastContacted(customer))?.toISOString()).toBe('2026-11-21T03:00:00.000Z');
    // An older meeting does not move it back.
    await logActivity(db, staff.salesA, customer, {
      kind: 'meeting',
      subject: 'เจอที่ร้าน',
      occurredAt: '2026-11-01T10:00:00Z',
    });
    expect((await lastContacted(customer))?.toISOString()).toBe('2026-11-21T03:00:00.000Z');
    // Deleting the call moves it back to the meeting.
    await deleteActivity(db, staff.salesA, customer, call.id);
    expect((await lastContacted(customer))?.toISOString()).toBe('2026-11-01T10:00:00.000Z');
  });

  it('counts an entry dated later today as contact now, not in the future', async () => {
    const customer = (await createCustomer(db, staff.salesA, { firstName: 'นัดล่วงหน้า' })).id;
    const soon = new Date(Date.now() + 3 * 3600_000);
    await logActivity(db, staff.salesA, customer, {
      kind: 'meeting',
      subject: 'นัดบ่าย',
      occurredAt: soon.toISOString(),
    });
    const at = await lastContacted(customer);
    expect(at).not.toBeNull();
    expect(at?.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    [{ kind: 'note' }, 'body'],
    [{ kind: 'note', body: 'x', direction: 'outbound' }, 'direction'],
    [{ kind: 'note', body: 'x', durationMinutes: 5 }, 'durationMinutes'],
    [{ kind: 'meeting', body: 'x', outcome: 'busy' }, 'outcome'],
    [{ kind: 'meeting' }, 'subject'],
    [{ kind: 'call' }, 'direction'],
    [{ kind: 'call', direction: 'sideways' }, 'direction'],
    [{ kind: 'call', direction: 'outbound', outcome: 'happy' }, 'outcome'],
    [{ kind: 'call', direction: 'outbound', durationMinutes: 1441 }, 'durationMinutes'],
    [{ kind: 'call', direction: 'outbound', durationMinutes: -1 }, 'durationMinutes'],
    [{ kind: 'email', body: 'x' }, 'kind'],
    [{ kind: 'note', body: 'x'.repeat(10_001) }, 'body'],
    [{ kind: 'note', body: 'x', subject: 'y'.repeat(201) }, 'subject'],
    [{ kind: 'note', body: 'x', occurredAt: 'yesterday' }, 'occurredAt'],
    [{ kind: 'note', body: 'x', occurredAt: new Date(Date.now() + 25 * 3600_000).toISOString() }, 'occurredAt'],
    [{ kind: 'note', body: 'x', extra: 1 }, ''],
  ])('refuses %j with a field error on %s and writes nothing', async (input, path) => {
    const before = await activityCount(customerOfA);
    const err = await failure(logActivity(db, staff.salesA, customerOfA, input as never));
    expect(err.code).toBe('validation_failed');
    const details = err.details as { path: string; message: string; th?: string }[];
    expect(details.some((d) => (path === '' ? true : d.path === path))).toBe(true);
    for (const d of details) expect(d.message).toBeTruthy();
    expect(await activityCount(customerOfA)).toBe(before);
  });

  it('gives Thai and English text for the cross-field rules', async () => {
    const err = await failure(logActivity(db, staff.salesA, customerOfA, { kind: 'call' }));
    expect(err.details).toEqual([
      { path: 'direction', message: 'say whether the call was inbound or outbound', th: 'กรุณาระบุว่าเป็นสายเข้าหรือโทรออก' },
    ]);
  });

  it('is not_found for a customer outside the caller’s scope, forbidden for read-only roles', async () => {
    expect((await failure(logActivity(db, staff.salesB, customerOfA, { kind: 'note', body: 'x' }))).code).toBe(
      'not_found',
    );
    expect((await failure(logActivity(db, staff.viewer, customerOfA, { kind: 'note', body: 'x' }))).code).toBe(
      'forbidden',
    );
    expect((await failure(logActivity(db, staff.marketing, customerOfA, { kind: 'note', body: 'x' }))).code).toBe(
      'forbidden',
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await failure(logActivity(db, staff.admin, missing, { kind: 'note', body: 'x' }))).code).toBe('not_found');
  });
  it('refuses new entries on a merged profile (customer_not_active) but keeps its timeline readable', async () => {
    const gone = (await createCustomer(db, staff.salesA, { firstName: 'ถูกรวม' })).id;
    const note = await logActivity(db, staff.salesA, gone, { kind: 'note', body: 'ก่อนรวม' });
    await db.update(customers).set({ status: 'merged' }).where(eq(customers.id, gone));
    const err = await failure(logActivity(db, staff.salesA, gone, { kind: 'note', body: 'หลังรวม' }));
    expect(err.code).toBe('customer_not_active');
    expect(err.params).toEqual({ status: 'merged', statusTh: 'รวมเข้ากับโปรไฟล์อื่น' });
    expect((await failure(deleteActivity(db, staff.salesA, gone, note.id))).code).toBe('customer_not_active');
    expect(await activityCount(gone)).toBe(1);
  });
});

describe('updateActivity and deleteActivity', () => {
  it('lets the author change a note, with audit and event; cross-field rules apply to the result', async () => {
    const note = await logActivity(db, staff.salesA, customerOfA, { kind: 'note', body: 'ร่าง' });
    const after = await updateActivity(db, staff.salesA, customerOfA, note.id, { body: 'ฉบับแก้', subject: 'หัวข้อ' });
    expect(after).toMatchObject({ body: 'ฉบับแก้', subject: 'หัวข้อ', actorName: 'sales-a' });
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, note.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['create', 'update']);
    const err = await failure(updateActivity(db, staff.salesA, customerOfA, note.id, { body: null }));
    expect(err.code).toBe('validation_failed');
    expect((err.details as { path: string }[])[0]?.path).toBe('body');
    const err2 = await failure(updateActivity(db, staff.salesA, customerOfA, note.id, { direction: 'inbound' }));
    expect((err2.details as { path: string }[])[0]?.path).toBe('direction');
    const [row] = await db.select().from(activities).where(eq(activities.id, note.id));
    expect(row?.body).toBe('ฉบับแก้');
  });

  it('refuses someone who sees the customer but did not log the entry (403 activity_not_author); managers and admins may', async () => {
    const customer = (await createCustomer(db, staff.salesA, { firstName: 'ลูกค้าทีม A' })).id;
    const note = await logActivity(db, staff.salesA, customer, { kind: 'note', body: 'ของ A' });
    // salesA2 cannot even see A's customer (own scope): not found.
    expect((await failure(updateActivity(db, staff.salesA2, customer, note.id, { body: 'x' }))).code).toBe('not_found');
    // service sees every customer and may update customers, but did not write the note.
    expect((await failure(updateActivity(db, staff.service, customer, note.id, { body: 'x' }))).code).toBe(
      'activity_not_author',
    );
    expect((await failure(deleteActivity(db, staff.service, customer, note.id))).code).toBe('activity_not_author');
    const edited = await updateActivity(db, staff.managerA, customer, note.id, { body: 'แก้โดยผู้จัดการ' });
    expect(edited.actorName).toBe('sales-a');
    await deleteActivity(db, staff.admin, customer, note.id);
    expect(await activityCount(customer)).toBe(0);
    const deletes = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, note.id), eq(auditLog.action, 'delete')));
    expect(deletes).toHaveLength(1);
    expect(JSON.stringify(deletes[0]?.changes)).toContain('แก้โดยผู้จัดการ');
  });

  it('refuses to change entries written by other modules (403 activity_not_editable)', async () => {
    const id = crypto.randomUUID();
    await recordActivity(db, {
      id,
      customerId: customerOfA,
      kind: 'consent',
      data: { purpose: 'marketing', channel: 'email', status: 'granted' },
    });
    expect((await failure(updateActivity(db, staff.admin, customerOfA, id, { body: 'x' }))).code).toBe(
      'activity_not_editable',
    );
    expect((await failure(deleteActivity(db, staff.admin, customerOfA, id))).code).toBe('activity_not_editable');
  });

  it('is not_found for an activity of another customer', async () => {
    const other = (await createCustomer(db, staff.salesA, { firstName: 'อื่น' })).id;
    const note = await logActivity(db, staff.salesA, other, { kind: 'note', body: 'x' });
    expect((await failure(deleteActivity(db, staff.salesA, customerOfA, note.id))).code).toBe('not_found');
    expect(await activityCount(other)).toBe(1);
  });
});
