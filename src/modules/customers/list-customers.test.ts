import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { createCustomer } from './create-customer.ts';
import { listCustomers } from './list-customers.ts';
import { customerListWhere } from './list-filters.ts';
import { customerOrder } from './list-sort.ts';
import { customers } from './schema.ts';
import { createStaff, type Staff } from './testing.ts';
import { updateCustomer } from './update-customer.ts';

// Search through listCustomers on whichever database SAMPAN_TEST_DB names (run on both):
// the stored search_vector, its GIN index and the page-of-matches query.
let testDb: TestDatabase;
let db: Db;
let staff: Staff;
const ids: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
  const add = async (key: string, actor: Actor, input: Parameters<typeof createCustomer>[2]) => {
    ids[key] = (await createCustomer(db, actor, input)).id;
  };
  await add('somchai', staff.salesA, {
    firstName: 'สมชาย',
    lastName: 'ใจดี',
    firstNameEn: 'Somchai',
    lastNameEn: 'Jaidee',
    phone: '081-234-5678',
    email: 'Somchai.J@Example.co.th',
  });
  await add('somsri', staff.salesA, { firstName: 'สมศรี', lastName: 'ใจงาม', phone: '+66 89 765 4321' });
  await add('somsak', staff.salesB, { firstName: 'สมศักดิ์', lastName: 'ศรีสุข' });
  await add('renee', staff.salesB, { firstNameEn: 'Renée', lastNameEn: 'Dubois', email: 'renee@mail.example' });
  await add('wichai', staff.salesB, { firstName: 'วิชัย', lastName: 'ใจดี', phone: '0898887777' });
  for (let i = 0; i < 5; i++) await add(`page${i}`, staff.salesA, { firstName: 'ประภา', lastName: `หน้า${i}` });
});
afterAll(() => testDb.cleanup());

/** The ways a search can be served: walking the newest rows, matches through the GIN index, the whole walk. */
const WAYS = [{}, { searchWalk: 0 }, { searchWalk: 0, searchCap: 1 }];

/** Every way must find the same. */
async function found(q: string, actor: Actor = staff.admin): Promise<string[]> {
  const page = await listCustomers(db, actor, { limit: 50, q });
  for (const way of WAYS.slice(1)) {
    const other = await listCustomers(db, actor, { limit: 50, q }, way);
    expect(other.items.map((c) => c.id).sort(), `${q}, ${JSON.stringify(way)}`).toEqual(
      page.items.map((c) => c.id).sort(),
    );
  }
  return page.items.map((c) => Object.entries(ids).find(([, id]) => id === c.id)?.[0] ?? '?').sort();
}

describe('customer search', () => {
  it('finds Thai names by prefixes typed without spaces', async () => {
    expect(await found('สมชายใจ')).toEqual(['somchai']);
    expect(await found('สมชายใจดี')).toEqual(['somchai']);
    expect(await found('ใจดี')).toEqual(['somchai', 'wichai']);
    expect(await found('สม')).toEqual(['somchai', 'somsak', 'somsri']);
    expect(await found('สมหญิง')).toEqual([]);
    // typed as one run, whatever Intl.Segmenter would make of it
    expect(await found('สมศักดิ์ศรีสุข')).toEqual(['somsak']);
    expect(await found('ศักดิ์ศรีส')).toEqual(['somsak']);
    expect(await found('ศรีสุข')).toEqual(['somsak']);
    expect(await found('สมศักดิ์ ศรี')).toEqual(['somsak']);
  });

  it('finds Latin names whatever the case and accents', async () => {
    expect(await found('SOMCHAI jai')).toEqual(['somchai']);
    expect(await found('renee')).toEqual(['renee']);
    expect(await found('RENÉE DUB')).toEqual(['renee']);
    expect(await found('dubios')).toEqual([]);
  });

  it('finds a phone in any format, by its start or its last digits', async () => {
    for (const q of ['0812345678', '081-234-5678', '+66 81 234 5678', '66812345678', '081 234', '5678', '๐๘๑๒๓๔๕๖๗๘']) {
      expect(await found(q), q).toEqual(['somchai']);
    }
    expect(await found('7777')).toEqual(['wichai']);
    expect(await found('4321')).toEqual(['somsri']);
    expect(await found('0811111111')).toEqual([]);
  });

  it('finds an email whole, by its start, in any case', async () => {
    expect(await found('somchai.j@example.co.th')).toEqual(['somchai']);
    expect(await found('SOMCHAI.J@EXAMPLE.CO.TH')).toEqual(['somchai']);
    expect(await found('somchai.j@exa')).toEqual(['somchai']);
    expect(await found('renee@')).toEqual(['renee']);
    expect(await found('somchai.j@other.example')).toEqual([]);
  });

  it('keeps record visibility: a sales user finds only their own', async () => {
    expect(await found('ใจดี', staff.salesA)).toEqual(['somchai']);
    expect(await found('ใจดี', staff.salesB)).toEqual(['wichai']);
    expect(await found('renee', staff.salesA)).toEqual([]);
    expect(await found('ใจดี', staff.managerA)).toEqual(['somchai']);
  });

  it('pages through matches in the chosen order with the cursor', async () => {
    for (const sort of ['created_desc', 'created_asc', 'name_asc', 'updated_desc'] as const) {
      const all = await listCustomers(db, staff.admin, { limit: 50, q: 'ประภา', sort });
      expect(all.items).toHaveLength(5);
      for (const way of WAYS) {
        const walked: string[] = [];
        let cursor: string | undefined;
        do {
          const input = { limit: 2, q: 'ประภา', sort, ...(cursor ? { cursor } : {}) };
          const page = await listCustomers(db, staff.admin, input, way);
          walked.push(...page.items.map((c) => c.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(walked, `${sort}, ${JSON.stringify(way)}`).toEqual(all.items.map((c) => c.id));
      }
    }
  });

  it('follows a rename: the stored vector is recomputed on write', async () => {
    await updateCustomer(db, staff.admin, ids.wichai as string, { firstName: 'วิเชียร' });
    expect(await found('วิเชียร')).toEqual(['wichai']);
    expect(await found('วิชัย')).toEqual([]);
  });

  it('searches through the GIN index on search_vector', async () => {
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return JSON.stringify(
        await tx.execute(
          sql`explain select id from customers where search_vector @@ to_tsquery('simple'::regconfig, ${'สมชาย:*'})`,
        ),
      );
    });
    expect(plan).toContain('customers_search_idx');
  });

  it('walks only the rows a sales user may see, along their (owner_id, created_at) index', async () => {
    const where = await customerListWhere(db, staff.salesB, { q: 'ใจดี', sort: 'created_desc' }, 'per_row');
    const walk = db
      .select()
      .from(customers)
      .where(where)
      .orderBy(...customerOrder('created_desc'))
      .limit(51);
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      return JSON.stringify(await tx.execute(sql`explain ${walk}`));
    });
    expect(plan).toContain('customers_owner_created_idx');
  });
});
