import { inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { teams, users } from '../../core/auth/schema.ts';
import type { Db } from '../../core/db/database.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { deals } from '../deals/index.ts';
import { quotas } from '../forecasts/index.ts';
import { DEMO_STAFF } from './demo-business.ts';

const ROUND = 1_000_000; // 10,000 baht
const FALLBACK = 30_000_000; // 300,000 baht a quarter

function quarterStart(year: number, quarter: number): string {
  const y = year + Math.floor((quarter - 1) / 4);
  const q = ((((quarter - 1) % 4) + 4) % 4) + 1;
  return `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * Quarterly quotas for the demo salespeople (this year's quarters and the next one) and
 * their teams: each a little above what the person won per quarter over the last year, so
 * the dashboard shows some ahead of target and some behind. Never twice (unique per period).
 */
export async function loadDemoQuotas(db: Db, actor: Actor, options: { now: Date }): Promise<number> {
  const { timeZone } = await getSettings(db);
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(options.now)
    .split('-')
    .map(Number) as [number, number];
  const current = Math.floor((month - 1) / 3) + 1;
  const starts = [1, 2, 3, 4, current + 1].map((q) => quarterStart(year, q));
  const emails = DEMO_STAFF.filter((s) => s.role === 'sales').map((s) => s.email);
  const people = await db
    .select({
      id: users.id,
      teamId: users.teamId,
      // Won over the last year, by deals' owner.
      won: sql<string>`(select coalesce(sum(${deals.valueSatang}), 0) from ${deals}
        where ${deals.ownerId} = ${users.id} and ${deals.status} = 'won'
          and ${deals.wonAt} >= ${options.now.toISOString()}::timestamptz - interval '1 year')`,
    })
    .from(users)
    .where(inArray(users.email, emails));
  if (people.length === 0) return 0;
  const perQuarter = new Map(
    people.map((p) => {
      const base = Number(p.won) / 4;
      return [p.id, base > 0 ? Math.ceil((base * 1.15) / ROUND) * ROUND : FALLBACK];
    }),
  );
  const teamIds = [...new Set(people.flatMap((p) => (p.teamId ? [p.teamId] : [])))];
  const known = await db.select({ id: teams.id }).from(teams).where(inArray(teams.id, teamIds));
  const rows = starts.flatMap((periodStart) => [
    ...people.map((p) => ({
      userId: p.id,
      periodKind: 'quarter',
      periodStart,
      amountSatang: perQuarter.get(p.id) ?? FALLBACK,
      dealCount: null,
      createdBy: actor.principal.userId,
    })),
    ...known.map((t) => ({
      teamId: t.id,
      periodKind: 'quarter',
      periodStart,
      amountSatang: people
        .filter((p) => p.teamId === t.id)
        .reduce((sum, p) => sum + (perQuarter.get(p.id) ?? FALLBACK), 0),
      dealCount: null,
      createdBy: actor.principal.userId,
    })),
  ]);
  return db.transaction(async (tx) => {
    const added = await tx.insert(quotas).values(rows).onConflictDoNothing().returning({ id: quotas.id });
    if (added.length > 0)
      await recordAudit(tx, actor, {
        entityType: 'quota',
        entityId: null,
        action: 'demo_load',
        changes: { count: { before: null, after: added.length } },
      });
    return added.length;
  });
}
