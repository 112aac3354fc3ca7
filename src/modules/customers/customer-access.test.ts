import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../core/audit/schema.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { outbox } from '../../core/events/schema.ts';
import { encodeCursor } from '../../core/http/pagination.ts';
import { createCustomer } from './create-customer.ts';
import type { CustomerView } from './customer-view.ts';
import { getCustomer } from './get-customer.ts';
import { listCustomers } from './list-customers.ts';
import { refreshSearchText } from './refresh-search-text.ts';
import { customers } from './schema.ts';
import { createStaff, type Staff, userIdOf } from './testing.ts';
import { updateCustomer } from './update-customer.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;
let ofA: CustomerView;
let ofA2: CustomerView;
let ofB: CustomerView;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
  ofA = await createCustomer(db, staff.salesA, {
    firstName: 'สมชาย',
    lastName: 'ใจดี',
    firstNameEn: 'Somchai',
    lastNameEn: 'Chaidi',
    nickname: 'ต้น',
    email: 'somchai.c@gmail.com',
    phone: '+66 81 234 5678',
    lineId: 'ton_somchai',
  });
  ofA2 = await createCustomer(db, staff.salesA2, {
    firstName: 'สุดารัตน์',
    lastName: 'แสงทอง',
    firstNameEn: 'Sudarat',
    lastNameEn: 'Saengthong',
    nickname: 'ฝน',
    phone: '02-123-4567',
  });
  ofB = await createCustomer(db, staff.salesB, {
    firstName: 'วิชัย',
    lastName: 'ทองดี',
    nickname: 'บีม',
    phone: '0991112222',
  });
});
afterAll(() => testDb.cleanup());

async function ids(actor: Actor, q?: string): Promise<string[]> {
  const page = await listCustomers(db, actor, { limit: 200, q });
  return page.items.map((c) => c.id).sort();
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
}

describe('record visibility', () => {
  it('shows sales only their own customers, managers their team, the rest everything', async () => {
    expect(await ids(staff.salesA)).toEqual([ofA.id]);
    expect(await ids(staff.salesB)).toEqual([ofB.id]);
    expect(await ids(staff.managerA)).toEqual([ofA.id, ofA2.id].sort());
    const all = [ofA.id, ofA2.id, ofB.id].sort();
    for (const actor of [staff.viewer, staff.service, staff.marketing, staff.admin])
      expect(await ids(actor)).toEqual(all);
  });

  it("hides another's customer on direct read and update (404, never 403)", async () => {
    expect(await codeOf(getCustomer(db, staff.salesA, ofB.id))).toBe('not_found');
    expect(await codeOf(getCustomer(db, staff.salesA, ofA2.id))).toBe('not_found');
    expect(await codeOf(updateCustomer(db, staff.salesA, ofB.id, { nickname: 'x' }))).toBe('not_found');
    expect(await codeOf(getCustomer(db, staff.managerA, ofB.id))).toBe('not_found');
    expect(await codeOf(updateCustomer(db, staff.managerA, ofB.id, { nickname: 'x' }))).toBe('not_found');
    const [row] = await db.select().from(customers).where(eq(customers.id, ofB.id));
    expect(row?.nickname).toBe('บีม');

    expect((await getCustomer(db, staff.salesA, ofA.id)).id).toBe(ofA.id);
    expect((await getCustomer(db, staff.managerA, ofA2.id)).id).toBe(ofA2.id);
    expect((await getCustomer(db, staff.viewer, ofB.id)).id).toBe(ofB.id);
  });

  it('lets the viewer and marketing read but not change', async () => {
    expect(await codeOf(updateCustomer(db, staff.viewer, ofA.id, { nickname: 'x' }))).toBe('forbidden');
    expect(await codeOf(updateCustomer(db, staff.marketing, ofA.id, { nickname: 'x' }))).toBe('forbidden');
  });
});

describe('search (q)', () => {
  it.each([
    ['สมชาย', 'ofA'],
    ['ใจดี', 'ofA'],
    ['สมชาย ใจดี', 'ofA'],
    ['somchai chai', 'ofA'],
    ['SAENGTHONG', 'ofA2'],
    ['ต้น', 'ofA'],
    ['ฝน', 'ofA2'],
    ['SOMCHAI.C@', 'ofA'],
    ['ton_som', 'ofA'],
    ['081-234-5678', 'ofA'],
    ['0812345678', 'ofA'],
    ['+66 81 234', 'ofA'],
    ['๐๘๑๒๓๔', 'ofA'],
    ['02 123 4567', 'ofA2'],
    ['099-111', 'ofB'],
  ])('%s finds %s', async (q, which) => {
    const expected = { ofA, ofA2, ofB }[which as 'ofA' | 'ofA2' | 'ofB'];
    expect(await ids(staff.admin, q)).toEqual([expected.id]);
  });

  it('matches nothing for punctuation-only terms, and still applies visibility', async () => {
    // search is by words: "%" and "_" are no words, so they find nothing (not everything)
    expect(await ids(staff.admin, '%')).toEqual([]);
    expect(await ids(staff.admin, 'n%s')).toEqual([]);
    expect(await ids(staff.admin, '_')).toEqual([]);
    expect(await ids(staff.salesB, 'สมชาย')).toEqual([]);
  });
});

describe('keyset pagination', () => {
  it('returns every row exactly once, newest first, across pages with equal createdAt', async () => {
    const base = Date.parse('2024-03-01T10:00:00.123Z');
    const rows = Array.from({ length: 23 }, (_, i) => ({
      displayName: `page-${String(i).padStart(2, '0')}`,
      // groups of 5 share one millisecond; page boundaries fall inside the groups
      createdAt: new Date(base - Math.floor(i / 5) * 1000),
      ownerId: userIdOf(staff.salesA2),
      teamId: staff.teamA,
    }));
    const inserted = await db.insert(customers).values(rows).returning({ id: customers.id });
    await refreshSearchText(
      db,
      inserted.map((r) => r.id),
    );
    const seen: CustomerView[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listCustomers(db, staff.managerA, { limit: 4, cursor, q: 'page-' });
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 50);
    expect(pages).toBe(6);
    expect(seen.map((c) => c.displayName).sort()).toEqual(rows.map((r) => r.displayName).sort());
    expect(new Set(seen.map((c) => c.id)).size).toBe(23);
    for (let i = 1; i < seen.length; i += 1) {
      const prev = seen[i - 1] as CustomerView;
      const cur = seen[i] as CustomerView;
      const order = prev.createdAt === cur.createdAt ? prev.id > cur.id : prev.createdAt > cur.createdAt;
      expect(order, `${prev.createdAt}/${prev.id} before ${cur.createdAt}/${cur.id}`).toBe(true);
    }
  });

  it('keeps millisecond precision in the cursor', async () => {
    const at = new Date('2023-01-01T00:00:00.001Z');
    const inserted = await db
      .insert(customers)
      .values([
        { displayName: 'ms-a', createdAt: at, ownerId: userIdOf(staff.salesB), teamId: staff.teamB },
        {
          displayName: 'ms-b',
          createdAt: new Date(at.getTime() + 1),
          ownerId: userIdOf(staff.salesB),
          teamId: staff.teamB,
        },
      ])
      .returning({ id: customers.id });
    await refreshSearchText(
      db,
      inserted.map((r) => r.id),
    );
    const first = await listCustomers(db, staff.salesB, { limit: 1, q: 'ms-' });
    expect(first.items[0]?.displayName).toBe('ms-b');
    const second = await listCustomers(db, staff.salesB, { limit: 1, q: 'ms-', cursor: first.nextCursor ?? undefined });
    expect(second.items.map((c) => c.displayName)).toEqual(['ms-a']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a forged cursor with a field error', async () => {
    for (const cursor of ['garbage', encodeCursor(['yesterday', 'x']), encodeCursor([1, 2])]) {
      expect(await codeOf(listCustomers(db, staff.admin, { limit: 5, cursor }))).toBe('validation_failed');
    }
  });
});

describe('updateCustomer', () => {
  async function auditCount(id: string) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'customer'), eq(auditLog.entityId, id)));
    return row?.n;
  }

  it('changes fields, normalises them, and writes audit before/after and an outbox event', async () => {
    const c = await createCustomer(db, staff.salesA, { firstName: 'มาลี', lastName: 'ศรีสุข' });
    const updated = await updateCustomer(db, staff.salesA, c.id, {
      phone: '๐๖๑-๒๒๒-๓๓๓๓',
      email: 'Mali@Example.com',
      lastName: 'บุญมา',
    });
    expect(updated).toMatchObject({ phone: '+66612223333', email: 'mali@example.com', displayName: 'มาลี บุญมา' });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'update')));
    expect(audit?.changes).toEqual({
      phone: { before: null, after: '+66612223333' },
      email: { before: null, after: 'mali@example.com' },
      lastName: { before: 'ศรีสุข', after: 'บุญมา' },
      displayName: { before: 'มาลี ศรีสุข', after: 'มาลี บุญมา' },
    });
    const events = await db.select().from(outbox).where(eq(outbox.aggregateId, c.id));
    expect(events.map((e) => e.topic)).toEqual(['customer.created', 'customer.updated']);
    expect([...((events[1]?.payload.fields as string[] | undefined) ?? [])].sort()).toEqual([
      'displayName',
      'email',
      'lastName',
      'phone',
    ]);
  });

  it('keeps a typed display name when names change; clears fields with null or ""', async () => {
    const c = await createCustomer(db, staff.salesA, {
      displayName: 'คุณต้นร้านกาแฟ',
      firstName: 'ต้น',
      lineId: 'ton1',
      email: 'a@b.co',
    });
    const u = await updateCustomer(db, staff.salesA, c.id, { firstName: 'ธนากร', lineId: null, email: '' });
    expect(u).toMatchObject({ displayName: 'คุณต้นร้านกาแฟ', firstName: 'ธนากร', lineId: null, email: null });
  });

  it('writes nothing for invalid input or an unchanged record', async () => {
    const c = await createCustomer(db, staff.salesA, { firstName: 'อรุณี', phone: '0891234567' });
    const n = await auditCount(c.id);
    expect(await codeOf(updateCustomer(db, staff.salesA, c.id, { phone: '089-123-456', nickname: 'นุ่น' }))).toBe(
      'validation_failed',
    );
    expect(await codeOf(updateCustomer(db, staff.salesA, c.id, { displayName: '' }))).toBe('validation_failed');
    expect(await codeOf(updateCustomer(db, staff.salesA, c.id, { createdAt: 'x' } as never))).toBe('validation_failed');
    const same = await updateCustomer(db, staff.salesA, c.id, { phone: '089 123 4567', firstName: 'อรุณี' });
    expect(same.updatedAt).toBe(c.updatedAt);
    expect(await auditCount(c.id)).toBe(n);
    const [row] = await db.select().from(customers).where(eq(customers.id, c.id));
    expect(row).toMatchObject({ phone: '+66891234567', nickname: null });
  });

  it('reassigns only within what the role allows, and the team follows the owner', async () => {
    const c = await createCustomer(db, staff.salesA, { firstName: 'กาญจนา' });
    expect(await codeOf(updateCustomer(db, staff.salesA, c.id, { ownerId: userIdOf(staff.salesA2) }))).toBe(
      'customer_owner_forbidden',
    );
    expect(await codeOf(updateCustomer(db, staff.managerA, c.id, { ownerId: userIdOf(staff.salesB) }))).toBe(
      'customer_owner_outside_team',
    );
    const moved = await updateCustomer(db, staff.managerA, c.id, { ownerId: userIdOf(staff.salesA2) });
    expect(moved).toMatchObject({ ownerId: userIdOf(staff.salesA2), teamId: staff.teamA });
    expect(await codeOf(getCustomer(db, staff.salesA, c.id))).toBe('not_found');
    const toB = await updateCustomer(db, staff.admin, c.id, { ownerId: userIdOf(staff.salesB) });
    expect(toB).toMatchObject({ ownerId: userIdOf(staff.salesB), teamId: staff.teamB });
    expect((await getCustomer(db, staff.salesB, c.id)).id).toBe(c.id);
  });
});
