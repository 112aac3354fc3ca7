import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../core/audit/schema.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { outbox } from '../../core/events/schema.ts';
import { createCustomer } from './create-customer.ts';
import { customers } from './schema.ts';
import { createStaff, type Staff, userIdOf } from './testing.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
});
afterAll(() => testDb.cleanup());

async function counts() {
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(customers);
  const [a] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.entityType, 'customer'));
  const [o] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.aggregateType, 'customer'));
  return { customers: c?.n, audit: a?.n, outbox: o?.n };
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe('createCustomer', () => {
  it('normalises contacts, owns the customer by the caller and their team, and writes audit and outbox', async () => {
    const view = await createCustomer(db, staff.salesA, {
      firstName: 'สมชาย',
      lastName: 'ใจดี',
      firstNameEn: 'Somchai',
      lastNameEn: 'Chaidi',
      nickname: 'ต้น',
      email: '  Somchai.C@Example.COM ',
      phone: '081-234-5678',
      tags: ['VIP', 'VIP', 'ลูกค้าประจำ'],
      source: 'line_oa',
    });
    expect(view).toMatchObject({
      kind: 'person',
      displayName: 'สมชาย ใจดี',
      email: 'somchai.c@example.com',
      phone: '+66812345678',
      tags: ['VIP', 'ลูกค้าประจำ'],
      ownerId: userIdOf(staff.salesA),
      teamId: staff.teamA,
    });
    expect(view.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, view.id)));
    expect(audit).toMatchObject({ action: 'create', actorId: userIdOf(staff.salesA), source: 'web' });
    expect(audit?.changes?.phone).toEqual({ before: null, after: '+66812345678' });
    const [event] = await db.select().from(outbox).where(eq(outbox.aggregateId, view.id));
    expect(event).toMatchObject({ topic: 'customer.created', aggregateType: 'customer' });
    expect(event?.payload).toMatchObject({ ownerId: userIdOf(staff.salesA), teamId: staff.teamA, source: 'line_oa' });
  });

  it('derives the display name from the English name or nickname when no Thai name is given', async () => {
    expect((await createCustomer(db, staff.salesA, { firstNameEn: 'Anna', lastNameEn: 'Lee' })).displayName).toBe(
      'Anna Lee',
    );
    expect((await createCustomer(db, staff.salesA, { nickname: 'บีม' })).displayName).toBe('บีม');
    const company = await createCustomer(db, staff.salesA, { kind: 'company', displayName: 'บริษัท สยามเบเกอรี่ จำกัด' });
    expect(company).toMatchObject({ kind: 'company', displayName: 'บริษัท สยามเบเกอรี่ จำกัด' });
  });

  it.each([
    [{ firstName: 'ก', phone: '081-234-567' }, 'phone', /10 digits/],
    [{ firstName: 'ก', phone: '0812345678 ext 2' }, 'phone', /only digits/],
    [{ firstName: 'ก', email: 'not-an-email' }, 'email', /email/],
    [{ firstName: 'ก', postcode: '1234' }, 'postcode', /5 digits/],
    [{ firstName: 'ก', source: 'LINE OA' }, 'source', /code/],
    [{ email: 'a@b.co' }, 'displayName', /display name/],
    [{ firstName: 'ก', vip: true }, '(body)', /./],
    [{ firstName: 'ก', ownerId: 'nope' }, 'ownerId', /./],
  ])('refuses %j with a field error and writes nothing', async (input, path, message) => {
    const before = await counts();
    const err = await expectAppError(createCustomer(db, staff.admin, input as never), 'validation_failed');
    const details = err.details as { path: string; message: string }[];
    expect(
      details.some((d) => d.path === path && message.test(d.message)),
      JSON.stringify(details),
    ).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('lets only roles with create permission create: viewer and marketing are forbidden', async () => {
    const before = await counts();
    await expectAppError(createCustomer(db, staff.viewer, { firstName: 'ก' }), 'forbidden');
    await expectAppError(createCustomer(db, staff.marketing, { firstName: 'ก' }), 'forbidden');
    expect(await counts()).toEqual(before);
  });

  it('refuses an explicit other owner from sales, and writes nothing', async () => {
    const before = await counts();
    await expectAppError(
      createCustomer(db, staff.salesA, { firstName: 'ก', ownerId: userIdOf(staff.salesA2) }),
      'customer_owner_forbidden',
    );
    await expectAppError(
      createCustomer(db, staff.salesA, { firstName: 'ก', ownerId: null }),
      'customer_owner_forbidden',
    );
    expect(await counts()).toEqual(before);
    // naming oneself is fine
    const own = await createCustomer(db, staff.salesA, { firstName: 'ข', ownerId: userIdOf(staff.salesA) });
    expect(own.ownerId).toBe(userIdOf(staff.salesA));
  });

  it('lets a manager assign within their team only, and admins anyone', async () => {
    const inTeam = await createCustomer(db, staff.managerA, { firstName: 'ค', ownerId: userIdOf(staff.salesA2) });
    expect(inTeam).toMatchObject({ ownerId: userIdOf(staff.salesA2), teamId: staff.teamA });
    await expectAppError(
      createCustomer(db, staff.managerA, { firstName: 'ค', ownerId: userIdOf(staff.salesB) }),
      'customer_owner_outside_team',
    );
    const other = await createCustomer(db, staff.admin, { firstName: 'ง', ownerId: userIdOf(staff.salesB) });
    expect(other).toMatchObject({ ownerId: userIdOf(staff.salesB), teamId: staff.teamB });
    const unowned = await createCustomer(db, staff.admin, { firstName: 'จ', ownerId: null });
    expect(unowned).toMatchObject({ ownerId: null, teamId: null });
  });

  it('refuses an owner that is not an active user', async () => {
    const err = await expectAppError(
      createCustomer(db, staff.admin, { firstName: 'ก', ownerId: '00000000-0000-4000-8000-000000000000' }),
      'validation_failed',
    );
    expect(err.details).toEqual([
      { path: 'ownerId', message: 'no active user with this id', th: 'ไม่พบผู้ใช้ที่ใช้งานอยู่ตามรหัสนี้' },
    ]);
  });

  it('creates unowned customers from the command line (no user behind the actor)', async () => {
    const view = await createCustomer(db, systemActor('cli'), { firstName: 'ฉ' });
    expect(view).toMatchObject({ ownerId: null, teamId: null });
  });
});
