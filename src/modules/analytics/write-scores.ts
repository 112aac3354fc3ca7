import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.ts';
import { ident, rowsOf } from '../../core/db/rows-of.ts';
import type { CustomerSummaries } from './customer-summaries.ts';
import { recordTransitions } from './record-transitions.ts';
import type { RfmScores } from './rfm.ts';
import type { ModelScores } from './score-customers.ts';
import { NEXT_SCORES, stageScores } from './stage-scores.ts';

/**
 * Replaces every stored score with this run's, inside the caller's transaction: all of a
 * run's scores or none. The rows go into a fresh table shaped like customer_scores (no index
 * while it fills), the movement between segments and the new segment sizes are recorded from
 * the stored and the new rows (score_run_transitions, score_run_segments), the indexes of
 * customer_scores are built again on the new table, and the new table takes the old one's
 * place and names. Readers keep seeing the previous scores until the transaction commits;
 * a failure rolls all of it back. Measured on 1M rows: about a third less than deleting and
 * inserting into the indexed table (docs/BENCHMARKS.md, issue 6).
 */
export async function writeScores(
  tx: Tx,
  runId: string,
  computedAt: Date,
  calibrationEnd: string,
  s: CustomerSummaries,
  rfm: RfmScores,
  scores: ModelScores,
): Promise<number> {
  const scored = await stageScores(tx, runId, computedAt, calibrationEnd, s, rfm, scores);
  await recordTransitions(tx, runId);
  const indexes = await rowsOf<{ name: string; def: string; primary: boolean }>(
    tx,
    sql`select c.relname::text as name, pg_get_indexdef(i.indexrelid) as def, i.indisprimary as primary
        from pg_index i join pg_class c on c.oid = i.indexrelid
        where i.indrelid = 'customer_scores'::regclass order by c.relname`,
  );
  for (const index of indexes) {
    const def = index.def.replace(
      /^CREATE (UNIQUE )?INDEX \S+ ON \S+ /,
      (_m, unique: string | undefined) => `CREATE ${unique ?? ''}INDEX "${pending(index.name)}" ON "${NEXT_SCORES}" `,
    );
    if (def === index.def) throw new Error(`cannot rebuild index ${index.name}: ${index.def}`);
    await tx.execute(sql.raw(def));
  }
  await tx.execute(sql`drop table customer_scores`);
  await tx.execute(sql`alter table ${ident(NEXT_SCORES)} rename to customer_scores`);
  for (const index of indexes) {
    await tx.execute(
      index.primary
        ? sql`alter table customer_scores add constraint ${ident(index.name)} primary key using index ${ident(pending(index.name))}`
        : sql`alter index ${ident(pending(index.name))} rename to ${ident(index.name)}`,
    );
  }
  await tx.execute(sql`analyze customer_scores`);
  return scored;
}

/** The name an index has on the new table until the old table is gone. */
const pending = (name: string) => `${name.slice(0, 55)}_pending`;
