import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { validateInput } from '../customers/index.ts';
import { lastRank } from './board-rank.ts';
import { dealCustomer } from './deal-customer.ts';
import { type CreateDealInput, createDealSchema } from './deal-input.ts';
import { dealOwner } from './deal-owner.ts';
import { startingStage } from './deal-pipeline.ts';
import { priceDealProducts, productsTotal, saveDealProducts } from './deal-products.ts';
import { dealTimelineEntry } from './deal-timeline.ts';
import { type DealView, loadDealView } from './deal-view.ts';
import { dealStageHistory, deals } from './schema.ts';

/**
 * Opens a deal on a customer, in one transaction: at the bottom of its starting stage,
 * with its first stage-history row, a timeline entry, an audit entry and deals.created.
 * Retries are safe with an Idempotency-Key header (core/http/idempotency.ts).
 */
export async function createDeal(db: DbOrTx, actor: Actor, raw: CreateDealInput): Promise<DealView> {
  authorize(actor.principal, 'sales', 'create');
  const input = validateInput(createDealSchema, raw);
  return db.transaction(async (tx) => {
    const customerId = await dealCustomer(tx, actor, input.customerId);
    const stage = await startingStage(tx, input.pipelineId, input.stageId);
    const owner = await dealOwner(tx, actor, input.ownerId);
    const items = await priceDealProducts(tx, input.products);
    const currency = input.currency ?? (await getSettings(tx)).currency;
    const now = new Date();
    const [deal] = await tx
      .insert(deals)
      .values({
        customerId,
        title: input.title,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        valueSatang: input.valueSatang ?? productsTotal(items),
        currency,
        expectedCloseOn: input.expectedCloseOn ?? null,
        ...owner,
        status: 'open',
        note: input.note ?? null,
        rank: await lastRank(tx, stage.id),
        stageEnteredAt: now,
        createdBy: actor.principal.userId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!deal) throw new Error('insert returned nothing');
    await saveDealProducts(tx, deal.id, items);
    await tx
      .insert(dealStageHistory)
      .values({ dealId: deal.id, toStageId: stage.id, movedAt: now, movedBy: actor.principal.userId ?? null });
    await dealTimelineEntry(tx, actor, deal, stage, 'created', now);
    await recordAudit(tx, actor, {
      entityType: 'deal',
      entityId: deal.id,
      action: 'create',
      after: {
        customerId,
        title: deal.title,
        pipelineId: deal.pipelineId,
        stageId: deal.stageId,
        valueSatang: deal.valueSatang,
        currency,
        ownerId: deal.ownerId,
        products: items.length,
      },
    });
    await emitEvent(tx, {
      topic: 'deals.created',
      aggregateType: 'deal',
      aggregateId: deal.id,
      payload: {
        customerId,
        pipelineId: deal.pipelineId,
        stageId: deal.stageId,
        valueSatang: deal.valueSatang,
        currency,
        ownerId: deal.ownerId,
      },
    });
    return loadDealView(tx, deal);
  });
}
