import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { validateInput } from '../customers/index.ts';
import { changeStage } from './change-stage.ts';
import { dealFor } from './deal-access.ts';
import { type MoveDealInput, moveDealSchema } from './deal-input.ts';
import { stageOfPipeline } from './deal-pipeline.ts';
import { type DealView, loadDealView } from './deal-view.ts';

/**
 * Drags a deal to a stage (and a place in its column). Only the stages of the deal's own
 * pipeline are allowed: another pipeline's stage is refused (deal_stage_other_pipeline),
 * an unknown one too (deal_stage_unknown), and nothing is written.
 */
export async function moveDeal(db: DbOrTx, actor: Actor, id: string, raw: MoveDealInput): Promise<DealView> {
  const input = validateInput(moveDealSchema, raw);
  return db.transaction(async (tx) => {
    const before = await dealFor(tx, actor, id, 'update', true);
    const stage = await stageOfPipeline(tx, before.pipelineId, input.stageId);
    const row = await changeStage(tx, actor, before, stage, { position: input.position, lostReason: input.lostReason });
    return loadDealView(tx, row);
  });
}
