import { type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../core/db/database.ts';
import { loadLadderRules } from './get-ladder-rules.ts';
import { factsSubquery } from './ladder-facts.ts';
import type { LadderRules } from './ladder-rules.ts';
import { rowsOf, uuidArray } from './sql-helpers.ts';
import { stageSql } from './stage-sql.ts';
import { LADDER_STAGE_LABELS } from './stages.ts';

export interface RecomputeResult {
  evaluated: number;
  changed: number;
}

/**
 * Every change of stages takes this lock first (before any row lock), so two never write
 * history for one customer at once.
 */
export async function lockLadder(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sampan.ladder'))`);
}
const BATCH = 5000;

/**
 * Judges the active customers among `ids` by the rules, in one statement: their stage by
 * the rules is stored; where the stage everyone sees changes (no override holds it), the
 * change goes to the ladder history and the timeline.
 *
 * The timeline entries are inserted here in the same statement rather than through
 * recordActivities, so a recompute of 100k customers stays set-based; they are 'system'
 * entries, which do not move last_contacted_at (the only other thing recordActivities does).
 */
export async function judgeCustomers(tx: DbOrTx, rules: LadderRules, ids: SQL): Promise<RecomputeResult> {
  const [row] = await rowsOf<{ evaluated: number; changed: number }>(tx, judgeStatement(rules, ids));
  return { evaluated: Number(row?.evaluated ?? 0), changed: Number(row?.changed ?? 0) };
}

/** The one statement that judges the customers in `ids` (see judgeCustomers). */
export function judgeStatement(rules: LadderRules, ids: SQL): SQL {
  const { stage, matched } = stageSql(rules, {
    purchases: sql`f.purchases`,
    referrals: sql`f.referrals`,
    tags: sql`f.tags`,
    customerType: sql`f.customer_type`,
  });
  const labels = JSON.stringify(LADDER_STAGE_LABELS);
  return sql`with facts as (
          select c.id as customer_id, c.tags, c.customer_type,
                 coalesce(x.purchases, 0) as purchases, coalesce(x.referrals, 0) as referrals
            from customers c left join ${factsSubquery(ids)} x on x.customer_id = c.id
           where c.id = any(${ids}) and c.status = 'active'
        ),
        judged as (
          select f.customer_id, ${stage} as stage,
                 jsonb_build_object('purchases', f.purchases, 'referrals', f.referrals, 'matched', ${matched}) as facts
            from facts f
        ),
        old as (select customer_id, stage, rule_stage, facts from customer_ladder where customer_id = any(${ids})),
        up as (
          insert into customer_ladder as l (customer_id, stage, rule_stage, facts, since, computed_at)
          select j.customer_id, j.stage, j.stage, j.facts, now(), now()
            from judged j left join old o on o.customer_id = j.customer_id
           -- unchanged customers are not written at all (the nightly pass is mostly these)
           where o.customer_id is null or o.rule_stage is distinct from j.stage or o.facts is distinct from j.facts
          on conflict (customer_id) do update set
            rule_stage = excluded.rule_stage,
            facts = excluded.facts,
            computed_at = now(),
            stage = coalesce(l.override_stage, excluded.rule_stage),
            since = case when coalesce(l.override_stage, excluded.rule_stage) = l.stage then l.since else now() end
          where l.rule_stage is distinct from excluded.rule_stage or l.facts is distinct from excluded.facts
          returning l.customer_id, l.stage, l.facts
        ),
        changed as (
          select up.customer_id, old.stage as from_stage, up.stage as to_stage, up.facts
            from up left join old on old.customer_id = up.customer_id
           where old.stage is distinct from up.stage
        ),
        history as (
          insert into ladder_history (customer_id, from_stage, to_stage, source, facts)
          select customer_id, from_stage, to_stage, 'rules', facts from changed
          returning 1
        ),
        timeline as (
          -- the entry of timeline-entry.ts: stage keys in data (each reader words them), both languages in the subject
          insert into activities (customer_id, kind, subject, ref_type, data)
          select customer_id, 'system',
                 'ขั้นความสัมพันธ์: ' || coalesce((${labels}::jsonb -> from_stage ->> 'th') || ' → ', '')
                   || (${labels}::jsonb -> to_stage ->> 'th')
                   || ' / Ladder stage: ' || coalesce((${labels}::jsonb -> from_stage ->> 'en') || ' → ', '')
                   || (${labels}::jsonb -> to_stage ->> 'en'),
                 'ladder',
                 jsonb_build_object('ladder', jsonb_build_object('from', from_stage, 'to', to_stage, 'source', 'rules'))
            from changed
           where from_stage is not null or to_stage <> 'prospect'
          returning 1
        )
        select (select count(*) from facts)::int as evaluated, (select count(*) from history)::int as changed,
               (select count(*) from timeline)::int as written`;
}

/** Recomputes these customers' stages (after events about them), in one transaction. */
export async function recomputeLadder(db: DbOrTx, customerIds: readonly string[]): Promise<RecomputeResult> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return { evaluated: 0, changed: 0 };
  return db.transaction(async (tx) => {
    await lockLadder(tx);
    const { rules } = await loadLadderRules(tx);
    let total = { evaluated: 0, changed: 0 };
    for (let i = 0; i < ids.length; i += BATCH) {
      const r = await judgeCustomers(tx, rules, uuidArray(ids.slice(i, i + BATCH)));
      total = { evaluated: total.evaluated + r.evaluated, changed: total.changed + r.changed };
    }
    return total;
  });
}

/**
 * Recomputes every active customer, in batches of 5,000 by id, each batch its own short
 * transaction (PGlite has one connection; a long transaction would block everyone).
 */
export async function recomputeAllLadder(db: Db): Promise<RecomputeResult> {
  let after = '00000000-0000-0000-0000-000000000000';
  let total = { evaluated: 0, changed: 0 };
  for (;;) {
    const batch = await rowsOf<{ id: string }>(
      db,
      sql`select id::text as id from customers where status = 'active' and id > ${after}::uuid order by id limit ${BATCH}`,
    );
    if (batch.length === 0) return total;
    const r = await recomputeLadder(
      db,
      batch.map((b) => b.id),
    );
    total = { evaluated: total.evaluated + r.evaluated, changed: total.changed + r.changed };
    after = batch[batch.length - 1]?.id ?? after;
    if (batch.length < BATCH) return total;
  }
}
