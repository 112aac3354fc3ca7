import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { changeStage } from './change-stage.ts';
import { dealFor } from './deal-access.ts';
import { closingStage, stageById } from './deal-pipeline.ts';
import { dealTimelineEntry } from './deal-timeline.ts';
import { type DealView, loadDealView } from './deal-view.ts';
import { deals } from './schema.ts';

export const closeDealSchema = z
  .object({
    reason: z.string().trim().max(500).optional().openapi({ description: 'Why it was lost: required for lost.' }),
  })
  .strict();
export type CloseDealInput = z.input<typeof closeDealSchema>;

/**
 * Marks a deal won or lost (lost needs a reason). It moves to its pipeline's won or lost
 * stage; a pipeline without one keeps the deal where it is and only its status changes.
 */
export async function closeDeal(
  db: DbOrTx,
  actor: Actor,
  id: string,
  outcome: 'won' | 'lost',
  raw: CloseDealInput = {},
): Promise<DealView> {
  const input = validateInput(closeDealSchema, raw);
  if (outcome === 'lost' && !input.reason) throw new AppError('deal_lost_reason_required');
  return db.transaction(async (tx) => {
    const before = await dealFor(tx, actor, id, 'update', true);
    const target = await closingStage(tx, before.pipelineId, outcome);
    if (target) {
      const row = await changeStage(tx, actor, before, target, { lostReason: input.reason });
      return loadDealView(tx, row);
    }
    if (before.status === outcome) return loadDealView(tx, before);
    const now = new Date();
    const [row] = await tx
      .update(deals)
      .set({
        status: outcome,
        wonAt: outcome === 'won' ? now : null,
        lostAt: outcome === 'lost' ? now : null,
        lostReason: outcome === 'lost' ? (input.reason ?? null) : null,
        updatedAt: now,
      })
      .where(eq(deals.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    await dealTimelineEntry(tx, actor, row, await stageById(tx, row.stageId), outcome, now);
    await recordAudit(tx, actor, {
      entityType: 'deal',
      entityId: id,
      action: outcome,
      changes: {
        status: { before: before.status, after: outcome },
        ...(outcome === 'lost' ? { lostReason: { before: before.lostReason, after: row.lostReason } } : {}),
      },
    });
    await emitEvent(tx, {
      topic: `deals.${outcome}`,
      aggregateType: 'deal',
      aggregateId: id,
      payload: {
        customerId: row.customerId,
        pipelineId: row.pipelineId,
        stageId: row.stageId,
        status: outcome,
        valueSatang: row.valueSatang,
        currency: row.currency,
        ...(outcome === 'lost' ? { reason: row.lostReason } : {}),
      },
    });
    return loadDealView(tx, row);
  });
}
