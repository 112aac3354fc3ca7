import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { createCustomer } from '../customers/index.ts';
import { createStaff, type Staff, userIdOf } from '../customers/testing.ts';
import { listTimeline } from './list-timeline.ts';
import { logActivity } from './log-activity.ts';
import { recordActivities } from './record-activity.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;
let customer: string;

const t = (iso: string) => new Date(iso);

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
  customer = (await createCustomer(db, staff.salesA, { firstName: 'สมศักดิ์' })).id;
  await recordActivities(db, [
    {
      customerId: customer,
      kind: 'identity_match',
      occurredAt: t('2026-10-01T00:00:00Z'),
      data: { rule: 'phone', kind: 'phone', value: '+66812345678', channel: 'api', created: false },
    },
    {
      customerId: customer,
      kind: 'consent',
      occurredAt: t('2026-10-02T00:00:00Z'),
      data: { purpose: 'marketing', channel: 'email', status: 'withdrawn', source: 'link' },
    },
    {
      customerId: customer,
      kind: 'merge',
      occurredAt: t('2026-10-03T00:00:00Z'),
      data: { action: 'merge', mergeId: crypto.randomUUID(), mergedIds: [crypto.randomUUID(), crypto.randomUUID()] },
    },
    {
      customerId: customer,
      kind: 'import',
      occurredAt: t('2026-10-04T00:00:00Z'),
      data: { importId: crypto.randomUUID(), fileName: 'ลูกค้า.csv', line: 17, action: 'updated' },
    },
    {
      customerId: customer,
      kind: 'identity_match',
      occurredAt: t('2026-10-05T00:00:00Z'),
      data: { rule: 'email', kind: 'email', value: 'somsak@example.com', channel: 'form', created: false },
    },
    {
      customerId: customer,
      kind: 'order',
      occurredAt: t('2026-10-06T00:00:00Z'),
      subject: 'คำสั่งซื้อ #1001',
      refType: 'order',
      refId: '1001',
    },
    // Two entries at the same instant: the cursor must still split them exactly.
    { customerId: customer, kind: 'system', occurredAt: t('2026-10-07T00:00:00Z'), subject: 'A' },
    { customerId: customer, kind: 'system', occurredAt: t('2026-10-07T00:00:00Z'), subject: 'B' },
  ]);
  await logActivity(db, staff.salesA, customer, { kind: 'note', body: 'โน้ต', occurredAt: '2026-10-08T00:00:00Z' });
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

describe('listTimeline', () => {
  it('is one stream of every module’s entries, newest first, with readable summaries', async () => {
    const page = await listTimeline(db, staff.salesA, customer, { limit: 50 });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((a) => a.kind)).toEqual([
      'note',
      'system',
      'system',
      'order',
      'identity_match',
      'import',
      'merge',
      'consent',
      'identity_match',
    ]);
    const byKind = (k: string) => page.items.filter((a) => a.kind === k).map((a) => a.summary);
    expect(byKind('identity_match')).toEqual([
      { en: 'Matched by email so…@example.com (via form)', th: 'จับคู่ด้วย email so…@example.com (ผ่าน form)' },
      { en: 'Matched by phone +6681… (via api)', th: 'จับคู่ด้วย phone +6681… (ผ่าน api)' },
    ]);
    expect(byKind('consent')).toEqual([
      { en: 'Consent withdrawn: marketing (email)', th: 'ถอนความยินยอม: marketing (email)' },
    ]);
    expect(byKind('merge')).toEqual([{ en: 'Merged 2 profile(s) into this one', th: 'รวม 2 โปรไฟล์เข้ากับโปรไฟล์นี้' }]);
    expect(byKind('import')).toEqual([{ en: 'Updated by import ลูกค้า.csv #17', th: 'ปรับปรุงจากการนำเข้า ลูกค้า.csv #17' }]);
    expect(byKind('order')[0]?.en).toBe('คำสั่งซื้อ #1001');
    const note = page.items[0];
    expect(note).toMatchObject({ actorUserId: userIdOf(staff.salesA), actorName: 'sales-a' });
    expect(page.items.find((a) => a.kind === 'consent')?.actorName).toBeNull();
  });

  it('pages with a keyset cursor without losing or repeating entries at equal times', async () => {
    const all = await listTimeline(db, staff.salesA, customer, { limit: 50 });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await listTimeline(db, staff.salesA, customer, { limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((a) => a.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.items.map((a) => a.id));
  });

  it('filters by kind (one or several) and by time range (from inclusive, to exclusive)', async () => {
    const one = await listTimeline(db, staff.salesA, customer, { limit: 50, kind: 'identity_match' });
    expect(one.items).toHaveLength(2);
    const two = await listTimeline(db, staff.salesA, customer, { limit: 50, kind: ['consent', 'merge'] });
    expect(two.items.map((a) => a.kind)).toEqual(['merge', 'consent']);
    const range = await listTimeline(db, staff.salesA, customer, {
      limit: 50,
      from: '2026-10-02T00:00:00Z',
      to: '2026-10-05T00:00:00Z',
    });
    expect(range.items.map((a) => a.kind)).toEqual(['import', 'merge', 'consent']);
  });

  it('refuses bad filters with field errors', async () => {
    const bad = await failure(listTimeline(db, staff.salesA, customer, { limit: 50, kind: 'gossip' as never }));
    expect(bad.code).toBe('validation_failed');
    expect((bad.details as { path: string }[])[0]?.path).toBe('kind');
    const order = await failure(
      listTimeline(db, staff.salesA, customer, { limit: 50, from: '2026-10-05T00:00:00Z', to: '2026-10-01T00:00:00Z' }),
    );
    expect(order.details).toEqual([{ path: 'to', message: 'must be after from', th: 'ต้องอยู่หลังเวลาเริ่มต้น' }]);
    const cursor = await failure(listTimeline(db, staff.salesA, customer, { limit: 50, cursor: 'bm9wZQ' }));
    expect((cursor.details as { path: string }[])[0]?.path).toBe('cursor');
    const date = await failure(listTimeline(db, staff.salesA, customer, { limit: 50, from: '5 Oct' }));
    expect((date.details as { path: string }[])[0]?.path).toBe('from');
  });

  it('follows customer visibility: others in scope see it, others get not_found', async () => {
    expect((await listTimeline(db, staff.managerA, customer, { limit: 1 })).items).toHaveLength(1);
    expect((await listTimeline(db, staff.viewer, customer, { limit: 1 })).items).toHaveLength(1);
    expect((await failure(listTimeline(db, staff.salesB, customer, { limit: 1 }))).code).toBe('not_found');
    expect((await failure(listTimeline(db, staff.salesA2, customer, { limit: 1 }))).code).toBe('not_found');
  });
});
