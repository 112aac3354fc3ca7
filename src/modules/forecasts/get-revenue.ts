import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { revenueByMonth } from './kpi-queries.ts';
import type { Revenue, RevenueQuery } from './kpi-view.ts';
import { salesScope } from './sales-scope.ts';

/** Revenue per business month of a year beside the year before (paid orders of customers in scope). */
export async function getRevenue(db: DbOrTx, actor: Actor, q: RevenueQuery): Promise<Revenue> {
  const scope = await salesScope(db, actor, { userId: q.userId, teamId: q.teamId });
  const { timeZone: tz, currency } = await getSettings(db);
  const rows = await revenueByMonth(db, scope, {
    from: `${q.year - 1}-01-01`,
    end: `${q.year + 1}-01-01`,
    tz,
    currency,
  });
  const at = new Map(rows.map((r) => [r.month, r]));
  const key = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
  return {
    year: q.year,
    currency,
    months: Array.from({ length: 12 }, (_, i) => {
      const now = at.get(key(q.year, i + 1));
      const before = at.get(key(q.year - 1, i + 1));
      return {
        month: i + 1,
        revenueSatang: now?.revenueSatang ?? 0,
        lastYearSatang: before?.revenueSatang ?? 0,
        orders: now?.orders ?? 0,
        lastYearOrders: before?.orders ?? 0,
      };
    }),
  };
}
