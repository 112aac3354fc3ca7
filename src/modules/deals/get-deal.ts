import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { dealFor } from './deal-access.ts';
import { type DealView, loadDealView, type StageStay, stageHistory } from './deal-view.ts';

/** One deal the caller may see, with products and stage history; another's is not found. */
export async function getDeal(db: DbOrTx, actor: Actor, id: string): Promise<DealView> {
  return loadDealView(db, await dealFor(db, actor, id, 'read'));
}

/** The stages a deal went through, oldest first, with the time spent in each. */
export async function getDealHistory(db: DbOrTx, actor: Actor, id: string): Promise<StageStay[]> {
  await dealFor(db, actor, id, 'read');
  return stageHistory(db, id);
}
