import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { settings } from '../../core/settings/schema.ts';
import { validateInput } from '../customers/index.ts';
import { LADDER_RULES_KEY, loadLadderRules } from './get-ladder-rules.ts';
import { DEFAULT_LADDER_RULES, type LadderRules, ladderRulesSchema } from './ladder-rules.ts';
import { type LadderRulesView, toRulesView } from './ladder-rules-view.ts';

/** Topic whose job recomputes every customer after the rules changed. */
export const LADDER_RULES_UPDATED = 'ladder.rules_updated';

/**
 * Replaces the ladder rules (admins: settings update). Invalid rules change nothing; valid
 * ones are stored, audited, and every customer is judged again by a job.
 */
export async function updateRules(db: Db, actor: Actor, raw: LadderRules): Promise<LadderRulesView> {
  authorize(actor.principal, 'settings', 'update');
  const rules = validateInput(ladderRulesSchema, raw);
  return db.transaction(async (tx) => {
    const before = await loadLadderRules(tx);
    const [row] = await tx
      .insert(settings)
      .values({ key: LADDER_RULES_KEY, value: rules, updatedBy: actor.principal.userId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: rules, updatedAt: new Date(), updatedBy: actor.principal.userId },
      })
      .returning();
    await recordAudit(tx, actor, {
      entityType: 'settings',
      entityId: LADDER_RULES_KEY,
      action: 'update',
      changes: { rules: { before: before.rules, after: rules } },
    });
    await emitEvent(tx, {
      topic: LADDER_RULES_UPDATED,
      aggregateType: 'settings',
      aggregateId: LADDER_RULES_KEY,
      payload: {},
    });
    return toRulesView(rules, DEFAULT_LADDER_RULES, row?.updatedAt ?? new Date());
  });
}
