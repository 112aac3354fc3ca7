import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from '../../core/db/database.ts';
import type { AppError } from '../../core/errors/app-error.ts';
import { companyContacts } from '../customers/index.ts';
import { createStaff, type Staff } from '../customers/testing.ts';
import { makeProfile } from './dedupe-fixtures.ts';
import { dismissDuplicate } from './dismiss-duplicate.ts';
import { normalisedName } from './duplicate-rules.ts';
import { countDuplicateCandidates, type DuplicatePair, findDuplicates } from './find-duplicates.ts';
import { mergeCustomers } from './merge-customers.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;
const ids: Record<string, string> = {};

function key(a: string, b: string) {
  return [ids[a], ids[b]].sort().join('|');
}
function pairOf(pairs: DuplicatePair[], a: string, b: string) {
  return pairs.find((p) => p.customerIds.join('|') === key(a, b));
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
  const m = staff.managerA;
  const p = (name: string, fields: Parameters<typeof makeProfile>[2], extras?: Parameters<typeof makeProfile>[3]) =>
    makeProfile(db, m, fields, extras).then((id) => {
      ids[name] = id;
    });
  // Same name (title, spacing, zero-width space) and the same birthday.
  await p('somchai1', { displayName: 'นายสมชาย ใจดี', firstName: 'สมชาย', lastName: 'ใจดี', birthday: '1985-02-03' });
  await p('somchai2', { displayName: 'สมชาย\u200b  ใจดี', birthday: '1985-02-03' });
  // Same English name with accents/case, same address line.
  await p('rene1', { displayName: 'René Dubois', addressLine: '12/3 ถ.สุขุมวิท' });
  await p('rene2', { displayName: 'Mr. rene DUBOIS', addressLine: '12/3  ถ. สุขุมวิท' });
  // Similar names (typo) and the same last 4 phone digits.
  await p('wichai1', { displayName: 'วิชัย สุขสวัสดิ์', phone: '+66811115678' });
  await p('wichai2', { displayName: 'วิชัย สุขสวัส', phone: '+66829995678' });
  // Same email name at another domain, similar name.
  await p('anong1', { displayName: 'อนงค์ ทองดี', email: 'anong.t@gmail.com' });
  await p('anong2', { displayName: 'อนงค์ ทองดี', email: 'anong.t@hotmail.com', province: 'ตรัง' });
  // A LINE id that is the other profile's phone number.
  await p('line1', { displayName: 'พรทิพย์', phone: '+66891234567' });
  await p('line2', { displayName: 'ทิพย์' }, { identities: [{ kind: 'line', value: '089-123-4567' }] });
  // Same name at the same company.
  await p('company', { displayName: 'บริษัท ตัวอย่าง จำกัด', kind: 'company' });
  await p('staff1', { displayName: 'มานี มีนา' });
  await p('staff2', { displayName: 'คุณมานี มีนา' });
  await db.insert(companyContacts).values([
    { companyId: ids.company as string, personId: ids.staff1 as string, role: 'buyer' },
    { companyId: ids.company as string, personId: ids.staff2 as string, role: 'user' },
  ]);
  // Same name but nothing else in common: not a pair. A name starting like a title is not stripped.
  await p('lonely1', { displayName: 'สมศรี ดีงาม', province: 'ลำพูน' });
  await p('lonely2', { displayName: 'สมศรี ดีงาม', province: 'สตูล' });
  await p('khun1', { displayName: 'คุณากร', birthday: '1970-01-01' });
  await p('khun2', { displayName: 'กร', birthday: '1970-01-01' });
  // Same name and birthday, but one profile belongs to team B.
  await p('mine', { displayName: 'ปรีชา ชาญ', birthday: '1999-09-09' });
  ids.theirs = await makeProfile(db, staff.salesB, { displayName: 'ปรีชา ชาญ', birthday: '1999-09-09' });
});
afterAll(() => testDb.cleanup());

describe('findDuplicates', () => {
  it('normalises Thai and Latin names: titles, spaces, zero-width, case and accents', async () => {
    const names = ['นายสมชาย  ใจดี', 'คุณ สมชาย ใจดี', 'น.ส.สมชาย\u200bใจดี', 'Mrs. Renée  Dubois', 'คุณากร', 'นายิกา'];
    const r = (await db.execute(
      sql`select ${sql.join(
        names.map((n, i) => sql`${normalisedName(sql`${n}::text`)} as ${sql.raw(`n${i}`)}`),
        sql`, `,
      )}`,
    )) as unknown as { rows: Record<string, string>[] };
    expect(Object.values(r.rows[0] ?? {})).toEqual([
      'สมชายใจดี',
      'สมชายใจดี',
      'สมชายใจดี',
      'reneedubois',
      'คุณากร',
      'นายิกา',
    ]);
  });

  it('stores the same normalised keys as normalisedName computes (migration 0004)', async () => {
    const n = (e: string) => normalisedName(sql.raw(e));
    const part = (f: string, l: string) => sql`case when ${sql.raw(f)} is null and ${sql.raw(l)} is null then ''
      when concat_ws(' ', ${sql.raw(f)}, ${sql.raw(l)}) = display_name then ${n('display_name')}
      else ${normalisedName(sql.raw(`concat(${f}, ${l})`))} end`;
    await makeProfile(db, staff.admin, {
      displayName: ' Dr. José  Ñúñez',
      firstName: 'นางสาวสุดา',
      lastName: 'ใจ-ดี',
      firstNameEn: 'José',
      lastNameEn: 'Ñúñez',
      addressLine: '12/3 ถ. สุขุมวิท, แขวง',
      taxId: '0-1055-12345-67-8',
    });
    const [row] = (
      (await db.execute(sql`select
        count(*) filter (where dedupe_name is distinct from ${n('display_name')})::int as name,
        count(*) filter (where dedupe_name_th is distinct from ${part('first_name', 'last_name')})::int as th,
        count(*) filter (where dedupe_name_en is distinct from ${part('first_name_en', 'last_name_en')})::int as en,
        count(*)::int as total
        from customers`)) as unknown as { rows: Record<string, number>[] }
    ).rows;
    expect(row).toEqual({ name: 0, th: 0, en: 0, total: expect.any(Number) });
    expect(Number(row?.total)).toBeGreaterThanOrEqual(20);
  });

  it('finds the planted pairs with their reasons, best score first', async () => {
    const page = await findDuplicates(db, staff.managerA, { limit: 100, minScore: 0 });
    const scores = page.items.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const codes = (a: string, b: string) => pairOf(page.items, a, b)?.reasons.map((r) => r.code);
    expect(codes('somchai1', 'somchai2')).toContain('same_name_birthday');
    expect(codes('rene1', 'rene2')).toContain('same_name_address');
    expect(codes('wichai1', 'wichai2')).toEqual(['similar_name_phone4']);
    expect(codes('anong1', 'anong2')).toEqual(['email_local']);
    expect(codes('line1', 'line2')).toEqual(['phone_as_other_id']);
    expect(codes('staff1', 'staff2')).toContain('same_name_company');
    expect(pairOf(page.items, 'lonely1', 'lonely2')).toBeUndefined();
    expect(pairOf(page.items, 'khun1', 'khun2')).toBeUndefined();
    const somchai = pairOf(page.items, 'somchai1', 'somchai2');
    expect(somchai?.score).toBeGreaterThanOrEqual(90);
    expect(somchai?.reasons[0]).toMatchObject({ en: expect.any(String), th: expect.any(String) });
    expect(somchai?.customers.map((c) => c.id).sort()).toEqual(somchai?.customerIds);
  });

  it('shows only pairs whose both profiles the caller may see', async () => {
    const manager = await findDuplicates(db, staff.managerA, { limit: 100, minScore: 0 });
    expect(pairOf(manager.items, 'mine', 'theirs')).toBeUndefined();
    const admin = await findDuplicates(db, staff.admin, { limit: 100, minScore: 0 });
    expect(pairOf(admin.items, 'mine', 'theirs')?.reasons.map((r) => r.code)).toEqual(['same_name_birthday']);
    expect((await findDuplicates(db, staff.salesB, { limit: 100, minScore: 0 })).items).toEqual([]);
    expect(await countDuplicateCandidates(db, staff.admin, 0)).toBe(admin.items.length);
    expect(await countDuplicateCandidates(db, staff.managerA, 0)).toBe(manager.items.length);
  });

  it("pages with a cursor and lists one profile's candidates", async () => {
    const all = await findDuplicates(db, staff.admin, { limit: 100, minScore: 0 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await findDuplicates(db, staff.admin, { limit: 2, minScore: 0, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((p) => p.customerIds.join('|')));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((p) => p.customerIds.join('|')));
    const one = await findDuplicates(db, staff.admin, { limit: 50, minScore: 0, customerId: ids.line2 });
    expect(one.items.map((p) => p.customerIds.join('|'))).toEqual([key('line1', 'line2')]);
  });

  it('gives each profile exactly its pairs of the whole list, with the same scores and reasons', async () => {
    const all = await findDuplicates(db, staff.admin, { limit: 100, minScore: 0 });
    expect(all.items.length).toBeGreaterThan(5);
    const summary = (p: DuplicatePair) => `${p.customerIds.join('|')} ${p.score} ${p.reasons.map((r) => r.code)}`;
    for (const [name, id] of Object.entries(ids)) {
      const one = await findDuplicates(db, staff.admin, { limit: 100, minScore: 0, customerId: id });
      const expected = all.items.filter((p) => p.customerIds.includes(id)).map(summary);
      expect(one.items.map(summary), name).toEqual(expected);
    }
  });

  it('refuses bad input with per-field errors and an invisible focus profile', async () => {
    const err = await findDuplicates(db, staff.admin, { limit: 0, customerId: 'x', cursor: 'garbage' }).catch(
      (e: unknown) => e as AppError,
    );
    expect((err as AppError).code).toBe('validation_failed');
    expect(((err as AppError).details as { path: string }[]).map((d) => d.path).sort()).toEqual([
      'customerId',
      'limit',
    ]);
    const cursor = await findDuplicates(db, staff.admin, { cursor: 'garbage' }).catch((e: unknown) => e as AppError);
    expect((cursor as AppError).details).toEqual([{ path: 'cursor', message: 'invalid cursor', th: 'ตัวชี้หน้าไม่ถูกต้อง' }]);
    const hidden = await findDuplicates(db, staff.managerA, { customerId: ids.theirs }).catch(
      (e: unknown) => e as AppError,
    );
    expect((hidden as AppError).code).toBe('not_found');
    expect(await findDuplicates(db, staff.marketing, { limit: 1 }).then(() => 'ok')).toBe('ok');
  });

  it('leaves out dismissed pairs and merged profiles', async () => {
    const pairs = async () => (await findDuplicates(db, staff.managerA, { limit: 100, minScore: 0 })).items;
    await dismissDuplicate(db, staff.managerA, {
      customerIds: [ids.anong2 as string, ids.anong1 as string],
      reason: 'พี่น้อง',
    });
    expect(pairOf(await pairs(), 'anong1', 'anong2')).toBeUndefined();
    const bad = await dismissDuplicate(db, staff.managerA, {
      customerIds: [ids.anong1 as string, ids.anong1 as string],
    }).catch((e: unknown) => e as AppError);
    expect((bad as AppError).details).toEqual([
      { path: 'customerIds', message: 'two different profiles are needed', th: 'ต้องเป็นโปรไฟล์สองรายการที่ต่างกัน' },
    ]);
    const hidden = await dismissDuplicate(db, staff.managerA, {
      customerIds: [ids.mine as string, ids.theirs as string],
    }).catch((e: unknown) => e as AppError);
    expect((hidden as AppError).code).toBe('not_found');
    await mergeCustomers(db, staff.managerA, { survivorId: ids.rene1 as string, mergedIds: [ids.rene2 as string] });
    const after = await pairs();
    expect(pairOf(after, 'rene1', 'rene2')).toBeUndefined();
    expect(after.some((p) => p.customerIds.includes(ids.rene2 as string))).toBe(false);
  });
});
