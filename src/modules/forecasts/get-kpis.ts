import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import {
  closedFigures,
  dealsCreated,
  lostReasons,
  pipelineByStage,
  type Range,
  revenueByMonth,
} from './kpi-queries.ts';
import type { KpiQuery, Kpis, PeriodKpis } from './kpi-view.ts';
import { percent } from './period-sql.ts';
import { type SalesScope, salesScope } from './sales-scope.ts';

const DAY = 86_400_000;
const MAX_DAYS = 3 * 366;

function toTime(day: string): number {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? Number.NaN : t;
}
const toDay = (t: number) => new Date(t).toISOString().slice(0, 10);

async function periodKpis(db: DbOrTx, scope: SalesScope, r: Range): Promise<PeriodKpis> {
  const closed = await closedFigures(db, scope, r);
  const reasons = await lostReasons(db, scope, r);
  const created = await dealsCreated(db, scope, r);
  const months = await revenueByMonth(db, scope, r);
  return {
    from: r.from,
    to: toDay(toTime(r.end) - DAY),
    ...closed,
    closeRatePct: percent(closed.wonCount, closed.wonCount + closed.lostCount),
    averageWonSatang: closed.wonCount ? Math.round(closed.wonSatang / closed.wonCount) : null,
    dealsCreated: created,
    revenueSatang: months.reduce((s, m) => s + m.revenueSatang, 0),
    orders: months.reduce((s, m) => s + m.orders, 0),
    lostReasons: reasons,
    revenueByMonth: months,
  };
}

/**
 * Sales KPIs for business days from..to (inclusive) and for the same number of days just
 * before, plus the open pipeline by stage now — each figure one SQL query in the caller's scope.
 */
export async function getKpis(db: DbOrTx, actor: Actor, q: KpiQuery): Promise<Kpis> {
  const from = toTime(q.from);
  const to = toTime(q.to);
  if (Number.isNaN(from) || Number.isNaN(to) || from > to || (to - from) / DAY > MAX_DAYS)
    throw new AppError('sales_range_invalid', { from: q.from, to: q.to });
  const scope = await salesScope(db, actor, { userId: q.userId, teamId: q.teamId });
  const { timeZone: tz, currency } = await getSettings(db);
  const length = to - from + DAY;
  const current: Range = { from: q.from, end: toDay(to + DAY), tz, currency };
  const previous: Range = { from: toDay(from - length), end: q.from, tz, currency };
  return {
    currency,
    current: await periodKpis(db, scope, current),
    previous: await periodKpis(db, scope, previous),
    pipelineByStage: await pipelineByStage(db, scope, currency, q.pipelineId),
  };
}
