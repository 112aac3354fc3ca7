import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { auditLog } from '../../core/audit/schema.ts';
import { createTeam } from '../../core/auth/create-team.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { outbox } from '../../core/events/schema.ts';
import { BULK_LIMIT, type BulkPreview, type BulkResult } from './bulk-input.ts';
import { customerErrors } from './errors.ts';
import { insertCustomer } from './extras-testing.ts';
import { customerRoutes } from './routes.ts';
import { customers } from './schema.ts';

type User = { userId: string; token: string };
let t: TestApp;
let db: Db;
let teamA = '';
let salesA: User;
let salesA2: User;
let manager: User;
let admin: User;
let viewer: User;
let mine: string[] = [];
let mates: string[] = [];
let erased = '';

async function call(path: string, user: User, body: unknown, locale = 'en'): Promise<Response> {
  return t.app.request(`/api/v1${path}`, jsonRequest('POST', body, bearer(user.token, { 'accept-language': locale })));
}
async function bulk(user: User, body: unknown): Promise<BulkResult> {
  const res = await call('/customers/bulk', user, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as BulkResult;
}
async function snapshot(): Promise<string> {
  const rows = await db
    .select({ id: customers.id, tags: customers.tags, ownerId: customers.ownerId })
    .from(customers)
    .orderBy(customers.id);
  const [audits] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return JSON.stringify({ rows, audits: audits?.n });
}

beforeAll(async () => {
  registerErrors(customerErrors);
  t = await createTestApp([{ name: 'customers', routes: customerRoutes }]);
  db = t.testDb.database.db;
  teamA = (await createTeam(db, systemActor('cli'), { name: 'ทีม A' })).id;
  salesA = await t.userWithToken('sales', { teamId: teamA });
  salesA2 = await t.userWithToken('sales', { teamId: teamA });
  manager = await t.userWithToken('manager', { teamId: teamA });
  admin = await t.userWithToken('admin');
  viewer = await t.userWithToken('viewer');
  const make = (name: string, ownerId: string, extra: Partial<typeof customers.$inferInsert> = {}) =>
    insertCustomer(db, { displayName: name, ownerId, teamId: teamA, source: 'import', ...extra });
  mine = [
    await make('สมชาย ใจดี', salesA.userId, { tags: ['vip'] }),
    await make('สมหญิง รักดี', salesA.userId),
    await make('กมล ศรีสุข', salesA.userId, { source: 'line_oa' }),
  ];
  mates = [await make('ของเพื่อนร่วมทีม', salesA2.userId)];
  erased = await make('ลบแล้ว', salesA.userId, { status: 'erased' });
});
afterAll(() => t.close());

describe('bulk changes to customers', () => {
  it('adds a tag to picked customers, skipping those the caller may not change, with an audit each', async () => {
    const result = await bulk(salesA, { action: 'add_tag', tag: 'ขายส่ง', ids: [...mine, ...mates, erased] });
    expect(result).toEqual({ action: 'add_tag', matched: 3, changed: 3, unchanged: 0, skipped: 2 });
    const rows = await db
      .select()
      .from(customers)
      .where(inArray(customers.id, [...mine, ...mates]));
    for (const row of rows) expect(row.tags.includes('ขายส่ง')).toBe(mine.includes(row.id));
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(inArray(auditLog.entityId, mine), eq(auditLog.action, 'update')));
    expect(audits).toHaveLength(3);
    expect(audits[0]?.changes).toMatchObject({ tags: { after: expect.arrayContaining(['ขายส่ง']) } });
    const events = await db.select().from(outbox).where(inArray(outbox.aggregateId, mine));
    expect(events.filter((e) => e.topic === 'customer.updated')).toHaveLength(3);
    // Again: nothing to do, reported as unchanged.
    expect(await bulk(salesA, { action: 'add_tag', tag: 'ขายส่ง', ids: mine })).toMatchObject({
      changed: 0,
      unchanged: 3,
    });
  });

  it('finds the tagged customers by search afterwards (search text follows the tags)', async () => {
    const res = await t.app.request(
      `/api/v1/customers?q=${encodeURIComponent('ขายส่ง')}`,
      jsonRequest('GET', undefined, bearer(salesA.token)),
    );
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(3);
  });

  it('removes a tag from every customer matching a filter, within the caller’s visibility', async () => {
    const preview = await call('/customers/bulk/preview', manager, { filter: { source: 'import' } });
    expect((await preview.json()) as BulkPreview).toEqual({ matched: 3, limit: BULK_LIMIT });
    const result = await bulk(salesA, { action: 'remove_tag', tag: 'ขายส่ง', filter: { source: 'import' } });
    expect(result).toEqual({ action: 'remove_tag', matched: 2, changed: 2, unchanged: 0, skipped: 0 });
    const [line] = await db
      .select()
      .from(customers)
      .where(eq(customers.id, mine[2] ?? ''));
    expect(line?.tags).toEqual(['ขายส่ง']);
  });

  it('assigns an owner: a manager within the team; a sales user only to themselves', async () => {
    const result = await bulk(manager, { action: 'assign_owner', ownerId: salesA2.userId, filter: { tag: 'vip' } });
    expect(result).toMatchObject({ matched: 1, changed: 1 });
    const [vip] = await db
      .select()
      .from(customers)
      .where(eq(customers.id, mine[0] ?? ''));
    expect(vip?.ownerId).toBe(salesA2.userId);

    const before = await snapshot();
    const refused = await call('/customers/bulk', salesA, {
      action: 'assign_owner',
      ownerId: salesA2.userId,
      ids: mine,
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('customer_owner_forbidden');
    expect(await snapshot()).toBe(before);
  });

  it('refuses a viewer and bad input with a clear error, changing nothing', async () => {
    const before = await snapshot();
    expect((await call('/customers/bulk', viewer, { action: 'add_tag', tag: 'x', ids: mine })).status).toBe(403);
    const cases: [unknown, string][] = [
      [{ action: 'add_tag', ids: mine }, 'tag'],
      [{ action: 'add_tag', tag: 'x' }, 'ids'],
      [{ action: 'add_tag', tag: 'x', ids: mine, filter: {} }, 'ids'],
      [{ action: 'assign_owner', ids: mine }, 'ownerId'],
      [{ action: 'explode', ids: mine }, 'action'],
      [{ action: 'add_tag', tag: 'x', ids: ['not-a-uuid'] }, 'ids.0'],
      [{ action: 'add_tag', tag: 'x', filter: { ownerId: 'somebody' } }, 'ownerId'],
      [{ action: 'add_tag', tag: 'x', filter: { 'cf.nope': '1' } }, 'cf.nope'],
    ];
    for (const [body, path] of cases) {
      const res = await call('/customers/bulk', admin, body, 'th');
      expect(res.status, JSON.stringify(body)).toBe(400);
      const problem = (await res.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors.map((e) => e.path).join(' '), JSON.stringify(body)).toContain(path);
    }
    const tooMany = await call('/customers/bulk', admin, {
      action: 'add_tag',
      tag: 'x',
      ids: Array.from({ length: BULK_LIMIT + 1 }, () => crypto.randomUUID()),
    });
    expect(tooMany.status).toBe(400);
    expect(await snapshot()).toBe(before);
  });

  it('refuses more than the limit of filter matches with bulk_too_many and a Thai message', async () => {
    const many = Array.from({ length: BULK_LIMIT + 1 }, (_, i) => ({
      displayName: `ลูกค้าจำนวนมาก ${i}`,
      ownerId: admin.userId,
      source: 'bulk_test',
    }));
    for (let i = 0; i < many.length; i += 1000) await db.insert(customers).values(many.slice(i, i + 1000));
    const before = await snapshot();
    const res = await call(
      '/customers/bulk',
      admin,
      { action: 'add_tag', tag: 'x', filter: { source: 'bulk_test' } },
      'th',
    );
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe('bulk_too_many');
    expect(problem.detail).toContain(String(BULK_LIMIT));
    expect(problem.detail).toContain('กรุณากรองให้แคบลง');
    expect(await snapshot()).toBe(before);
  });
});
