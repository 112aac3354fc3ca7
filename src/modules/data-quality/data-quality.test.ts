import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { createTeam } from '../../core/auth/create-team.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import type { Page } from '../../core/http/pagination.ts';
import { consentState } from '../consent/index.ts';
import { type CustomerSummary, customerAddresses, customerIdentities, customers } from '../customers/index.ts';
import { dataQualityModule } from './index.ts';
import type { DataQualityReport } from './report-view.ts';

let t: TestApp;
let db: Db;
type User = { userId: string; token: string };
let admin: User;
let salesA: User;
let salesB: User;
let viewer: User;
const ids: Record<string, string> = {};

const YEARS_AGO = new Date(Date.now() - 2 * 365 * 24 * 3600 * 1000);
const MONTH_AGO = new Date(Date.now() - 30 * 24 * 3600 * 1000);

async function add(key: string, values: Partial<typeof customers.$inferInsert> & { displayName: string }) {
  const [row] = await db.insert(customers).values(values).returning({ id: customers.id });
  if (!row) throw new Error('no row');
  ids[key] = row.id;
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp([dataQualityModule]);
  db = t.testDb.database.db;
  const team = await createTeam(db, systemActor('cli'), { name: 'ทีมขาย' });
  admin = await t.userWithToken('admin');
  salesA = await t.userWithToken('sales', { teamId: team.id });
  salesB = await t.userWithToken('sales', { teamId: team.id });
  viewer = await t.userWithToken('viewer');
  const a = salesA.userId;
  const complete = await add('complete', {
    displayName: 'มาลี ครบถ้วน',
    email: 'malee@example.com',
    phone: '+66812345678',
    lineId: 'malee',
    birthday: '1985-05-05',
    gender: 'female',
    province: 'เชียงใหม่',
    ownerId: a,
  });
  await add('staleTwin', {
    displayName: 'สมชาย ใจดี',
    birthday: '1990-01-01',
    gender: 'unspecified',
    ownerId: a,
    updatedAt: YEARS_AGO,
  });
  await db.insert(customerAddresses).values({ customerId: ids.staleTwin ?? '', label: 'home', postcode: '50200' });
  const bounced = await add('bouncedTwin', {
    displayName: 'นายสมชาย ใจดี',
    birthday: '1990-01-01',
    phone: '+66891112222',
    ownerId: a,
    updatedAt: YEARS_AGO,
    lastContactedAt: MONTH_AGO,
  });
  await db
    .insert(customerIdentities)
    .values({ customerId: bounced, kind: 'phone', value: '+66891112222', status: 'bounced' });
  await add('company', {
    kind: 'company',
    displayName: 'บริษัท ตัวอย่าง จำกัด',
    email: 'info@example.co.th',
    ownerId: a,
    updatedAt: YEARS_AGO,
    lastContactedAt: YEARS_AGO,
  });
  await add('merged', { displayName: 'รวมแล้ว', email: 'x@example.com', ownerId: a, status: 'merged' });
  await add('ofB', { displayName: 'ของ B', email: 'b@example.com', ownerId: salesB.userId });
  await add('unowned', { displayName: 'ไม่มีเจ้าของ' });
  const state = (customerId: string, channel: string, status: string) => ({
    customerId,
    purpose: 'marketing',
    channel,
    status,
    lawfulBasis: 'consent',
    recordId: randomUUID(),
  });
  await db.insert(consentState).values([state(complete, 'email', 'granted'), state(bounced, 'sms', 'withdrawn')]);
});
afterAll(() => t.close());

async function get<T>(path: string, user: User, locale = 'en'): Promise<{ status: number; body: T }> {
  const res = await t.app.request(
    `/api/v1${path}`,
    jsonRequest('GET', undefined, bearer(user.token, { 'accept-language': locale })),
  );
  return { status: res.status, body: (await res.json()) as T };
}

function completeness(report: DataQualityReport) {
  return Object.fromEntries(report.completeness.map((c) => [c.field, [c.filled, c.total]]));
}

describe('GET /data-quality', () => {
  it("measures a sales user's own active customers only", async () => {
    const { status, body } = await get<DataQualityReport>('/data-quality', salesA);
    expect(status).toBe(200);
    expect(body.total).toBe(4);
    expect(completeness(body)).toEqual({
      email: [2, 4],
      phone: [2, 4],
      line: [1, 4],
      birthday: [3, 3],
      gender: [1, 3],
      address: [2, 4],
      owner: [4, 4],
      consent: [1, 4],
    });
    expect(body.completeness.find((c) => c.field === 'email')).toMatchObject({
      count: 2,
      list: '/api/v1/data-quality/missing-email/customers',
    });
    expect(body.completeness.find((c) => c.field === 'owner')?.list).toBe('/api/v1/customers?ownerId=none');
    expect(body.unreachable).toMatchObject({ count: 1, identities: 1 });
    expect(body.stale).toMatchObject({
      count: 2,
      months: 12,
      list: '/api/v1/data-quality/stale/customers?staleMonths=12',
    });
    expect(body.consentGaps.count).toBe(1);
    expect(body.duplicates).toMatchObject({ count: 1, method: 'dedupe_finder' });
  });

  it('lets an admin see every active customer; another sales user sees only theirs', async () => {
    const { body } = await get<DataQualityReport>('/data-quality?staleMonths=36', admin);
    expect(body.total).toBe(6);
    expect(completeness(body).owner).toEqual([5, 6]);
    expect(body.consentGaps.count).toBe(2);
    expect(body.stale).toMatchObject({ count: 0, months: 36 });
    const b = await get<DataQualityReport>('/data-quality', salesB);
    expect(b.body.total).toBe(1);
    expect(b.body.duplicates.count).toBe(0);
    expect(b.body.unreachable.count).toBe(0);
    expect((await get<DataQualityReport>('/data-quality', viewer)).body.total).toBe(6);
  });

  it('refuses a bad staleMonths per field in English and Thai, and callers without a token', async () => {
    const en = await get<{ errors: { path: string; message: string }[] }>('/data-quality?staleMonths=0', admin);
    expect(en.status).toBe(400);
    expect(en.body.errors.map((e) => e.path)).toEqual(['staleMonths']);
    const th = await get<{ errors: { path: string; message: string }[] }>('/data-quality?staleMonths=abc', admin, 'th');
    expect(th.status).toBe(400);
    expect(th.body.errors[0]?.message).toMatch(/[\u0E00-\u0E7F]/);
    expect((await t.app.request('/api/v1/data-quality')).status).toBe(401);
  });
});

describe('GET /data-quality/{check}/customers', () => {
  const names = (page: Page<CustomerSummary>) => page.items.map((c) => c.displayName);

  it('lists the customers failing a check, least recently updated first, with a cursor', async () => {
    const first = await get<Page<CustomerSummary>>('/data-quality/missing-email/customers?limit=1', salesA);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const rest = await get<Page<CustomerSummary>>(
      `/data-quality/missing-email/customers?limit=5&cursor=${first.body.nextCursor}`,
      salesA,
    );
    expect(new Set([...names(first.body), ...names(rest.body)])).toEqual(new Set(['สมชาย ใจดี', 'นายสมชาย ใจดี']));
    expect(rest.body.nextCursor).toBeNull();
    expect(names((await get<Page<CustomerSummary>>('/data-quality/unreachable/customers', salesA)).body)).toEqual([
      'นายสมชาย ใจดี',
    ]);
    expect(new Set(names((await get<Page<CustomerSummary>>('/data-quality/stale/customers', salesA)).body))).toEqual(
      new Set(['สมชาย ใจดี', 'บริษัท ตัวอย่าง จำกัด']),
    );
    expect(
      names((await get<Page<CustomerSummary>>('/data-quality/consent-gaps/customers', admin)).body).sort(),
    ).toEqual(['ของ B', 'บริษัท ตัวอย่าง จำกัด'].sort());
    expect(
      names((await get<Page<CustomerSummary>>('/data-quality/missing-gender/customers', salesA)).body).sort(),
    ).toEqual(['นายสมชาย ใจดี', 'สมชาย ใจดี'].sort());
    expect(names((await get<Page<CustomerSummary>>('/data-quality/missing-owner/customers', admin)).body)).toEqual([
      'ไม่มีเจ้าของ',
    ]);
  });

  it("never lists another user's customers, and refuses an unknown check or a bad cursor", async () => {
    expect(names((await get<Page<CustomerSummary>>('/data-quality/missing-phone/customers', salesB)).body)).toEqual([
      'ของ B',
    ]);
    const unknown = await get<{ errors: { path: string }[] }>('/data-quality/nonsense/customers', admin);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e) => e.path)).toEqual(['check']);
    const cursor = await get<{ errors: { path: string }[] }>('/data-quality/stale/customers?cursor=zzz', admin);
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors.map((e) => e.path)).toEqual(['cursor']);
  });
});
