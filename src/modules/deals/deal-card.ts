import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers } from '../customers/index.ts';
import { DEAL_STATUSES } from './deal-input.ts';
import { deals, pipelineStages } from './schema.ts';

/** A deal as a board card or list row: no products, no history. */
export const dealCardSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    customerId: z.string().uuid(),
    customerName: z.string(),
    pipelineId: z.string().uuid(),
    stageId: z.string().uuid(),
    status: z.enum(DEAL_STATUSES),
    valueSatang: z.number().int(),
    weightedSatang: z.number().int(),
    currency: z.string(),
    expectedCloseOn: z.string().nullable(),
    ownerId: z.string().uuid().nullable(),
    ownerName: z.string().nullable(),
    lostReason: z.string().nullable(),
    stageEnteredAt: z.string(),
    createdAt: z.string(),
  })
  .openapi('DealCard');
export type DealCard = z.infer<typeof dealCardSchema>;

/** The select behind cards: deal + customer name + owner name + stage probability. */
export function selectCards(db: DbOrTx) {
  return db
    .select({
      id: deals.id,
      title: deals.title,
      customerId: deals.customerId,
      customerName: customers.displayName,
      pipelineId: deals.pipelineId,
      stageId: deals.stageId,
      status: deals.status,
      valueSatang: deals.valueSatang,
      probability: pipelineStages.probability,
      currency: deals.currency,
      expectedCloseOn: deals.expectedCloseOn,
      ownerId: deals.ownerId,
      ownerName: users.name,
      lostReason: deals.lostReason,
      stageEnteredAt: deals.stageEnteredAt,
      createdAt: deals.createdAt,
      rank: deals.rank,
    })
    .from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .innerJoin(pipelineStages, eq(pipelineStages.id, deals.stageId))
    .leftJoin(users, eq(users.id, deals.ownerId));
}

type CardRow = Awaited<ReturnType<ReturnType<typeof selectCards>['execute']>>[number];

export function toCard(r: CardRow): DealCard {
  return {
    id: r.id,
    title: r.title,
    customerId: r.customerId,
    customerName: r.customerName,
    pipelineId: r.pipelineId,
    stageId: r.stageId,
    status: r.status as DealCard['status'],
    valueSatang: r.valueSatang,
    weightedSatang: Math.round((r.valueSatang * r.probability) / 100),
    currency: r.currency,
    expectedCloseOn: r.expectedCloseOn,
    ownerId: r.ownerId,
    ownerName: r.ownerName ?? null,
    lostReason: r.lostReason,
    stageEnteredAt: r.stageEnteredAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}
