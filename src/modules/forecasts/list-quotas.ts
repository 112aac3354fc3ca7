import { and, asc, eq, gt, gte, lt, or } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import { teams, users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { decodeCursor, type Page, toPage } from '../../core/http/pagination.ts';
import { parsePeriod } from './period.ts';
import { visibleQuota } from './quota-access.ts';
import type { ListQuotasQuery } from './quota-input.ts';
import { type QuotaView, toQuotaView } from './quota-view.ts';
import { quotas } from './schema.ts';

/**
 * Quotas the caller may read, by period start then id. `period` picks one month or quarter
 * (a quarter also lists the monthly quotas inside it); `year` a calendar year.
 */
export async function listQuotas(db: DbOrTx, actor: Actor, q: ListQuotasQuery): Promise<Page<QuotaView>> {
  const period = q.period ? parsePeriod(q.period) : undefined;
  const after = decodeCursor(q.cursor, 2);
  const rows = await db
    .select({ quota: quotas, userName: users.name, teamName: teams.name })
    .from(quotas)
    .leftJoin(users, eq(users.id, quotas.userId))
    .leftJoin(teams, eq(teams.id, quotas.teamId))
    .where(
      visibleQuota(
        db,
        actor,
        period ? and(gte(quotas.periodStart, period.start), lt(quotas.periodStart, period.end)) : undefined,
        period?.kind === 'month' ? eq(quotas.periodKind, 'month') : undefined,
        q.year
          ? and(gte(quotas.periodStart, `${q.year}-01-01`), lt(quotas.periodStart, `${q.year + 1}-01-01`))
          : undefined,
        q.userId ? eq(quotas.userId, q.userId) : undefined,
        q.teamId ? eq(quotas.teamId, q.teamId) : undefined,
        after
          ? or(
              gt(quotas.periodStart, String(after[0])),
              and(eq(quotas.periodStart, String(after[0])), gt(quotas.id, String(after[1]))),
            )
          : undefined,
      ),
    )
    .orderBy(asc(quotas.periodStart), asc(quotas.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [r.quota.periodStart, r.quota.id]);
  return {
    items: page.items.map((r) => toQuotaView(r.quota, { userName: r.userName, teamName: r.teamName })),
    nextCursor: page.nextCursor,
  };
}
