import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../core/audit/schema.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { outbox } from '../../core/events/schema.ts';
import type { JobDefinition } from '../../core/jobs/job-runner.ts';
import { createLogger } from '../../core/logger.ts';
import type { ModuleRuntime } from '../../core/module.ts';
import { activities } from '../activities/index.ts';
import { companyContacts, customerIdentities, customers } from '../customers/index.ts';
import { createStaff, type Staff } from '../customers/testing.ts';
import { addConsent, countWhere, ensurePurpose, makeProfile } from './dedupe-fixtures.ts';
import { dedupeModule, PURGE_MERGES_JOB } from './index.ts';
import { listMerges } from './list-merges.ts';
import { mergeCustomers } from './merge-customers.ts';
import { purgeExpiredMerges } from './purge-merges.ts';
import { customerMerges } from './schema.ts';
import { unmergeCustomers } from './unmerge-customers.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
  await ensurePurpose(db);
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

async function pair() {
  const survivor = await makeProfile(
    db,
    staff.managerA,
    { displayName: 'สุดา ใจงาม', email: 'suda@example.com', tags: ['VIP'], province: null },
    { identities: [{ kind: 'email', value: `suda${Math.random()}@example.com`, isPrimary: true }], activities: 2 },
  );
  const merged = await makeProfile(
    db,
    staff.managerA,
    {
      displayName: 'คุณสุดา ใจงาม',
      phone: '+66898765432',
      province: 'ลำปาง',
      nickname: 'ดา',
      tags: ['ใหม่'],
      createdAt: new Date('2023-03-03T00:00:00Z'),
    },
    {
      identities: [{ kind: 'phone', value: `+6689${Math.floor(Math.random() * 1e7)}`, isPrimary: true }],
      activities: 4,
    },
  );
  return { survivor, merged };
}

describe('unmergeCustomers', () => {
  it('restores the merged profile, moves back exactly what moved, restores the survivor', async () => {
    const { survivor, merged } = await pair();
    const company = await makeProfile(db, staff.managerA, { displayName: 'หจก. ลำปางค้าไม้', kind: 'company' });
    await db.insert(companyContacts).values({ companyId: company, personId: merged, role: 'buyer' });
    await addConsent(db, merged, 'granted', new Date('2026-01-01T00:00:00Z'));
    const before = await row(survivor);
    const beforeMerged = await row(merged);
    const { mergeId } = await mergeCustomers(db, staff.managerA, { survivorId: survivor, mergedIds: [merged] });
    expect((await row(survivor)).province).toBe('ลำปาง');
    // Something new happens on the survivor after the merge: it stays there.
    await db.insert(activities).values({ customerId: survivor, kind: 'note', subject: 'after the merge' });

    const result = await unmergeCustomers(db, staff.managerA, mergeId);
    expect(result.keptFields).toEqual([]);
    expect(result.restoredFields).toEqual(
      expect.arrayContaining(['province', 'phone', 'nickname', 'tags', 'created_at']),
    );
    expect(result.movedBack).toEqual(
      expect.arrayContaining([
        { table: 'activities', moved: 4, missing: 0 },
        { table: 'customer_identities', moved: 1, missing: 0 },
        { table: 'consent_records', moved: 1, missing: 0 },
      ]),
    );
    const s = await row(survivor);
    const m = await row(merged);
    for (const field of ['displayName', 'email', 'phone', 'province', 'nickname', 'tags', 'createdAt'] as const) {
      expect(s[field]).toEqual(before[field]);
    }
    for (const field of ['status', 'mergedIntoId', 'phone', 'province', 'nickname', 'tags', 'createdAt'] as const) {
      expect(m[field]).toEqual(beforeMerged[field]);
    }
    expect(m.searchText).toContain('0898765432');
    expect(await countWhere(db, 'activities', merged)).toBe(4);
    // 2 of its own, the merge and unmerge entries, and the note written after the merge.
    expect(await countWhere(db, 'activities', survivor)).toBe(5);
    expect(await countWhere(db, 'customer_identities', merged)).toBe(1);
    expect(await countWhere(db, 'consent_state', merged)).toBe(1);
    expect(await countWhere(db, 'consent_state', survivor)).toBe(0);
    const [link] = await db.select().from(companyContacts).where(eq(companyContacts.companyId, company));
    expect(link?.personId).toBe(merged);
    const [ident] = await db.select().from(customerIdentities).where(eq(customerIdentities.customerId, merged));
    expect(ident?.isPrimary).toBe(true);
    const [mergeRow] = await db.select().from(customerMerges).where(eq(customerMerges.id, mergeId));
    expect(mergeRow?.undoneAt).toBeInstanceOf(Date);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'unmerge'));
    expect(audits.map((a) => a.entityId).sort()).toEqual([survivor, merged].sort());
    expect(await db.select().from(outbox).where(eq(outbox.topic, 'customer.unmerged'))).toHaveLength(1);

    expect(await code(unmergeCustomers(db, staff.managerA, mergeId))).toBe('unmerge_already_undone');
  });

  it('keeps survivor fields changed since the merge and says so', async () => {
    const { survivor, merged } = await pair();
    const { mergeId } = await mergeCustomers(db, staff.managerA, { survivorId: survivor, mergedIds: [merged] });
    await db.update(customers).set({ province: 'น่าน' }).where(eq(customers.id, survivor));
    const result = await unmergeCustomers(db, staff.managerA, mergeId);
    expect(result.keptFields).toEqual(['province']);
    expect((await row(survivor)).province).toBe('น่าน');
    expect((await row(survivor)).nickname).toBeNull();
  });

  it('refuses after the grace period, when the survivor was merged since, and for others', async () => {
    const first = await pair();
    const m1 = await mergeCustomers(db, staff.managerA, { survivorId: first.survivor, mergedIds: [first.merged] });
    await db
      .update(customerMerges)
      .set({ undoUntil: new Date(Date.now() - 1000) })
      .where(eq(customerMerges.id, m1.mergeId));
    expect(await code(unmergeCustomers(db, staff.managerA, m1.mergeId))).toBe('unmerge_expired');

    const second = await pair();
    const third = await makeProfile(db, staff.managerA, { displayName: 'อีกคน' });
    const m2 = await mergeCustomers(db, staff.managerA, { survivorId: second.survivor, mergedIds: [second.merged] });
    await mergeCustomers(db, staff.managerA, { survivorId: third, mergedIds: [second.survivor] });
    expect(await code(unmergeCustomers(db, staff.managerA, m2.mergeId))).toBe('unmerge_survivor_inactive');
    const merges = await listMerges(db, staff.managerA, second.survivor, { limit: 10 });
    expect(merges.items.map((m) => [m.survivorId, m.canUndo])).toEqual([
      [third, true],
      [second.survivor, false],
    ]);

    const fourth = await pair();
    const m3 = await mergeCustomers(db, staff.managerA, { survivorId: fourth.survivor, mergedIds: [fourth.merged] });
    expect(await code(unmergeCustomers(db, staff.salesB, m3.mergeId))).toBe('forbidden');
    expect(await code(unmergeCustomers(db, staff.admin, crypto.randomUUID()))).toBe('not_found');
    // A manager of the other team sees neither profile.
    const outsider = {
      ...staff.managerA,
      principal: { ...staff.managerA.principal, userId: crypto.randomUUID(), teamId: staff.teamB },
    };
    expect(await code(unmergeCustomers(db, outsider, m3.mergeId))).toBe('not_found');
    expect(await code(listMerges(db, outsider, fourth.survivor, { limit: 10 }))).toBe('not_found');
    expect((await row(fourth.merged)).status).toBe('merged');
  });

  it('purges expired merges: snapshot cleared, unreferenced tombstones deleted', async () => {
    const { survivor, merged } = await pair();
    const keep = await pair();
    const { mergeId } = await mergeCustomers(db, staff.admin, { survivorId: survivor, mergedIds: [merged] });
    const m2 = await mergeCustomers(db, staff.admin, { survivorId: keep.survivor, mergedIds: [keep.merged] });
    // A row left on the tombstone (e.g. written after the merge) keeps it from being deleted.
    await db.insert(activities).values({ customerId: keep.merged, kind: 'note', subject: 'late' });
    await purgeExpiredMerges(db);
    const [running] = await db.select().from(customerMerges).where(eq(customerMerges.id, mergeId));
    expect(running?.snapshot).not.toBeNull();
    await db
      .update(customerMerges)
      .set({ undoUntil: sql`now() - interval '1 day'` })
      .where(sql`${customerMerges.id} in (${mergeId}, ${m2.mergeId})`);
    const result = await purgeExpiredMerges(db);
    expect(result.expired).toBeGreaterThanOrEqual(2);
    const [m] = await db.select().from(customerMerges).where(eq(customerMerges.id, mergeId));
    expect(m?.snapshot).toBeNull();
    expect(await db.select().from(customers).where(eq(customers.id, merged))).toHaveLength(0);
    expect((await row(keep.merged)).status).toBe('merged');
    expect((await row(survivor)).status).toBe('active');
    expect(await code(unmergeCustomers(db, staff.admin, m2.mergeId))).toBe('unmerge_expired');
  });

  it('registers the purge as a daily job that does the same', async () => {
    const defs: JobDefinition[] = [];
    const runtime = {
      deps: { database: testDb.database },
      jobs: { register: (d: JobDefinition) => defs.push(d) },
    } as unknown as ModuleRuntime;
    dedupeModule.register?.(runtime);
    expect(defs.map((d) => [d.name, d.cron])).toEqual([[PURGE_MERGES_JOB, '40 3 * * *']]);
    const { survivor, merged } = await pair();
    const { mergeId } = await mergeCustomers(db, staff.admin, { survivorId: survivor, mergedIds: [merged] });
    await db
      .update(customerMerges)
      .set({ undoUntil: new Date(Date.now() - 1) })
      .where(eq(customerMerges.id, mergeId));
    await defs[0]?.handler({}, { jobId: 'test', attempt: 1, logger: createLogger('silent') });
    const [m] = await db.select().from(customerMerges).where(eq(customerMerges.id, mergeId));
    expect(m?.snapshot).toBeNull();
    expect(await db.select().from(customers).where(eq(customers.id, merged))).toHaveLength(0);
  });
});
