import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { createTeam } from '../../core/auth/create-team.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { activitiesModule } from '../activities/index.ts';
import { customersModule } from '../customers/index.ts';
import { dealsModule, SEEDED_STAGE_IDS as S } from '../deals/index.ts';
import { ordersModule } from '../orders/index.ts';
import { productsModule } from '../products/index.ts';
import { forecastsModule } from './index.ts';

/*
 * Hand-computed fixture (values in satang, times in Asia/Bangkok). Team A: manager, salesA,
 * salesB. salesC has no team.
 *   D1 salesA won 1,000,000  created 10-01 10:00, won 10-11 10:00  (10 days)
 *   D2 salesA won   500,000  created 10-20 10:00, won 11-19 10:00  (30 days)
 *   D3 salesA open Negotiation 75 % 2,000,000 closes 12-20  → committed
 *   D4 salesA open Proposal 50 %      800,000 closes 11-30  → weighted 400,000
 *   D5 salesA open Lead in 10 %       300,000 closes 2027-01-15 → outside Q4
 *   D6 salesA lost 700,000 "ราคาสูง" 11-05
 *   D7 salesA won 1,200,000 on 2025-11-10 (last year)
 *   D8 salesB won 2,000,000 created 09-01 10:00, won 12-01 10:00 (91 days)
 *   D9 salesB lost 400,000 "ราคาสูง" 10-15;  D10 salesB lost 100,000 "เลือกคู่แข่ง" 12-02
 *   D11 salesC won 5,000,000 created 10-01, won 10-05
 *   D12 salesA won 999 at 09-30 23:30 Bangkok (16:30 UTC): Q3, not Q4
 * Quotas for 2026-Q4: salesA 3,000,000 (3 deals); salesB monthly 1,000,000 + 1,000,000 + 2,000,000;
 * team A 10,000,000; salesC 6,000,000.
 */

let t: TestApp;
type User = { userId: string; token: string };
let admin: User;
let manager: User;
let salesA: User;
let salesB: User;
let salesC: User;
let teamA: string;
type Json = Record<string, unknown>;

const call = async (method: string, path: string, token: string, body?: unknown) => {
  const res = await t.app.request(
    `/api/v1${path}`,
    jsonRequest(method, body, bearer(token, { 'accept-language': 'en' })),
  );
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
};
const sqlRun = (text: string, params: unknown[] = []) => t.testDb.database.query(text, params);
const count = async (table: string) =>
  Number((await t.testDb.database.query<{ n: string }>(`select count(*)::text as n from ${table}`))[0]?.n);

async function customerOf(user: User, phone: string): Promise<string> {
  const res = await call('POST', '/customers', user.token, { firstName: `ลูกค้า ${phone}`, phone });
  expect(res.status).toBe(201);
  return String(res.body.id);
}

interface DealSpec {
  owner: User;
  customer: string;
  value: number;
  stage?: string;
  status?: 'won' | 'lost';
  created: string;
  closedAt?: string;
  closes?: string;
  reason?: string;
}

async function deal(spec: DealSpec): Promise<string> {
  const res = await call('POST', '/deals', spec.owner.token, {
    customerId: spec.customer,
    title: `ดีล ${spec.value}`,
    valueSatang: spec.value,
    ...(spec.stage ? { stageId: spec.stage } : {}),
    ...(spec.closes ? { expectedCloseOn: spec.closes } : {}),
  });
  expect(res.status).toBe(201);
  const id = String(res.body.id);
  // Past dates and outcomes are set directly: the API stamps "now".
  const stage = spec.status === 'won' ? S.won : spec.status === 'lost' ? S.lost : (spec.stage ?? S.leadIn);
  await sqlRun(
    `update deals set created_at = $2::timestamptz, status = $3, stage_id = $4,
       won_at = case when $3 = 'won' then $5::timestamptz end,
       lost_at = case when $3 = 'lost' then $5::timestamptz end, lost_reason = $6 where id = $1`,
    [id, spec.created, spec.status ?? 'open', stage, spec.closedAt ?? null, spec.reason ?? null],
  );
  return id;
}

beforeAll(async () => {
  const modules = [customersModule, activitiesModule, productsModule, ordersModule, dealsModule, forecastsModule];
  for (const m of modules) registerErrors(m.errors ?? {});
  t = await createTestApp(modules);
  teamA = (await createTeam(t.testDb.database.db, systemActor('cli'), { name: 'ทีมขาย A' })).id;
  admin = await t.userWithToken('admin');
  manager = await t.userWithToken('manager', { teamId: teamA });
  salesA = await t.userWithToken('sales', { teamId: teamA });
  salesB = await t.userWithToken('sales', { teamId: teamA });
  salesC = await t.userWithToken('sales');
  const ca = await customerOf(salesA, '+66811112001');
  const cb = await customerOf(salesB, '+66811112002');
  const cc = await customerOf(salesC, '+66811112003');
  const a = { owner: salesA, customer: ca };
  await deal({
    ...a,
    value: 1_000_000,
    status: 'won',
    created: '2026-10-01T10:00+07',
    closedAt: '2026-10-11T10:00+07',
  });
  await deal({ ...a, value: 500_000, status: 'won', created: '2026-10-20T10:00+07', closedAt: '2026-11-19T10:00+07' });
  await deal({ ...a, value: 2_000_000, stage: S.negotiation, created: '2026-11-01T10:00+07', closes: '2026-12-20' });
  await deal({ ...a, value: 800_000, stage: S.proposal, created: '2026-11-02T10:00+07', closes: '2026-11-30' });
  await deal({ ...a, value: 300_000, stage: S.leadIn, created: '2026-11-03T10:00+07', closes: '2027-01-15' });
  await deal({
    ...a,
    value: 700_000,
    status: 'lost',
    reason: 'ราคาสูง',
    created: '2026-10-05T10:00+07',
    closedAt: '2026-11-05T10:00+07',
  });
  await deal({
    ...a,
    value: 1_200_000,
    status: 'won',
    created: '2025-10-01T10:00+07',
    closedAt: '2025-11-10T10:00+07',
  });
  const b = { owner: salesB, customer: cb };
  await deal({
    ...b,
    value: 2_000_000,
    status: 'won',
    created: '2026-09-01T10:00+07',
    closedAt: '2026-12-01T10:00+07',
  });
  await deal({
    ...b,
    value: 400_000,
    status: 'lost',
    reason: 'ราคาสูง',
    created: '2026-10-02T10:00+07',
    closedAt: '2026-10-15T10:00+07',
  });
  await deal({
    ...b,
    value: 100_000,
    status: 'lost',
    reason: 'เลือกคู่แข่ง',
    created: '2026-10-03T10:00+07',
    closedAt: '2026-12-02T10:00+07',
  });
  const c = { owner: salesC, customer: cc };
  await deal({
    ...c,
    value: 5_000_000,
    status: 'won',
    created: '2026-10-01T10:00+07',
    closedAt: '2026-10-05T10:00+07',
  });
  await deal({ ...a, value: 999, status: 'won', created: '2026-09-01T10:00+07', closedAt: '2026-09-30T23:30+07' });
  // Paid orders (VAT included, so the total is the price): salesA's customer in October 2026 and
  // November 2025, salesB's in December 2026; a pending order never counts.
  const order = async (user: User, customerId: string, price: number, at: string, status = 'paid') =>
    expect(
      (
        await call('POST', '/orders', user.token, {
          customerId,
          orderedAt: at,
          status,
          lines: [{ name: 'บริการ', unitPriceSatang: price }],
        })
      ).status,
    ).toBe(201);
  await order(salesA, ca, 107_000, '2026-10-15T12:00:00+07:00');
  await order(salesA, ca, 53_500, '2025-11-20T12:00:00+07:00');
  await order(salesB, cb, 214_000, '2026-12-01T00:30:00+07:00');
  await order(salesB, cb, 999_999, '2026-12-02T12:00:00+07:00', 'pending');
  const quota = async (body: Json) => expect((await call('POST', '/quotas', admin.token, body)).status).toBe(201);
  await quota({ userId: salesA.userId, period: '2026-Q4', amountSatang: 3_000_000, dealCount: 3 });
  await quota({ userId: salesB.userId, period: '2026-10', amountSatang: 1_000_000 });
  await quota({ userId: salesB.userId, period: '2026-11', amountSatang: 1_000_000 });
  await quota({ userId: salesB.userId, period: '2026-12', amountSatang: 2_000_000 });
  await quota({ teamId: teamA, period: '2026-Q4', amountSatang: 10_000_000 });
  await quota({ userId: salesC.userId, period: '2026-Q4', amountSatang: 6_000_000 });
});
afterAll(() => t.close());

describe('forecast', () => {
  it('for a salesperson: own won, committed, weighted, best case, quota, attainment and last year', async () => {
    const res = await call('GET', '/sales/forecast?period=2026-Q4', salesA.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      period: { label: '2026-Q4', kind: 'quarter', start: '2026-10-01', end: '2027-01-01' },
      lastYearPeriod: '2025-Q4',
      currency: 'THB',
      commitThreshold: 75,
      wonSatang: 1_500_000,
      wonCount: 2,
      committedSatang: 2_000_000,
      committedCount: 1,
      weightedSatang: 400_000,
      openSatang: 2_800_000,
      openCount: 2,
      forecastSatang: 3_900_000,
      bestCaseSatang: 4_300_000,
      quotaSatang: 3_000_000,
      quotaDealCount: 3,
      attainmentPct: 50,
      forecastAttainmentPct: 130,
      lastYearWonSatang: 1_200_000,
      lastYearWonCount: 1,
      changeVsLastYearPct: 25,
    });
    expect((res.body.owners as Json[]).map((o) => o.ownerId)).toEqual([salesA.userId]);
  });

  it('for a manager: the team, against the team quota, with a row per owner', async () => {
    const res = await call('GET', '/sales/forecast?period=2026-Q4', manager.token);
    expect(res.body).toMatchObject({
      wonSatang: 3_500_000,
      wonCount: 3,
      committedSatang: 2_000_000,
      weightedSatang: 400_000,
      forecastSatang: 5_900_000,
      quotaSatang: 10_000_000,
      attainmentPct: 35,
      forecastAttainmentPct: 59,
      lastYearWonSatang: 1_200_000,
    });
    const owners = Object.fromEntries((res.body.owners as Json[]).map((o) => [o.ownerId, o]));
    expect(Object.keys(owners).sort()).toEqual([salesA.userId, salesB.userId].sort());
    // salesB has no quarterly quota: the three monthly ones add up.
    expect(owners[salesB.userId]).toMatchObject({ wonSatang: 2_000_000, quotaSatang: 4_000_000, attainmentPct: 50 });
  });

  it('for an admin: everyone, against team quotas plus the quotas of people without a team', async () => {
    const all = await call('GET', '/sales/forecast?period=2026-Q4', admin.token);
    expect(all.body).toMatchObject({ wonSatang: 8_500_000, quotaSatang: 16_000_000, attainmentPct: 53.1 });
    const team = await call('GET', `/sales/forecast?period=2026-Q4&teamId=${teamA}`, admin.token);
    expect(team.body).toMatchObject({ wonSatang: 3_500_000, quotaSatang: 10_000_000 });
    const one = await call('GET', `/sales/forecast?period=2026-12&userId=${salesB.userId}`, admin.token);
    expect(one.body).toMatchObject({ wonSatang: 2_000_000, quotaSatang: 2_000_000, attainmentPct: 100 });
  });

  it('counts a deal won at 23:30 Bangkok time on 30 September in the third quarter', async () => {
    const q3 = await call('GET', '/sales/forecast?period=2026-Q3', salesA.token);
    expect(q3.body).toMatchObject({ wonSatang: 999, wonCount: 1 });
  });

  it('refuses what the caller may not see, unknown people and bad periods, with codes', async () => {
    const other = await call('GET', `/sales/forecast?period=2026-Q4&userId=${salesB.userId}`, salesA.token);
    expect(other).toMatchObject({ status: 403, body: { code: 'sales_scope_forbidden' } });
    const team = await call('GET', `/sales/forecast?period=2026-Q4&teamId=${teamA}`, salesA.token);
    expect(team).toMatchObject({ status: 403, body: { code: 'sales_scope_forbidden' } });
    const outside = await call('GET', `/sales/forecast?period=2026-Q4&userId=${salesC.userId}`, manager.token);
    expect(outside).toMatchObject({ status: 403, body: { code: 'sales_scope_forbidden' } });
    const unknown = await call(
      'GET',
      '/sales/forecast?period=2026-Q4&userId=00000000-0000-4000-8000-000000000999',
      admin.token,
    );
    expect(unknown).toMatchObject({ status: 422, body: { code: 'sales_user_unknown' } });
    for (const period of ['Q4-2026', '2026-13', '2026-Q5', 'abc']) {
      const bad = await call('GET', `/sales/forecast?period=${period}`, admin.token);
      expect(bad).toMatchObject({ status: 400, body: { code: 'sales_period_invalid' } });
    }
  });

  it('uses the commit threshold from the settings (admins change it)', async () => {
    expect((await call('PUT', '/sales/forecast-settings', manager.token, { commitThreshold: 50 })).status).toBe(403);
    expect((await call('PUT', '/sales/forecast-settings', admin.token, { commitThreshold: 50 })).status).toBe(200);
    const res = await call('GET', '/sales/forecast?period=2026-Q4', salesA.token);
    expect(res.body).toMatchObject({ committedSatang: 2_800_000, weightedSatang: 0, forecastSatang: 4_300_000 });
    await call('PUT', '/sales/forecast-settings', admin.token, { commitThreshold: 75 });
  });
});

describe('KPIs', () => {
  it('for a manager over Q4: close rate, average won, cycle, lost reasons, deals created, revenue', async () => {
    const res = await call('GET', '/sales/kpis?from=2026-10-01&to=2026-12-31', manager.token);
    expect(res.status).toBe(200);
    expect(res.body.current).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
      wonCount: 3,
      wonSatang: 3_500_000,
      lostCount: 3,
      lostSatang: 1_200_000,
      closeRatePct: 50,
      averageWonSatang: 1_166_667,
      cycleDaysMean: 43.7,
      cycleDaysMedian: 30,
      dealsCreated: 8,
      revenueSatang: 321_000,
      orders: 2,
      lostReasons: [
        { reason: 'ราคาสูง', count: 2, valueSatang: 1_100_000 },
        { reason: 'เลือกคู่แข่ง', count: 1, valueSatang: 100_000 },
      ],
      revenueByMonth: [
        { month: '2026-10', revenueSatang: 107_000, orders: 1 },
        { month: '2026-12', revenueSatang: 214_000, orders: 1 },
      ],
    });
    // The 92 days before: the third quarter, with the deal won just before midnight on 30 September.
    expect(res.body.previous).toMatchObject({
      from: '2026-07-01',
      to: '2026-09-30',
      wonCount: 1,
      wonSatang: 999,
      lostCount: 0,
      closeRatePct: 100,
      cycleDaysMedian: 29.6,
      dealsCreated: 2,
      revenueSatang: 0,
    });
  });

  it('for a salesperson: own deals only, and the open pipeline by stage now', async () => {
    const res = await call('GET', '/sales/kpis?from=2026-10-01&to=2026-12-31', salesA.token);
    expect(res.body.current).toMatchObject({ wonCount: 2, lostCount: 1, closeRatePct: 66.7, cycleDaysMean: 20 });
    const stages = Object.fromEntries(
      (res.body.pipelineByStage as Json[]).map((s) => [s.nameEn, [s.count, s.valueSatang, s.weightedSatang]]),
    );
    expect(stages).toEqual({
      'Lead in': [1, 300_000, 30_000],
      Qualified: [0, 0, 0],
      Proposal: [1, 800_000, 400_000],
      Negotiation: [1, 2_000_000, 1_500_000],
    });
  });

  it('revenue by month of a year beside the year before', async () => {
    const res = await call('GET', '/sales/revenue?year=2026', salesA.token);
    const months = res.body.months as Json[];
    expect(months).toHaveLength(12);
    expect(months[9]).toMatchObject({ month: 10, revenueSatang: 107_000, lastYearSatang: 0 });
    expect(months[10]).toMatchObject({ month: 11, revenueSatang: 0, lastYearSatang: 53_500 });
    expect(months[11]).toMatchObject({ month: 12, revenueSatang: 0 });
  });

  it('refuses a bad range', async () => {
    const backwards = await call('GET', '/sales/kpis?from=2026-12-31&to=2026-10-01', admin.token);
    expect(backwards).toMatchObject({ status: 400, body: { code: 'sales_range_invalid' } });
    const badDay = await call('GET', '/sales/kpis?from=2026-02-30&to=2026-03-01', admin.token);
    expect(badDay).toMatchObject({ status: 400, body: { code: 'sales_range_invalid' } });
    const tooLong = await call('GET', '/sales/kpis?from=2020-01-01&to=2026-01-01', admin.token);
    expect(tooLong).toMatchObject({ status: 400, body: { code: 'sales_range_invalid' } });
  });
});

describe('quotas', () => {
  it('are read in scope: own for sales, the team for a manager, all for admins', async () => {
    const own = await call('GET', '/quotas?period=2026-Q4', salesA.token);
    expect((own.body.items as Json[]).map((q) => q.userId)).toEqual([salesA.userId]);
    const team = await call('GET', '/quotas?year=2026', manager.token);
    expect(team.body.items as Json[]).toHaveLength(5);
    const all = await call('GET', '/quotas?year=2026', admin.token);
    expect(all.body.items as Json[]).toHaveLength(6);
    const paged = await call('GET', '/quotas?year=2026&limit=4', admin.token);
    const next = await call('GET', `/quotas?year=2026&limit=4&cursor=${paged.body.nextCursor}`, admin.token);
    expect([...(paged.body.items as Json[]), ...(next.body.items as Json[])].map((q) => q.id).sort()).toEqual(
      (all.body.items as Json[]).map((q) => q.id).sort(),
    );
    expect(all.body.items as Json[]).toContainEqual(
      expect.objectContaining({ teamId: teamA, teamName: 'ทีมขาย A', period: '2026-Q4', periodEnd: '2027-01-01' }),
    );
  });

  it('refuse bad input and people outside the caller’s reach, writing nothing', async () => {
    const before = { quotas: await count('quotas'), audit: await count(`audit_log where entity_type = 'quota'`) };
    const cases: [User, Json, number, string][] = [
      [salesA, { userId: salesA.userId, period: '2027-01', amountSatang: 1 }, 403, 'quota_manage_forbidden'],
      [manager, { userId: salesC.userId, period: '2027-01', amountSatang: 1 }, 403, 'quota_manage_forbidden'],
      [
        admin,
        { userId: '00000000-0000-4000-8000-000000000999', period: '2027-01', amountSatang: 1 },
        422,
        'sales_user_unknown',
      ],
      [admin, { userId: salesA.userId, period: '2027-01', amountSatang: -1 }, 400, 'validation_failed'],
      [admin, { userId: salesA.userId, period: '2027-Q0', amountSatang: 1 }, 400, 'sales_period_invalid'],
      [
        admin,
        { userId: salesA.userId, teamId: teamA, period: '2027-01', amountSatang: 1 },
        422,
        'quota_assignee_required',
      ],
      [admin, { period: '2027-01', amountSatang: 1 }, 422, 'quota_assignee_required'],
      [admin, { userId: salesA.userId, period: '2026-Q4', amountSatang: 1 }, 409, 'quota_exists'],
    ];
    for (const [user, body, status, code] of cases) {
      const res = await call('POST', '/quotas', user.token, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
    expect({ quotas: await count('quotas'), audit: await count(`audit_log where entity_type = 'quota'`) }).toEqual(
      before,
    );
  });

  it('are set, changed and removed by a manager for the team, with audit entries', async () => {
    const created = await call('POST', '/quotas', manager.token, {
      userId: salesB.userId,
      period: '2027-q1',
      amountSatang: 5_000_000,
    });
    expect(created).toMatchObject({ status: 201, body: { period: '2027-Q1', periodStart: '2027-01-01' } });
    const id = String(created.body.id);
    const changed = await call('PATCH', `/quotas/${id}`, manager.token, { amountSatang: 6_000_000, dealCount: 4 });
    expect(changed.body).toMatchObject({ amountSatang: 6_000_000, dealCount: 4 });
    expect((await call('PATCH', `/quotas/${id}`, salesB.token, { amountSatang: 1 })).body.code).toBe(
      'quota_manage_forbidden',
    );
    expect((await call('PATCH', `/quotas/${id}`, manager.token, { amountSatang: -5 })).status).toBe(400);
    expect((await call('DELETE', `/quotas/${id}`, salesC.token)).status).toBe(404);
    expect((await call('DELETE', `/quotas/${id}`, manager.token)).status).toBe(204);
    const audit = await sqlRun(`select action from audit_log where entity_type = 'quota' and entity_id = $1`, [id]);
    expect((audit as { action: string }[]).map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
  });
});
