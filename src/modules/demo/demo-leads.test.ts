import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { DEMO_LEADS } from './demo-leads.ts';
import { loadDemo } from './load-demo.ts';

let t: TestDatabase;
const now = new Date('2026-12-01T05:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

describe('demo leads', () => {
  it('come with rules, owners by territory, scores with reasons, and are loaded once', async () => {
    const first = await loadDemo(t.database.db, systemActor('cli'), { customers: 50, seed: 3, now });
    expect(first.leads.added).toBe(DEMO_LEADS);
    const [c] = await t.database.query<Record<string, number>>(`
      select (select count(*)::int from leads) as leads,
        (select count(*)::int from lead_assignment_rules) as rules,
        (select count(*)::int from lead_scoring_rules) as scoring,
        (select count(*)::int from leads where owner_id is null) as unowned,
        (select count(*)::int from leads l join users u on u.id = l.owner_id
           join teams t on t.id = u.team_id
           where l.province in ('เชียงใหม่', 'ลำพูน', 'ลำปาง', 'เชียงราย') and t.name <> 'ทีมขายเชียงใหม่') as "northElsewhere",
        (select count(*)::int from leads where score > 0 and jsonb_array_length(score_reasons) > 0) as scored,
        (select count(*)::int from leads where status = 'disqualified' and disqualify_reason is null) as "noReason",
        (select count(distinct status)::int from leads) as statuses`);
    expect(c).toMatchObject({ leads: DEMO_LEADS, rules: 2, scoring: 8, unowned: 0, northElsewhere: 0, noReason: 0 });
    expect(c?.scored).toBeGreaterThan(DEMO_LEADS / 2);
    expect(c?.statuses).toBeGreaterThanOrEqual(3);
    const again = await loadDemo(t.database.db, systemActor('cli'), { customers: 50, seed: 3, now });
    expect(again.leads.added).toBe(0);
    expect((await t.database.query<{ n: number }>('select count(*)::int as n from leads'))[0]?.n).toBe(DEMO_LEADS);
  });
});
