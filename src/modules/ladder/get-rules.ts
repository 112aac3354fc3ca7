import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { loadLadderRules } from './get-ladder-rules.ts';
import { DEFAULT_LADDER_RULES } from './ladder-rules.ts';
import { type LadderRulesView, toRulesView } from './ladder-rules-view.ts';

/** The ladder rules, for whoever may read settings. */
export async function getRules(db: DbOrTx, actor: Actor): Promise<LadderRulesView> {
  authorize(actor.principal, 'settings', 'read');
  const { rules, updatedAt } = await loadLadderRules(db);
  return toRulesView(rules, DEFAULT_LADDER_RULES, updatedAt);
}
