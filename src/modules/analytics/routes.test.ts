import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../core/db/rows-of.ts';
import { createLogger } from '../../core/logger.ts';
import type { SegmentCounts } from './count-segments.ts';
import type { FitResult } from './fit-clv.ts';
import { businessToday } from './fit-input.ts';
import { recomputeNow } from './jobs.ts';
import { createRun } from './request-recompute.ts';
import { runRecompute } from './run-recompute.ts';
import type { RunView } from './run-view.ts';
import type { CustomerScoresView } from './scores-view.ts';
import { type AnalyticsFixture, createAnalyticsFixture } from './testing/fixture.ts';

let f: AnalyticsFixture;
let salesA: { userId: string; token: string };
let salesB: { userId: string; token: string };
let manager: { userId: string; token: string };
const customers: string[] = [];
let noOrders: string;

const json = async <T>(res: Response) => (await res.json()) as T;
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString();
const fit = (body: unknown, token = f.admin.token, lang = 'en') =>
  f.call('POST', '/analytics/clv/fit', token, body, lang);
const outbox = async (topic: string) =>
  (
    await rowsOf<{ n: number }>(
      f.t.testDb.database.db,
      sql`select count(*)::int as n from outbox where topic = ${topic}`,
    )
  )[0]?.n;
const scoreRows = async () =>
  rowsOf<{ run_id: string; n: number }>(
    f.t.testDb.database.db,
    sql`select run_id::text, count(*)::int as n from customer_scores group by run_id`,
  );

/** customer_scores' indexes and constraints by name (not-null ones, named only by PostgreSQL 18, aside): a recompute keeps them all. */
const tableShape = async () => {
  const rows = await rowsOf<{ kind: string; name: string }>(
    f.t.testDb.database.db,
    sql`select 'index' as kind, indexname::text as name from pg_indexes where tablename = 'customer_scores'
        union all
        select 'constraint', conname::text from pg_constraint where conrelid = 'customer_scores'::regclass and contype <> 'n'
        order by 1, 2`,
  );
  return {
    indexes: rows.filter((r) => r.kind === 'index').map((r) => r.name),
    constraints: rows.filter((r) => r.kind === 'constraint').map((r) => r.name),
  };
};

beforeAll(async () => {
  f = await createAnalyticsFixture();
  salesA = await f.t.userWithToken('sales');
  salesB = await f.t.userWithToken('sales');
  manager = await f.t.userWithToken('manager');
  noOrders = await f.customer('ยังไม่เคยซื้อ', salesA.userId);
});
afterAll(() => f.t.close());

describe('POST /analytics/clv/fit refusals (nothing written)', () => {
  it('says there is nothing to learn from before any order', async () => {
    const res = await fit({ calibrationEnd: '2025-06-30', timeUnit: 'week' }, f.admin.token, 'th');
    expect(res.status).toBe(422);
    const body = await json<{ code: string; detail: string }>(res);
    expect(body.code).toBe('analytics_no_purchases');
    expect(body.detail).toContain('ยังไม่มีคำสั่งซื้อ');
  });

  it('loads 40 buying customers, 25 of them repeat buyers', async () => {
    for (let i = 0; i < 40; i++) {
      const id = await f.customer(`ลูกค้า ${i}`, i % 2 === 0 ? salesA.userId : salesB.userId);
      customers.push(id);
      await f.order(id, day(i), 10_000 + 500 * i);
      if (i < 25) {
        await f.order(id, day(i + 10 + (i % 7) * 5), 2_000 + ((i * 37) % 23) * 1_500);
        if (i % 3 === 0) await f.order(id, day(i + 60 + (i % 5) * 20), 1_000 + ((i * 53) % 19) * 2_000);
      }
    }
    expect(customers).toHaveLength(40);
  });

  it('refuses a malformed date and an unsupported unit with coded Thai and English messages', async () => {
    for (const bad of ['2025-13-01', '2025-02-30', '30/09/2025', 'yesterday']) {
      const res = await fit({ calibrationEnd: bad, timeUnit: 'week' });
      expect(res.status).toBe(400);
      expect((await json<{ code: string }>(res)).code).toBe('analytics_bad_date');
    }
    const th = await json<{ code: string; detail: string }>(
      await fit({ calibrationEnd: '2025-02-30', timeUnit: 'week' }, f.admin.token, 'th'),
    );
    expect(th.detail).toContain('ไม่ใช่วันที่');
    const unit = await fit({ calibrationEnd: '2025-06-30', timeUnit: 'month' });
    expect(unit.status).toBe(400);
    const body = await json<{ code: string; detail: string }>(unit);
    expect(body.code).toBe('analytics_unsupported_time_unit');
    expect(body.detail).toContain('week or day');
    expect((await fit({ calibrationEnd: '2025-06-30' })).status).toBe(400);
  });

  it('refuses a calibration end before the first order, or in the future', async () => {
    const early = await fit({ calibrationEnd: '2024-12-31', timeUnit: 'day' });
    expect(early.status).toBe(422);
    expect(await json(early)).toMatchObject({ code: 'analytics_calibration_before_first_order' });
    const future = await fit({ calibrationEnd: '2999-01-01', timeUnit: 'day' });
    expect(await json(future)).toMatchObject({ code: 'analytics_calibration_in_future' });
  });

  it('refuses too few repeat customers (fewer than 10), naming how many there were', async () => {
    const res = await fit({ calibrationEnd: '2025-01-20', timeUnit: 'day' });
    expect(res.status).toBe(422);
    const body = await json<{ code: string; detail: string }>(res);
    expect(body.code).toBe('analytics_too_few_repeat_customers');
    expect(body.detail).toMatch(/Only \d+ customers bought more than once .* at least 10/);
  });

  it('is for roles that see every customer’s analytics: a salesperson is refused', async () => {
    expect((await fit({ calibrationEnd: '2025-12-31', timeUnit: 'week' }, salesA.token)).status).toBe(403);
    expect((await fit({ calibrationEnd: '2025-12-31', timeUnit: 'week' }, manager.token)).status).toBe(200);
  });
});

describe('POST /analytics/clv/fit', () => {
  it('fits both models and flags thin data', async () => {
    const res = await fit({ calibrationEnd: '2025-12-31', timeUnit: 'week' });
    expect(res.status).toBe(200);
    const body = await json<FitResult>(res);
    expect(body).toMatchObject({ customers: 40, repeatCustomers: 25, calibrationEnd: '2025-12-31', timeUnit: 'week' });
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(body.bgnbd[k]).toBeGreaterThan(0);
    expect(body.bgnbd.logLikelihood).toBeLessThan(0);
    // 25 repeat customers cannot pin down how spend varies between customers: the spend
    // model runs off to infinity, is dropped and said so (the CDNOW test covers a real fit).
    expect(body.gammaGamma).toEqual({ p: null, q: null, v: null, logLikelihood: null, excluded: 0 });
    // These 40 customers look too much alike for BG/NBD: it runs to the edge of its range
    // (a at its top: one dropout chance for all) and says so; summaries come ordered by
    // value, so the fit is the same on every run and database.
    const codes = body.warnings.map((w) => w.code);
    expect(codes).toEqual(['thin_data', 'gamma_gamma_degenerate', 'parameter_at_bound', 'not_converged']);
    expect(body.warnings[2]?.en).toMatch(/edge of its range \(a\)/);
    expect(body.warnings[1]?.th).toContain('ยอดซื้อ');
    expect(await outbox('analytics.scores_recomputed')).toBe(0);
  });
});

describe('recompute and stored scores', () => {
  let firstRun: string;

  it('queues a run on demand (admins), with its event in the outbox; a second request waits its turn', async () => {
    expect((await f.call('POST', '/analytics/recompute', manager.token, {})).status).toBe(403);
    const bad = await f.call('POST', '/analytics/recompute', f.admin.token, { monthlyDiscountRate: 2 });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ code: 'analytics_bad_options' });
    const res = await f.call('POST', '/analytics/recompute', f.admin.token, { calibrationEnd: '2025-12-31' });
    expect(res.status).toBe(202);
    const run = await json<RunView>(res);
    expect(run).toMatchObject({
      status: 'queued',
      trigger: 'on_demand',
      calibrationEnd: '2025-12-31',
      timeUnit: 'week',
    });
    expect(await outbox('analytics.recompute_requested')).toBe(1);
    const again = await f.call('POST', '/analytics/recompute', f.admin.token, {});
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ code: 'analytics_recompute_running' });
    firstRun = run.id;
  });

  it('runs: every buying customer scored in one go, the run shows its progress and parameters', async () => {
    const done = await runRecompute(f.t.testDb.database.db, firstRun);
    expect(done).toMatchObject({
      status: 'succeeded',
      step: 'done',
      progress: 1,
      customers: 40,
      repeatCustomers: 25,
      scored: 40,
    });
    const seen = await json<RunView>(await f.call('GET', `/analytics/runs/${firstRun}`, f.admin.token));
    expect(seen.status).toBe('succeeded');
    expect(seen.params).toHaveProperty('bgnbd');
    expect(await outbox('analytics.scores_recomputed')).toBe(1);
    expect(await scoreRows()).toEqual([{ run_id: firstRun, n: 40 }]);
    // The scores were written to a new table that took customer_scores' place and names.
    expect(await tableShape()).toEqual({
      indexes: [
        'customer_scores_clv_idx',
        'customer_scores_grade_idx',
        'customer_scores_pkey',
        'customer_scores_segment_idx',
      ],
      constraints: [
        'customer_scores_grade_known',
        'customer_scores_pkey',
        'customer_scores_rfm_range',
        'customer_scores_risk_known',
      ],
    });
  });

  it('shows a customer’s scores to those who may see the customer', async () => {
    const mine = customers[0] as string;
    const res = await f.call('GET', `/customers/${mine}/scores`, salesA.token);
    expect(res.status).toBe(200);
    const { scores } = await json<CustomerScoresView>(res);
    expect(scores).not.toBeNull();
    expect(scores?.rfm.r).toBeGreaterThanOrEqual(1);
    expect(scores?.rfm.segmentLabel.th.length).toBeGreaterThan(0);
    expect(['low', 'medium', 'high']).toContain(scores?.churnRisk);
    expect(['A', 'B', 'C']).toContain(scores?.valueGrade);
    expect(scores?.clv12mSatang).toBeGreaterThan(0);
    expect(scores?.firstPurchaseOn).toBe('2025-01-01');
    expect((await f.call('GET', `/customers/${mine}/scores`, salesB.token)).status).toBe(404);
    const none = await json<CustomerScoresView>(await f.call('GET', `/customers/${noOrders}/scores`, salesA.token));
    expect(none.scores).toBeNull();
  });

  it('counts customers, revenue and CLV per segment and grade within what the caller sees', async () => {
    const all = await json<SegmentCounts>(await f.call('GET', '/analytics/segments', f.admin.token));
    expect(all.total).toBe(40);
    expect(all.runId).toBe(firstRun);
    expect(all.grades.map((g) => [g.grade, g.count])).toEqual([
      ['A', 8],
      ['B', 12],
      ['C', 20],
    ]);
    expect(all.segments.map((s) => s.segment)).toHaveLength(11);
    const [spend] = await rowsOf<{ n: number }>(
      f.t.testDb.database.db,
      sql`select sum(total_satang)::bigint as n from orders`,
    );
    expect(all.segments.reduce((s, g) => s + g.revenueSatang, 0)).toBe(Number(spend?.n));
    const a = await json<SegmentCounts>(await f.call('GET', '/analytics/segments', salesA.token));
    expect(a.total).toBe(20);
  });

  it('a failed recompute records why and leaves the previous scores in place', async () => {
    const db = f.t.testDb.database.db;
    const run = await createRun(db, { calibrationEnd: '2025-01-15', timeUnit: 'day' }, 'cli', null);
    const failed = await runRecompute(db, run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBe('analytics_too_few_repeat_customers');
    expect(failed.error?.th).toContain('ซื้อซ้ำ');
    expect(await scoreRows()).toEqual([{ run_id: firstRun, n: 40 }]);
    expect(await outbox('analytics.scores_recomputed')).toBe(1);
  });

  it('a recompute that fails while writing the scores leaves the previous scores and the table as they were', async () => {
    const db = f.t.testDb.database.db;
    const shape = await tableShape();
    expect(shape.indexes).toEqual([
      'customer_scores_clv_idx',
      'customer_scores_grade_idx',
      'customer_scores_pkey',
      'customer_scores_segment_idx',
    ]);
    // The write builds the next scores in customer_scores_next: a table of that name in the
    // way makes the write itself fail, after the summaries, the fit and the scoring.
    await db.execute(sql`create table customer_scores_next (x int)`);
    try {
      const run = await createRun(db, { calibrationEnd: '2025-06-30', timeUnit: 'week' }, 'cli', null);
      await expect(runRecompute(db, run.id)).rejects.toThrow();
      const [failed] = await rowsOf<{ status: string; step: string }>(
        db,
        sql`select status, step from score_runs where id = ${run.id}`,
      );
      expect(failed).toEqual({ status: 'failed', step: 'writing' });
    } finally {
      await db.execute(sql`drop table customer_scores_next`);
    }
    expect(await scoreRows()).toEqual([{ run_id: firstRun, n: 40 }]);
    expect(await outbox('analytics.scores_recomputed')).toBe(1);
    expect(await tableShape()).toEqual(shape);
  });
});

describe('nightly run and API documentation', () => {
  it('runs nightly calibrated to today, and skips (logged, not retried) while another run is queued', async () => {
    const db = f.t.testDb.database.db;
    await recomputeNow(db, createLogger('silent'), 'nightly');
    const [nightly] = await rowsOf<{ status: string; calibration_end: string; scored: number }>(
      db,
      sql`select status, to_char(calibration_end, 'YYYY-MM-DD') as calibration_end, scored from score_runs
          where trigger = 'nightly'`,
    );
    expect(nightly).toMatchObject({ status: 'succeeded', scored: 40 });
    expect(nightly?.calibration_end).toBe(businessToday('Asia/Bangkok'));
    const queued = await createRun(db, {}, 'cli', null);
    await recomputeNow(db, createLogger('silent'), 'nightly');
    const [count] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from score_runs where trigger = 'nightly'`,
    );
    expect(count?.n).toBe(1);
    expect((await runRecompute(db, queued.id)).status).toBe('succeeded');
  });

  it('documents every analytics route in the OpenAPI document', async () => {
    const doc = (await (await f.t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/api/v1/analytics/clv/fit']?.post).toBeDefined();
    expect(doc.paths['/api/v1/analytics/recompute']?.post).toBeDefined();
    expect(doc.paths['/api/v1/analytics/runs/{id}']?.get).toBeDefined();
    expect(doc.paths['/api/v1/analytics/segments']?.get).toBeDefined();
    expect(doc.paths['/api/v1/customers/{id}/scores']?.get).toBeDefined();
  });
});

describe('all-zero repeat spends', () => {
  let z: AnalyticsFixture;
  beforeAll(async () => {
    z = await createAnalyticsFixture();
    for (let i = 0; i < 30; i++) {
      const id = await z.customer(`ฟรี ${i}`);
      await z.order(id, day(i), 5_000);
      if (i < 15) await z.order(id, day(i + 20 + (i % 4) * 9), 0);
    }
  });
  afterAll(() => z.t.close());

  it('fits BG/NBD, reports every repeat customer excluded from Gamma-Gamma, and still scores', async () => {
    const res = await z.call('POST', '/analytics/clv/fit', z.admin.token, {
      calibrationEnd: '2025-06-30',
      timeUnit: 'day',
    });
    expect(res.status).toBe(200);
    const body = await json<FitResult>(res);
    expect(body.repeatCustomers).toBe(15);
    expect(body.bgnbd.r).toBeGreaterThan(0);
    expect(body.gammaGamma).toEqual({ p: null, q: null, v: null, logLikelihood: null, excluded: 15 });
    expect(body.warnings.map((w) => w.code)).toContain('gamma_gamma_not_fitted');
    const db = z.t.testDb.database.db;
    const done = await runRecompute(
      db,
      (await createRun(db, { calibrationEnd: '2025-06-30', timeUnit: 'day' }, 'cli', null)).id,
    );
    expect(done).toMatchObject({ status: 'succeeded', scored: 30 });
  });
});
