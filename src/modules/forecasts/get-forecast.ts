import { and, eq, or, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { deals, pipelineStages } from '../deals/index.ts';
import { loadForecastSettings } from './forecast-settings.ts';
import type { Forecast, ForecastFigures, ForecastQuery } from './forecast-view.ts';
import { lastYear, parsePeriod } from './period.ts';
import { dateWithin, num, percent, within } from './period-sql.ts';
import { loadTargets, type Target } from './quota-targets.ts';
import { salesScope } from './sales-scope.ts';

interface Sums {
  won: number;
  wonCount: number;
  committed: number;
  committedCount: number;
  weighted: number;
  open: number;
  openCount: number;
  lastYear: number;
  lastYearCount: number;
}

function figures(s: Sums, target: Target | undefined): ForecastFigures {
  const forecast = s.won + s.committed + s.weighted;
  return {
    wonSatang: s.won,
    wonCount: s.wonCount,
    committedSatang: s.committed,
    committedCount: s.committedCount,
    weightedSatang: s.weighted,
    openSatang: s.open,
    openCount: s.openCount,
    forecastSatang: forecast,
    bestCaseSatang: s.won + s.open,
    quotaSatang: target?.amountSatang ?? null,
    quotaDealCount: target?.dealCount ?? null,
    attainmentPct: percent(s.won, target?.amountSatang),
    forecastAttainmentPct: percent(forecast, target?.amountSatang),
    lastYearWonSatang: s.lastYear,
    lastYearWonCount: s.lastYearCount,
    changeVsLastYearPct: s.lastYear ? percent(s.won - s.lastYear, s.lastYear) : null,
  };
}

const ZERO: Sums = {
  won: 0,
  wonCount: 0,
  committed: 0,
  committedCount: 0,
  weighted: 0,
  open: 0,
  openCount: 0,
  lastYear: 0,
  lastYearCount: 0,
};

/**
 * The forecast of a month or quarter for the caller's scope (or one user / team in it), in
 * one grouped query over deals in the business currency: won in the period, open deals
 * expected to close in it (committed at or above the threshold, the rest weighted by
 * stage probability), won in the same period last year; then quotas and per-owner rows.
 */
export async function getForecast(db: DbOrTx, actor: Actor, q: ForecastQuery): Promise<Forecast> {
  const period = parsePeriod(q.period);
  const previous = lastYear(period);
  const scope = await salesScope(db, actor, { userId: q.userId, teamId: q.teamId });
  const { timeZone: tz, currency } = await getSettings(db);
  const { commitThreshold } = await loadForecastSettings(db);
  const won = sql`${deals.status} = 'won' and ${within(deals.wonAt, period.start, period.end, tz)}`;
  const wonLastYear = sql`${deals.status} = 'won' and ${within(deals.wonAt, previous.start, previous.end, tz)}`;
  const open = sql`${deals.status} = 'open' and ${dateWithin(deals.expectedCloseOn, period.start, period.end)}`;
  const committed = sql`${open} and ${pipelineStages.probability} >= ${commitThreshold}`;
  const rest = sql`${open} and ${pipelineStages.probability} < ${commitThreshold}`;
  const rows = await db
    .select({
      ownerId: deals.ownerId,
      won: sql`coalesce(sum(${deals.valueSatang}) filter (where ${won}), 0)`,
      wonCount: sql`count(*) filter (where ${won})`,
      committed: sql`coalesce(sum(${deals.valueSatang}) filter (where ${committed}), 0)`,
      committedCount: sql`count(*) filter (where ${committed})`,
      weighted: sql`coalesce(sum(round(${deals.valueSatang} * ${pipelineStages.probability} / 100.0)) filter (where ${rest}), 0)`,
      open: sql`coalesce(sum(${deals.valueSatang}) filter (where ${open}), 0)`,
      openCount: sql`count(*) filter (where ${open})`,
      lastYear: sql`coalesce(sum(${deals.valueSatang}) filter (where ${wonLastYear}), 0)`,
      lastYearCount: sql`count(*) filter (where ${wonLastYear})`,
    })
    .from(deals)
    .innerJoin(pipelineStages, eq(pipelineStages.id, deals.stageId))
    .where(and(eq(deals.currency, currency), scope.deals, or(won, wonLastYear, open)))
    .groupBy(deals.ownerId);
  const byOwner = new Map<string | null, Sums>();
  for (const r of rows) {
    byOwner.set(r.ownerId, {
      won: num(r.won),
      wonCount: num(r.wonCount),
      committed: num(r.committed),
      committedCount: num(r.committedCount),
      weighted: num(r.weighted),
      open: num(r.open),
      openCount: num(r.openCount),
      lastYear: num(r.lastYear),
      lastYearCount: num(r.lastYearCount),
    });
  }
  const targets = await loadTargets(db, period);
  const group = scope.group;
  // Owners with a quota in the group appear even before they have deals.
  const members = targets.people.filter((p) =>
    group.kind === 'user' ? p.id === group.userId : group.kind === 'team' ? p.teamId === group.teamId : true,
  );
  for (const p of members) if (!byOwner.has(p.id) && targets.user(p.id)) byOwner.set(p.id, ZERO);
  const total = [...byOwner.values()].reduce<Sums>(
    (t, s) =>
      Object.fromEntries(Object.keys(t).map((k) => [k, t[k as keyof Sums] + s[k as keyof Sums]])) as unknown as Sums,
    ZERO,
  );
  const names = new Map(targets.people.map((p) => [p.id, p.name]));
  const owners = [...byOwner.entries()]
    .map(([ownerId, s]) => ({
      ownerId,
      ownerName: ownerId ? (names.get(ownerId) ?? null) : null,
      ...figures(s, ownerId ? targets.user(ownerId) : undefined),
    }))
    .sort((a, b) => b.forecastSatang - a.forecastSatang || String(a.ownerName).localeCompare(String(b.ownerName)));
  return {
    period: { label: period.label, kind: period.kind, start: period.start, end: period.end },
    lastYearPeriod: previous.label,
    currency,
    commitThreshold,
    ...figures(total, targets.group(group)),
    owners,
  };
}
