import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../core/audit/schema.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { outbox } from '../../core/events/schema.ts';
import { activities } from '../activities/index.ts';
import { companyContacts, customerIdentities, customers } from '../customers/index.ts';
import { createStaff, type Staff } from '../customers/testing.ts';
import { addConsent, countWhere, ensurePurpose, makeProfile } from './dedupe-fixtures.ts';
import { dismissDuplicate } from './dismiss-duplicate.ts';
import { mergeCustomers } from './merge-customers.ts';
import { customerMerges, duplicateDismissals } from './schema.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
  await ensurePurpose(db);
  // A table of a later module: the merge must find and move it without knowing it.
  await db.execute(sql`create table loyalty_points_test (
    id uuid primary key default gen_random_uuid(),
    customer_id uuid not null references customers(id) on delete cascade,
    points int not null)`);
});
afterAll(() => testDb.cleanup());

async function code(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

async function row(id: string) {
  const [r] = await db.select().from(customers).where(eq(customers.id, id));
  if (!r) throw new Error(`no customer ${id}`);
  return r;
}

describe('mergeCustomers', () => {
  it('moves everything to the survivor, keeps chosen values and leaves a tombstone', async () => {
    const survivor = await makeProfile(
      db,
      staff.managerA,
      {
        displayName: 'สมชาย ใจดี',
        firstName: 'สมชาย',
        lastName: 'ใจดี',
        email: 'somchai@example.com',
        tags: ['VIP'],
        interests: ['golf'],
        customFields: { size: 'L', colour: 'red' },
        createdAt: new Date('2025-06-01T00:00:00Z'),
      },
      { identities: [{ kind: 'email', value: 'somchai@example.com', isPrimary: true }], activities: 3 },
    );
    const other = await makeProfile(
      db,
      staff.managerA,
      {
        displayName: 'นายสมชาย ใจดี',
        firstNameEn: 'Somchai',
        phone: '+66812345678',
        birthday: '1990-05-01',
        email: 'somchai.c@gmail.com',
        tags: ['ลูกค้าประจำ', 'VIP'],
        interests: ['travel'],
        customFields: { size: 'M', pet: 'cat' },
        createdAt: new Date('2024-01-01T00:00:00Z'),
      },
      {
        identities: [
          { kind: 'phone', value: '+66812345678', isPrimary: true },
          { kind: 'email', value: 'somchai.c@gmail.com', isPrimary: true },
          { kind: 'line', value: 'U123somchai' },
        ],
        activities: 5,
      },
    );
    const company = await makeProfile(db, staff.managerA, { displayName: 'บริษัท สยาม จำกัด', kind: 'company' });
    const friend = await makeProfile(db, staff.managerA, { displayName: 'วิชัย', referredById: other });
    const unrelated = await makeProfile(db, staff.managerA, { displayName: 'มาลี' });
    await db.insert(companyContacts).values([
      { companyId: company, personId: survivor, role: 'buyer' },
      { companyId: company, personId: other, role: 'decision_maker' },
    ]);
    await db.execute(
      sql`insert into customer_addresses (customer_id, label, province) values (${other}, 'work', 'เชียงใหม่')`,
    );
    await db.execute(sql`insert into loyalty_points_test (customer_id, points) values (${other}, 120), (${other}, 30)`);
    await addConsent(db, survivor, 'granted', new Date('2026-01-01T00:00:00Z'));
    await addConsent(db, other, 'withdrawn', new Date('2026-03-01T00:00:00Z'));
    await addConsent(db, other, 'granted', new Date('2026-02-01T00:00:00Z'), 'sms');
    await dismissDuplicate(db, staff.managerA, { customerIds: [other, unrelated] });

    const result = await mergeCustomers(db, staff.managerA, {
      survivorId: survivor,
      mergedIds: [other],
      fieldChoices: { email: other },
    });

    expect(result.moved).toMatchObject({
      activities: 5,
      customer_identities: 3,
      customer_addresses: 1,
      consent_records: 2,
      loyalty_points_test: 2,
    });
    const s = await row(survivor);
    expect(s).toMatchObject({
      status: 'active',
      displayName: 'สมชาย ใจดี',
      firstName: 'สมชาย',
      firstNameEn: 'Somchai',
      email: 'somchai.c@gmail.com',
      phone: '+66812345678',
      birthday: '1990-05-01',
    });
    expect(s.tags.sort()).toEqual(['VIP', 'ลูกค้าประจำ'].sort());
    expect(s.interests.sort()).toEqual(['golf', 'travel']);
    expect(s.customFields).toEqual({ size: 'L', colour: 'red', pet: 'cat' });
    expect(s.createdAt.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(s.searchText).toContain('somchai');
    expect(s.searchText).toContain('0812345678');

    const t = await row(other);
    expect(t).toMatchObject({ status: 'merged', mergedIntoId: survivor, email: null, phone: null, searchText: '' });
    for (const table of [
      'activities',
      'customer_identities',
      'customer_addresses',
      'consent_records',
      'loyalty_points_test',
    ]) {
      expect(await countWhere(db, table, other)).toBe(0);
    }
    expect(await countWhere(db, 'activities', survivor)).toBe(3 + 5 + 1);
    // Primary identity follows the chosen email.
    const emails = await db
      .select({ value: customerIdentities.value, isPrimary: customerIdentities.isPrimary })
      .from(customerIdentities)
      .where(and(eq(customerIdentities.customerId, survivor), eq(customerIdentities.kind, 'email')));
    expect(emails.filter((e) => e.isPrimary).map((e) => e.value)).toEqual(['somchai.c@gmail.com']);
    // Consent state is the latest record per purpose and channel.
    const state = (await db.execute(
      sql`select channel, status from consent_state where customer_id = ${survivor} order by channel`,
    )) as unknown as { rows: { channel: string; status: string }[] };
    expect(state.rows).toEqual([
      { channel: 'email', status: 'withdrawn' },
      { channel: 'sms', status: 'granted' },
    ]);
    expect(await countWhere(db, 'consent_state', other)).toBe(0);
    // The buying centre keeps one link per company and person.
    const links = await db.select().from(companyContacts).where(eq(companyContacts.companyId, company));
    expect(links.map((l) => l.personId)).toEqual([survivor]);
    expect((await row(friend)).referredById).toBe(survivor);
    const dismissals = await db.select().from(duplicateDismissals);
    expect(dismissals.map((d) => [d.customerA, d.customerB].sort())).toEqual([[survivor, unrelated].sort()]);

    const [merge] = await db.select().from(customerMerges).where(eq(customerMerges.id, result.mergeId));
    expect(merge?.mergedIds).toEqual([other]);
    expect(merge?.fieldChoices.email).toBe(other);
    expect(merge?.fieldChoices.displayName).toBe(survivor);
    expect(merge?.undoUntil.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'merge'));
    expect(audits.map((a) => a.entityId).sort()).toEqual([survivor, other].sort());
    const events = await db.select().from(outbox).where(eq(outbox.topic, 'customer.merged'));
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({ survivorId: survivor, mergedIds: [other] });
    const [timeline] = await db
      .select()
      .from(activities)
      .where(and(eq(activities.customerId, survivor), eq(activities.kind, 'merge')));
    expect(timeline?.refId).toBe(result.mergeId);
  });

  it('merges three profiles, taking missing values from the most recently updated one', async () => {
    const a = await makeProfile(db, staff.admin, { displayName: 'A', province: null });
    const b = await makeProfile(db, staff.admin, {
      displayName: 'B',
      province: 'ภูเก็ต',
      postcode: '83000',
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    });
    const c = await makeProfile(db, staff.admin, {
      displayName: 'C',
      province: 'ขอนแก่น',
      updatedAt: new Date('2026-05-01T00:00:00Z'),
    });
    const r = await mergeCustomers(db, staff.admin, { survivorId: a, mergedIds: [b, c] });
    const s = await row(a);
    // The address is one group: C's, not C's province with B's postcode.
    expect(s).toMatchObject({ displayName: 'A', province: 'ขอนแก่น', postcode: null });
    expect(r.fieldChoices.address).toBe(c);
    expect((await row(b)).status).toBe('merged');
    expect((await row(c)).mergedIntoId).toBe(a);
  });

  it('refuses bad requests with a coded error and writes nothing', async () => {
    const a = await makeProfile(db, staff.managerA, { displayName: 'ก' });
    const b = await makeProfile(db, staff.managerA, { displayName: 'ข' });
    const ofTeamB = await makeProfile(db, staff.salesB, { displayName: 'ค' });
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(customerMerges);
    expect(await code(mergeCustomers(db, staff.managerA, { survivorId: a, mergedIds: [a] }))).toBe('merge_into_itself');
    expect(await code(mergeCustomers(db, staff.managerA, { survivorId: a, mergedIds: [b, b] }))).toBe(
      'merge_duplicate_ids',
    );
    expect(await code(mergeCustomers(db, staff.managerA, { survivorId: a, mergedIds: [ofTeamB] }))).toBe('not_found');
    expect(await code(mergeCustomers(db, staff.managerA, { survivorId: ofTeamB, mergedIds: [a] }))).toBe('not_found');
    expect(await code(mergeCustomers(db, staff.managerA, { survivorId: a, mergedIds: [crypto.randomUUID()] }))).toBe(
      'not_found',
    );
    // Sales may update but not delete customers; viewers neither.
    expect(await code(mergeCustomers(db, staff.salesA, { survivorId: a, mergedIds: [b] }))).toBe('forbidden');
    expect(await code(mergeCustomers(db, staff.viewer, { survivorId: a, mergedIds: [b] }))).toBe('forbidden');
    const invalid = await mergeCustomers(db, staff.managerA, {
      survivorId: a,
      mergedIds: [b],
      fieldChoices: { email: ofTeamB },
    }).catch((e: unknown) => e as AppError);
    expect(invalid).toBeInstanceOf(AppError);
    expect((invalid as AppError).code).toBe('validation_failed');
    expect((invalid as AppError).details).toEqual([
      {
        path: 'fieldChoices.email',
        message: 'must be the id of one of the profiles being merged',
        th: 'ต้องเป็นรหัสของโปรไฟล์ที่กำลังรวม',
      },
    ]);
    const bad = await mergeCustomers(db, staff.managerA, { survivorId: 'nope', mergedIds: [] }).catch(
      (e: unknown) => e as AppError,
    );
    expect((bad as AppError).code).toBe('validation_failed');
    expect(((bad as AppError).details as { path: string }[]).map((d) => d.path).sort()).toEqual([
      'mergedIds',
      'survivorId',
    ]);
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(customerMerges);
    expect(after).toEqual(before);
    expect((await row(a)).status).toBe('active');
    expect((await row(b)).status).toBe('active');
  });

  it('refuses a profile that is already merged, as survivor or as merged', async () => {
    const a = await makeProfile(db, staff.admin, { displayName: 'หนึ่ง' });
    const b = await makeProfile(db, staff.admin, { displayName: 'สอง' });
    const c = await makeProfile(db, staff.admin, { displayName: 'สาม' });
    await mergeCustomers(db, staff.admin, { survivorId: a, mergedIds: [b] });
    expect(await code(mergeCustomers(db, staff.admin, { survivorId: c, mergedIds: [b] }))).toBe(
      'merge_profile_inactive',
    );
    expect(await code(mergeCustomers(db, staff.admin, { survivorId: b, mergedIds: [c] }))).toBe(
      'merge_profile_inactive',
    );
    await db.update(customers).set({ status: 'erased' }).where(eq(customers.id, c));
    expect(await code(mergeCustomers(db, staff.admin, { survivorId: a, mergedIds: [c] }))).toBe(
      'merge_profile_inactive',
    );
  });
});
