import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createTeam } from '../../core/auth/create-team.ts';
import { createUser } from '../../core/auth/create-user.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { DEMO_STAFF, DEMO_TEAMS } from './demo-business.ts';
import { loadDemoQuotas } from './demo-quotas.ts';

let t: TestDatabase;
const now = new Date('2026-12-01T05:00:00Z');
const cli = systemActor('cli');

beforeAll(async () => {
  t = await createTestDatabase();
  const db = t.database.db;
  // The demo's teams and staff, as loadDemo makes them (without customers, orders and deals).
  const teamIds = new Map<string, string>();
  for (const name of DEMO_TEAMS) teamIds.set(name, (await createTeam(db, cli, { name })).id);
  for (const s of DEMO_STAFF)
    await createUser(db, cli, {
      email: s.email,
      name: s.name,
      password: 'demo-password-1',
      role: s.role,
      teamId: s.team ? (teamIds.get(s.team) ?? null) : null,
    });
});
afterAll(() => t.cleanup());

describe('demo quotas', () => {
  it('give every demo salesperson and sales team a quota per quarter of this year and the next, once', async () => {
    expect(await loadDemoQuotas(t.database.db, cli, { now })).toBe(5 * 7);
    const rows = await t.database.query<{ who: string; start: string; amount: string }>(
      `select coalesce(u.email, tm.name) as who, to_char(q.period_start, 'YYYY-MM-DD') as start,
              q.amount_satang::text as amount
         from quotas q left join users u on u.id = q.user_id left join teams tm on tm.id = q.team_id
        where q.period_kind = 'quarter' order by 1, 2`,
    );
    expect([...new Set(rows.map((r) => r.start))]).toEqual([
      '2026-01-01',
      '2026-04-01',
      '2026-07-01',
      '2026-10-01',
      '2027-01-01',
    ]);
    // Nobody has won anything yet: 300,000 baht each a quarter; the Bangkok team (three) 900,000.
    const q4 = rows.filter((r) => r.start === '2026-10-01');
    expect(q4.find((r) => r.who === 'ทีมขายกรุงเทพ')?.amount).toBe('90000000');
    expect(q4.filter((r) => r.who.includes('@')).every((r) => r.amount === '30000000')).toBe(true);
    expect(await loadDemoQuotas(t.database.db, cli, { now })).toBe(0);
  });
});
