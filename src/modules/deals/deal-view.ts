import { z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers } from '../customers/index.ts';
import { products } from '../products/index.ts';
import { DEAL_STATUSES } from './deal-input.ts';
import { dealProducts, dealStageHistory, type deals, pipelineStages } from './schema.ts';

export const stageStaySchema = z
  .object({
    fromStageId: z.string().uuid().nullable(),
    toStageId: z.string().uuid(),
    stageNameTh: z.string(),
    stageNameEn: z.string().nullable(),
    movedAt: z.string(),
    movedBy: z.string().uuid().nullable(),
    movedByName: z.string().nullable(),
    leftAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the deal left this stage; null while it is still there.' }),
    secondsInStage: z.number().int().openapi({ description: 'Time in this stage, until now if it is still there.' }),
  })
  .openapi('DealStageStay');
export type StageStay = z.infer<typeof stageStaySchema>;

export const dealProductViewSchema = z.object({
  productId: z.string().uuid(),
  sku: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceSatang: z.number().int(),
  totalSatang: z.number().int(),
});

export const dealViewSchema = z
  .object({
    id: z.string().uuid(),
    customerId: z.string().uuid(),
    customerName: z.string(),
    title: z.string(),
    pipelineId: z.string().uuid(),
    stageId: z.string().uuid(),
    stageNameTh: z.string(),
    stageNameEn: z.string().nullable(),
    probability: z.number().int(),
    valueSatang: z.number().int(),
    weightedSatang: z.number().int().openapi({ description: "Value × the stage's win probability." }),
    currency: z.string(),
    expectedCloseOn: z.string().nullable(),
    ownerId: z.string().uuid().nullable(),
    ownerName: z.string().nullable(),
    teamId: z.string().uuid().nullable(),
    status: z.enum(DEAL_STATUSES),
    lostReason: z.string().nullable(),
    wonAt: z.string().nullable(),
    lostAt: z.string().nullable(),
    note: z.string().nullable(),
    stageEnteredAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    products: z.array(dealProductViewSchema),
    history: z.array(stageStaySchema).openapi({ description: 'Stages entered, oldest first, with time in each.' }),
  })
  .openapi('Deal');
export type DealView = z.infer<typeof dealViewSchema>;

type DealRow = typeof deals.$inferSelect;

export function weighted(valueSatang: number, probability: number): number {
  return Math.round((valueSatang * probability) / 100);
}

/** Stage stays oldest first; each lasts until the next move (or now). */
export async function stageHistory(db: DbOrTx, dealId: string, now = new Date()): Promise<StageStay[]> {
  const rows = await db
    .select({
      fromStageId: dealStageHistory.fromStageId,
      toStageId: dealStageHistory.toStageId,
      movedAt: dealStageHistory.movedAt,
      movedBy: dealStageHistory.movedBy,
      movedByName: users.name,
      nameTh: pipelineStages.nameTh,
      nameEn: pipelineStages.nameEn,
    })
    .from(dealStageHistory)
    .innerJoin(pipelineStages, eq(pipelineStages.id, dealStageHistory.toStageId))
    .leftJoin(users, eq(users.id, dealStageHistory.movedBy))
    .where(eq(dealStageHistory.dealId, dealId))
    .orderBy(asc(dealStageHistory.movedAt), asc(dealStageHistory.id));
  return rows.map((r, i) => {
    const left = rows[i + 1]?.movedAt ?? null;
    return {
      fromStageId: r.fromStageId,
      toStageId: r.toStageId,
      stageNameTh: r.nameTh,
      stageNameEn: r.nameEn,
      movedAt: r.movedAt.toISOString(),
      movedBy: r.movedBy,
      movedByName: r.movedByName ?? null,
      leftAt: left ? left.toISOString() : null,
      secondsInStage: Math.max(0, Math.floor(((left ?? now).getTime() - r.movedAt.getTime()) / 1000)),
    };
  });
}

/** The full view of one deal: names, stage, products and stage history. */
export async function loadDealView(db: DbOrTx, deal: DealRow): Promise<DealView> {
  // One after another: inside a transaction the pg client runs one query at a time anyway.
  const [stage] = await db.select().from(pipelineStages).where(eq(pipelineStages.id, deal.stageId));
  const [customer] = await db
    .select({ name: customers.displayName })
    .from(customers)
    .where(eq(customers.id, deal.customerId));
  const [owner] = deal.ownerId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, deal.ownerId))
    : [];
  const lines = await db
    .select({
      productId: dealProducts.productId,
      quantity: dealProducts.quantity,
      unitPriceSatang: dealProducts.unitPriceSatang,
      sku: products.sku,
      nameTh: products.nameTh,
      nameEn: products.nameEn,
    })
    .from(dealProducts)
    .innerJoin(products, eq(products.id, dealProducts.productId))
    .where(eq(dealProducts.dealId, deal.id))
    .orderBy(asc(dealProducts.id));
  const history = await stageHistory(db, deal.id);
  if (!stage) throw new Error(`deal ${deal.id} has no stage`);
  return {
    id: deal.id,
    customerId: deal.customerId,
    customerName: customer?.name ?? '',
    title: deal.title,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    stageNameTh: stage.nameTh,
    stageNameEn: stage.nameEn,
    probability: stage.probability,
    valueSatang: deal.valueSatang,
    weightedSatang: weighted(deal.valueSatang, stage.probability),
    currency: deal.currency,
    expectedCloseOn: deal.expectedCloseOn,
    ownerId: deal.ownerId,
    ownerName: owner?.name ?? null,
    teamId: deal.teamId,
    status: deal.status as DealView['status'],
    lostReason: deal.lostReason,
    wonAt: deal.wonAt?.toISOString() ?? null,
    lostAt: deal.lostAt?.toISOString() ?? null,
    note: deal.note,
    stageEnteredAt: deal.stageEnteredAt.toISOString(),
    createdAt: deal.createdAt.toISOString(),
    updatedAt: deal.updatedAt.toISOString(),
    products: lines.map((l) => ({ ...l, totalSatang: l.quantity * l.unitPriceSatang })),
    history,
  };
}
