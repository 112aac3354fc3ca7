import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { type RecomputeResult, recomputeAllLadder } from './recompute-ladder.ts';

/** On demand (admins: settings update): judges every active customer now and says how many changed. */
export async function recomputeAll(db: Db, actor: Actor): Promise<RecomputeResult> {
  authorize(actor.principal, 'settings', 'update');
  const result = await recomputeAllLadder(db);
  await recordAudit(db, actor, {
    entityType: 'settings',
    entityId: 'ladder.rules',
    action: 'ladder_recompute',
    changes: { changed: { before: null, after: result.changed } },
  });
  return result;
}
