import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { settings } from '../../core/settings/schema.ts';
import { DEFAULT_LADDER_RULES, type LadderRules, ladderRulesSchema } from './ladder-rules.ts';

/** The settings row that holds the ladder rules (beside the organisation settings). */
export const LADDER_RULES_KEY = 'ladder.rules';

/**
 * The rules in force: the stored ones, or the defaults when none are stored or the stored
 * ones no longer pass validation (a rule added later must not stop the recompute).
 */
export async function loadLadderRules(db: DbOrTx): Promise<{ rules: LadderRules; updatedAt: Date | null }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, LADDER_RULES_KEY));
  if (!row) return { rules: DEFAULT_LADDER_RULES, updatedAt: null };
  const parsed = ladderRulesSchema.safeParse({ ...DEFAULT_LADDER_RULES, ...(row.value as object) });
  return { rules: parsed.success ? parsed.data : DEFAULT_LADDER_RULES, updatedAt: row.updatedAt };
}
