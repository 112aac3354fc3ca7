import { type SQL, sql } from 'drizzle-orm';
import type { LadderRules } from './ladder-rules.ts';
import { textArray } from './sql-helpers.ts';
import type { LadderStage } from './stages.ts';

/** Columns the rules read, in the query that judges customers. */
export interface FactColumns {
  purchases: SQL;
  referrals: SQL;
  tags: SQL;
  customerType: SQL;
}

interface Rung {
  stage: LadderStage;
  /** When the customer meets this rung's rule. */
  when: SQL;
  /** Which rule matched, for the profile's "why". */
  matched: SQL;
}

const hasAnyTag = (tags: SQL, wanted: readonly string[]) =>
  wanted.length ? sql`(${tags} && ${textArray(wanted)})` : sql`false`;

/** The rungs from the top down; a disabled rung never matches. */
function rungs(rules: LadderRules, c: FactColumns): Rung[] {
  const list: Rung[] = [];
  const { partner, advocate, supporter, repeatCustomer, firstTimeBuyer } = rules;
  if (partner.enabled) {
    const tagged = hasAnyTag(c.tags, partner.tags);
    const typed = partner.customerTypes.length
      ? sql`(${c.customerType} = any(${textArray(partner.customerTypes)}))`
      : sql`false`;
    list.push({
      stage: 'partner',
      when: sql`(${tagged} or ${typed})`,
      matched: sql`case when ${tagged} then 'tag' else 'customer_type' end`,
    });
  }
  if (advocate.enabled) {
    const tagged = hasAnyTag(c.tags, advocate.tags);
    list.push({
      stage: 'advocate',
      when: sql`(${c.referrals} >= ${advocate.minReferrals}::int or ${tagged})`,
      matched: sql`case when ${c.referrals} >= ${advocate.minReferrals}::int then 'referrals' else 'tag' end`,
    });
  }
  if (supporter.enabled) {
    const tagged = hasAnyTag(c.tags, supporter.tags);
    list.push({
      stage: 'supporter',
      when: sql`(${c.purchases} >= ${supporter.minPurchases}::int or ${tagged})`,
      matched: sql`case when ${c.purchases} >= ${supporter.minPurchases}::int then 'purchases' else 'tag' end`,
    });
  }
  if (repeatCustomer.enabled) {
    list.push({
      stage: 'repeat_customer',
      when: sql`(${c.purchases} >= ${repeatCustomer.minPurchases}::int)`,
      matched: sql`'purchases'`,
    });
  }
  if (firstTimeBuyer.enabled) {
    list.push({
      stage: 'first_time_buyer',
      when: sql`(${c.purchases} >= ${firstTimeBuyer.minPurchases}::int)`,
      matched: sql`'purchases'`,
    });
  }
  return list;
}

/** SQL for the stage the rules give, and for which rule gave it ('none' for a prospect). */
export function stageSql(rules: LadderRules, c: FactColumns): { stage: SQL; matched: SQL } {
  const list = rungs(rules, c);
  if (list.length === 0) return { stage: sql`'prospect'`, matched: sql`'none'` };
  const stage = sql.join(
    list.map((r) => sql`when ${r.when} then ${sql.raw(`'${r.stage}'`)}`),
    sql` `,
  );
  const matched = sql.join(
    list.map((r) => sql`when ${r.when} then ${r.matched}`),
    sql` `,
  );
  return { stage: sql`(case ${stage} else 'prospect' end)`, matched: sql`(case ${matched} else 'none' end)` };
}
