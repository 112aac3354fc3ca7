import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import type { LeadEventFact, LeadFacts } from './lead-score.ts';
import { leadEvents } from './schema.ts';

/** A decided lead: won (1) or lost (0), with the time it was decided (features are taken as of then). */
export interface LeadOutcome extends LeadFacts {
  id: string;
  won: 0 | 1;
  decidedAt: Date;
  events: LeadEventFact[];
}

/**
 * Won: converted, and its deal was won or its customer paid for an order after the lead
 * came in. Lost: disqualified, or converted with its deal lost. Everything else (open,
 * converted with an open deal and no paid order) has no outcome yet. Deals and orders are
 * read by table name, as the customer list reads other modules' tables.
 */
const OUTCOMES = sql`
  select l.id, l.source, l.province, l.company, l.job_title as "jobTitle", l.email, l.phone, l.line_id as "lineId",
    case
      when l.status = 'disqualified' then 0
      when d.status = 'won' then 1
      when d.status = 'lost' then 0
      when exists (select 1 from orders o where o.customer_id = l.customer_id
                   and o.paid_satang > 0 and o.ordered_at >= l.created_at) then 1
    end as won,
    coalesce(d.won_at, d.lost_at, l.converted_at, l.disqualified_at) as "decidedAt"
  from leads l
  left join deals d on d.id = l.converted_deal_id
  where l.status in ('disqualified', 'converted')`;

export async function countOutcomes(db: DbOrTx): Promise<{ won: number; lost: number }> {
  const [row] = await rowsOf<{ won: number; lost: number }>(
    db,
    sql`select count(*) filter (where won = 1)::int as won, count(*) filter (where won = 0)::int as lost from (${OUTCOMES}) x`,
  );
  return { won: Number(row?.won ?? 0), lost: Number(row?.lost ?? 0) };
}

/** Every decided lead with its behaviour, for training. */
export async function loadOutcomes(db: DbOrTx): Promise<LeadOutcome[]> {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`select * from (${OUTCOMES}) x where won is not null order by id`,
  );
  const ids = rows.map((r) => String(r.id));
  const events = ids.length
    ? await db
        .select({ leadId: leadEvents.leadId, kind: leadEvents.kind, occurredAt: leadEvents.occurredAt })
        .from(leadEvents)
        .where(inArray(leadEvents.leadId, ids))
    : [];
  const byLead = new Map<string, LeadEventFact[]>();
  for (const e of events) byLead.set(e.leadId, [...(byLead.get(e.leadId) ?? []), e]);
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    id: String(r.id),
    source: String(r.source),
    province: str(r.province),
    company: str(r.company),
    jobTitle: str(r.jobTitle),
    email: str(r.email),
    phone: str(r.phone),
    lineId: str(r.lineId),
    won: Number(r.won) === 1 ? 1 : 0,
    decidedAt: r.decidedAt instanceof Date ? r.decidedAt : new Date(String(r.decidedAt)),
    events: byLead.get(String(r.id)) ?? [],
  }));
}
