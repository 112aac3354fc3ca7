import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { activities } from '../activities/index.ts';
import { customerIdentities, customers } from '../customers/index.ts';
import { createStaff, type Staff } from '../customers/testing.ts';
import { makeProfile } from './dedupe-fixtures.ts';
import { mergeCustomers } from './merge-customers.ts';
import { customerMerges } from './schema.ts';

/**
 * Two merges of one profile at the same time. On PostgreSQL they run on two pooled
 * connections and really overlap; PGlite has one connection, so they serialise. Either
 * way exactly one wins and the other is refused, and no row is lost or duplicated.
 */
let testDb: TestDatabase;
let db: Db;
let staff: Staff;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
});
afterAll(() => testDb.cleanup());

async function profile(name: string, n: number) {
  return makeProfile(
    db,
    staff.admin,
    { displayName: name },
    { activities: n, identities: [{ kind: 'pos', value: `${name}-${crypto.randomUUID()}` }] },
  );
}

async function counts(ids: string[]) {
  const acts = await db
    .select({ id: activities.customerId, n: sql<number>`count(*)::int` })
    .from(activities)
    .where(inArray(activities.customerId, ids))
    .groupBy(activities.customerId);
  const idents = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customerIdentities)
    .where(inArray(customerIdentities.customerId, ids));
  return {
    byCustomer: Object.fromEntries(acts.map((a) => [a.id, Number(a.n)])),
    total: acts.reduce((s, a) => s + Number(a.n), 0),
    identities: Number(idents[0]?.n ?? 0),
  };
}

function outcome(results: PromiseSettledResult<unknown>[]) {
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(1);
  const reason: unknown = lost[0]?.reason;
  expect(reason).toBeInstanceOf(AppError);
  expect(['merge_profile_inactive', 'merge_conflict']).toContain((reason as AppError).code);
  return results.findIndex((r) => r.status === 'fulfilled');
}

describe('concurrent merges', () => {
  it('A←B and C←B: one wins, B moves once, nothing lost or duplicated', async () => {
    for (let round = 0; round < 4; round++) {
      const a = await profile(`A${round}`, 20);
      const b = await profile(`B${round}`, 200);
      const c = await profile(`C${round}`, 30);
      const before = await counts([a, b, c]);
      const results = await Promise.allSettled([
        mergeCustomers(db, staff.admin, { survivorId: a, mergedIds: [b] }),
        mergeCustomers(db, staff.admin, { survivorId: c, mergedIds: [b] }),
      ]);
      const winner = outcome(results) === 0 ? a : c;
      const loser = winner === a ? c : a;
      const after = await counts([a, b, c]);
      // One 'merge' timeline entry is added on the winner; every other row exists exactly once.
      expect(after.total).toBe(before.total + 1);
      expect(after.identities).toBe(before.identities);
      expect(after.byCustomer[b]).toBeUndefined();
      expect(after.byCustomer[winner]).toBe((before.byCustomer[winner] ?? 0) + 200 + 1);
      expect(after.byCustomer[loser]).toBe(before.byCustomer[loser]);
      const [tomb] = await db.select().from(customers).where(eq(customers.id, b));
      expect(tomb).toMatchObject({ status: 'merged', mergedIntoId: winner });
      const merges = await db.select().from(customerMerges).where(sql`${b}::uuid = any(${customerMerges.mergedIds})`);
      expect(merges).toHaveLength(1);
    }
  });

  it('A←B and B←A: one wins, the other finds its profile merged', async () => {
    for (let round = 0; round < 4; round++) {
      const a = await profile(`X${round}`, 100);
      const b = await profile(`Y${round}`, 100);
      const before = await counts([a, b]);
      const results = await Promise.allSettled([
        mergeCustomers(db, staff.admin, { survivorId: a, mergedIds: [b] }),
        mergeCustomers(db, staff.admin, { survivorId: b, mergedIds: [a] }),
      ]);
      const winner = outcome(results) === 0 ? a : b;
      const after = await counts([a, b]);
      expect(after.byCustomer[winner]).toBe(before.total + 1);
      expect(after.identities).toBe(before.identities);
      const rows = await db
        .select()
        .from(customers)
        .where(inArray(customers.id, [a, b]));
      expect(rows.filter((r) => r.status === 'active').map((r) => r.id)).toEqual([winner]);
    }
  });
});
