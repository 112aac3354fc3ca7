import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { createCustomer } from '../customers/index.ts';
import { mergeCustomers, purgeExpiredMerges } from '../dedupe/index.ts';
import { unmergeCustomers } from '../dedupe/unmerge-customers.ts';
import { eraseCustomer } from '../privacy/index.ts';

// customer_scores has no foreign keys (migration 0017): a score row must neither stop a
// merge, nor outlive the customer it belongs to.
let t: TestApp;
let db: Db;
let runId: string;
const actor = systemActor('cli');

beforeAll(async () => {
  t = await createTestApp([]);
  db = t.testDb.database.db;
  const [run] = await rowsOf<{ id: string }>(
    db,
    sql`insert into score_runs (status, trigger, calibration_end, time_unit)
        values ('succeeded', 'cli', '2025-06-30', 'week') returning id::text as id`,
  );
  runId = run?.id ?? '';
});
afterAll(() => t.close());

const customer = async (firstName: string, phone: string) =>
  (await createCustomer(db, actor, { firstName, phone } as never)).id;

async function score(customerId: string, segment: string): Promise<void> {
  await db.execute(
    sql`insert into customer_scores (customer_id, run_id, computed_at, rfm_r, rfm_f, rfm_m, rfm_segment, p_alive,
          churn_risk, expected_purchases_90d, clv_12m_satang, value_grade, purchase_periods, total_spend_satang,
          first_purchase_on, last_purchase_on)
        values (${customerId}, ${runId}, now(), 3, 3, 3, ${segment}, 0.5, 'medium', 1, 100000, 'B', 2, 200000,
          '2025-01-01', '2025-06-01')`,
  );
}

const scores = async (ids: string[]) =>
  (
    await rowsOf<{ customer_id: string; rfm_segment: string }>(
      db,
      sql`select customer_id::text, rfm_segment from customer_scores
          where customer_id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) order by rfm_segment`,
    )
  ).map((r) => [r.customer_id, r.rfm_segment]);

describe('scores of merged, purged and erased customers', () => {
  it('a merge of two scored customers succeeds; each keeps its own score until the next recompute', async () => {
    const a = await customer('สมชาย', '0811112222');
    const b = await customer('Somchai', '0822223333');
    await score(a, 'champions');
    await score(b, 'at_risk');
    const merge = await mergeCustomers(db, actor, { survivorId: a, mergedIds: [b] });
    expect(await scores([a, b])).toEqual([
      [b, 'at_risk'],
      [a, 'champions'],
    ]);
    await unmergeCustomers(db, actor, merge.mergeId);
    expect(await scores([a, b])).toEqual([
      [b, 'at_risk'],
      [a, 'champions'],
    ]);
  });

  it('a purged merged profile takes its score row with it; the survivor keeps its own', async () => {
    const a = await customer('สมหญิง', '0833334444');
    const b = await customer('Somying', '0844445555');
    await score(a, 'loyal');
    await score(b, 'hibernating');
    await mergeCustomers(db, actor, { survivorId: a, mergedIds: [b] });
    const purged = await purgeExpiredMerges(db, new Date(Date.now() + 400 * 86_400_000));
    expect(purged.deleted).toBeGreaterThanOrEqual(1);
    const [left] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from customers where id = ${b}`);
    expect(left?.n).toBe(0);
    expect(await scores([a, b])).toEqual([[a, 'loyal']]);
    const [orphans] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from customer_scores s where not exists (select 1 from customers c where c.id = s.customer_id)`,
    );
    expect(orphans?.n).toBe(0);
  });

  it('erasing a scored customer works, and its score row holds no personal data', async () => {
    const c = await customer('ลบฉัน', '0855556666');
    await score(c, 'new');
    await eraseCustomer(db, actor, c, { confirm: true, reason: 'customer asked' } as never);
    const [row] = await rowsOf<Record<string, unknown>>(
      db,
      sql`select * from customer_scores where customer_id = ${c}`,
    );
    expect(JSON.stringify(row)).not.toContain('ลบฉัน');
  });
});
