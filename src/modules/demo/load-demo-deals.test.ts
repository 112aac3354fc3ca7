import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { loadDemo } from './load-demo.ts';

let t: TestDatabase;
let other: TestDatabase;
const now = new Date('2026-12-01T05:00:00Z');

beforeAll(async () => {
  [t, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([t.cleanup(), other.cleanup()]);
});

const dealSummary = (db: TestDatabase) =>
  db.database.query<{
    title: string;
    status: string;
    value: string;
    stage: string;
    steps: number;
    reason: string | null;
  }>(
    `select d.title, d.status, d.value_satang::text as value, s.name_en as stage,
       (select count(*)::int from deal_stage_history h where h.deal_id = d.id) as steps, d.lost_reason as reason
     from deals d join pipeline_stages s on s.id = d.stage_id join customers c on c.id = d.customer_id
     order by c.created_at, c.id, d.created_at`,
  );

describe('demo deals', () => {
  it('spread over every stage of the sales pipeline, deterministic for a seed, never loaded twice', async () => {
    const first = await loadDemo(t.database.db, systemActor('cli'), { customers: 200, seed: 7, now });
    expect(first.deals.added).toBeGreaterThan(15);
    const rows = await dealSummary(t);
    expect(rows.length).toBe(first.deals.added);
    expect(new Set(rows.map((r) => r.stage))).toEqual(
      new Set(['Lead in', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']),
    );
    for (const r of rows) {
      expect(Number(r.value)).toBeGreaterThan(0);
      expect(r.status === 'lost').toBe(r.reason !== null);
      expect(r.steps).toBeGreaterThanOrEqual(1);
    }
    const [checks] = await t.database.query<{ badOwner: number; timeline: number; unordered: number }>(`
      select (select count(*)::int from deals d join users u on u.id = d.owner_id where u.role <> 'sales') as "badOwner",
        (select count(distinct ref_id)::int from activities where kind = 'deal') as timeline,
        (select count(*)::int from deal_stage_history a join deal_stage_history b
           on a.deal_id = b.deal_id and a.to_stage_id = b.from_stage_id and b.moved_at < a.moved_at) as unordered`);
    expect(checks).toEqual({ badOwner: 0, timeline: rows.length, unordered: 0 });
    const again = await loadDemo(t.database.db, systemActor('cli'), { customers: 200, seed: 7, now });
    expect(again.deals.added).toBe(0);
    // The same seed on another database gives the same deals.
    await loadDemo(other.database.db, systemActor('cli'), { customers: 200, seed: 7, now });
    expect(await dealSummary(other)).toEqual(rows);
  });
});
