import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { createLogger } from '../../core/logger.ts';
import type { ModuleRuntime } from '../../core/module.ts';
import { backfillCustomers, customersToBackfill } from './backfill-customers.ts';
import { createCustomer } from './create-customer.ts';
import { getCustomer } from './get-customer.ts';
import { customersModule } from './index.ts';
import { listCustomers } from './list-customers.ts';
import { validThaiTaxId } from './profile-fields.ts';
import { customerIdentities, customers, customFieldDefinitions } from './schema.ts';
import { createStaff, type Staff, userIdOf } from './testing.ts';
import { updateCustomer } from './update-customer.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
  await db
    .insert(customFieldDefinitions)
    .values([{ key: 'shoe_size', labelTh: 'ไซส์รองเท้า', labelEn: 'Shoe size', type: 'number' }]);
});
afterAll(() => testDb.cleanup());

async function fieldErrors(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('validation_failed');
  return (err as AppError).details as { path: string; message: string; th?: string }[];
}

async function customerCount() {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(customers);
  return row?.n ?? 0;
}

describe('profile fields', () => {
  it('stores and returns every new field, normalised', async () => {
    const company = await createCustomer(db, staff.admin, {
      kind: 'company',
      displayName: 'บริษัท ปูนซิเมนต์ไทย จำกัด (มหาชน)',
      customerType: 'business',
      taxId: '0-1055-36000-31-3',
      industry: 'วัสดุก่อสร้าง',
      companySize: 'gt1000',
      website: 'scg.com',
      subDistrict: 'บางซื่อ',
      ownerId: userIdOf(staff.salesA),
    });
    expect(company).toMatchObject({
      customerType: 'business',
      taxId: '0105536000313',
      companySize: 'gt1000',
      website: 'https://scg.com/',
      subDistrict: 'บางซื่อ',
      status: 'active',
      mergedIntoId: null,
      lastContactedAt: null,
    });
    const person = await createCustomer(db, staff.salesA, {
      firstName: 'กานดา',
      gender: 'female',
      birthday: '1990-04-13',
      language: 'TH',
      occupation: 'ครู',
      incomeBand: '30k_50k',
      interests: ['กาแฟ', 'วิ่ง', 'กาแฟ'],
      customFields: { shoe_size: 37 },
      referredById: company.id,
    });
    expect(person).toMatchObject({
      customerType: 'consumer',
      gender: 'female',
      birthday: '1990-04-13',
      language: 'th',
      incomeBand: '30k_50k',
      interests: ['กาแฟ', 'วิ่ง'],
      customFields: { shoe_size: 37 },
      referredById: company.id,
    });
    expect(await getCustomer(db, staff.salesA, person.id)).toEqual(person);
    const updated = await updateCustomer(db, staff.salesA, person.id, {
      gender: '',
      customFields: { shoe_size: null },
    });
    expect(updated).toMatchObject({ gender: null, customFields: {} });
  });

  it('refuses bad values with clear per-field errors in Thai and English, and writes nothing', async () => {
    const before = await customerCount();
    const errors = await fieldErrors(
      createCustomer(db, staff.salesA, {
        firstName: 'ผิด',
        gender: 'x',
        birthday: '2999-01-01',
        incomeBand: 'rich',
        taxId: '0105536000315',
        companySize: '5',
        website: 'not a site',
        language: 'thai-language',
        customerType: 'vip' as 'consumer',
      }),
    );
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(Object.keys(byPath).sort()).toEqual(
      ['birthday', 'companySize', 'customerType', 'gender', 'incomeBand', 'language', 'taxId', 'website'].sort(),
    );
    expect(byPath.taxId).toMatchObject({
      message: expect.stringMatching(/check digit/),
      th: expect.stringMatching(/เลขตรวจสอบ/),
    });
    expect(byPath.birthday).toMatchObject({
      message: expect.stringMatching(/future/),
      th: expect.stringMatching(/อนาคต/),
    });
    expect(byPath.incomeBand?.message).toContain('15k_30k');
    expect(byPath.incomeBand?.th).toContain('บาท');
    expect(
      (await fieldErrors(createCustomer(db, staff.salesA, { firstName: 'ก', birthday: '1899-12-31' })))[0],
    ).toMatchObject({
      path: 'birthday',
      message: expect.stringMatching(/1900/),
    });
    expect(
      (await fieldErrors(createCustomer(db, staff.salesA, { firstName: 'ก', birthday: '2001-02-29' })))[0]?.path,
    ).toBe('birthday');
    expect((await fieldErrors(createCustomer(db, staff.salesA, { firstName: 'ก', taxId: '12345' })))[0]).toMatchObject({
      path: 'taxId',
      message: expect.stringMatching(/13 digits; this has 5/),
    });
    expect(
      await fieldErrors(createCustomer(db, staff.salesA, { firstName: 'ก', customFields: { shoe_size: 'big' } })),
    ).toEqual([expect.objectContaining({ path: 'customFields.shoe_size' })]);
    expect(await customerCount()).toBe(before);
  });

  it('checks the referrer: not itself, visible and active', async () => {
    const mine = await createCustomer(db, staff.salesA, { firstName: 'ผู้แนะนำ' });
    const ofB = await createCustomer(db, staff.salesB, { firstName: 'ของบี' });
    expect(await fieldErrors(updateCustomer(db, staff.salesA, mine.id, { referredById: mine.id }))).toEqual([
      expect.objectContaining({ path: 'referredById', th: 'ลูกค้าไม่สามารถแนะนำตัวเองได้' }),
    ]);
    expect(await fieldErrors(createCustomer(db, staff.salesA, { firstName: 'ก', referredById: ofB.id }))).toEqual([
      expect.objectContaining({ path: 'referredById', message: 'no active customer with this id' }),
    ]);
    const ok = await createCustomer(db, staff.salesA, { firstName: 'ถูกแนะนำ', referredById: mine.id });
    expect(ok.referredById).toBe(mine.id);
  });

  it('returns a merged profile with mergedIntoId, refuses to edit it, and lists it no more', async () => {
    const survivor = await createCustomer(db, staff.salesA, { firstName: 'ผู้รอด' });
    const merged = await createCustomer(db, staff.salesA, { firstName: 'ถูกรวม', tags: ['merged-only'] });
    await db.update(customers).set({ status: 'merged', mergedIntoId: survivor.id }).where(eq(customers.id, merged.id));
    expect(await getCustomer(db, staff.salesA, merged.id)).toMatchObject({
      status: 'merged',
      mergedIntoId: survivor.id,
    });
    const err = await updateCustomer(db, staff.salesA, merged.id, { nickname: 'x' }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('customer_not_active');
    expect((await listCustomers(db, staff.salesA, { limit: 10, tag: 'merged-only' })).items).toEqual([]);
  });

  it('verifies Thai tax id check digits', () => {
    expect(validThaiTaxId('0105536000313')).toBe(true);
    expect(validThaiTaxId('3100600445635')).toBe(true);
    for (let d = 0; d < 10; d += 1) if (d !== 3) expect(validThaiTaxId(`010553600031${d}`)).toBe(false);
  });
});

describe('start-up backfill', () => {
  it('fills search text and primary identities of old rows, once, leaving held values alone', async () => {
    const holder = await createCustomer(db, staff.salesA, { firstName: 'เจ้าของเดิม', email: 'shared@example.com' });
    const [old1, old2] = await db
      .insert(customers)
      .values([
        {
          displayName: 'ประยุทธ เก่าแก่',
          phone: '+66899990001',
          email: 'old1@example.com',
          ownerId: userIdOf(staff.salesA),
          teamId: staff.teamA,
        },
        {
          displayName: 'Old Second',
          email: 'shared@example.com',
          ownerId: userIdOf(staff.salesA),
          teamId: staff.teamA,
        },
      ])
      .returning();
    if (!old1 || !old2) throw new Error('insert failed');
    expect(await customersToBackfill(db)).toBeGreaterThanOrEqual(2);
    const first = await backfillCustomers(db, 1);
    expect(first.rows).toBeGreaterThanOrEqual(2);
    expect(await customersToBackfill(db)).toBe(0);
    const ids = await db.select().from(customerIdentities).where(eq(customerIdentities.customerId, old1.id));
    expect(ids.map((i) => [i.kind, i.value, i.isPrimary]).sort()).toEqual([
      ['email', 'old1@example.com', true],
      ['phone', '+66899990001', true],
    ]);
    // the shared email stays with its holder; the old row is still searchable by it
    const [shared] = await db
      .select()
      .from(customerIdentities)
      .where(eq(customerIdentities.value, 'shared@example.com'));
    expect(shared?.customerId).toBe(holder.id);
    const found = await listCustomers(db, staff.admin, { limit: 10, q: 'shared@example.com' });
    expect(found.items.map((c) => c.id).sort()).toEqual([holder.id, old2.id].sort());
    expect((await listCustomers(db, staff.admin, { limit: 10, q: 'ประยุทธ' })).items.map((c) => c.id)).toEqual([
      old1.id,
    ]);
    expect(await backfillCustomers(db)).toEqual({ rows: 0, identities: 0 });
  });

  it('runs from the module register hook shortly after start', async () => {
    const [old] = await db
      .insert(customers)
      .values({ displayName: 'ลืมค้นหา', phone: '+66899990077', ownerId: userIdOf(staff.salesA), teamId: staff.teamA })
      .returning();
    const runtime = { deps: { database: testDb.database, logger: createLogger('silent') } } as unknown as ModuleRuntime;
    customersModule.register?.(runtime);
    const deadline = Date.now() + 10_000;
    while ((await customersToBackfill(db)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const page = await listCustomers(db, staff.admin, { limit: 5, q: '089-999-0077' });
    expect(page.items.map((c) => c.id)).toEqual([old?.id]);
  });
});
