import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { auditLog } from '../../core/audit/schema.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { Db } from '../../core/db/database.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { activities } from '../activities/index.ts';
import { customers } from '../customers/index.ts';
import {
  DEFAULT_PIPELINE_ID,
  dealProducts,
  dealStageHistory,
  deals,
  pipelineStages,
  SEEDED_STAGE_IDS,
} from '../deals/index.ts';
import { products } from '../products/index.ts';
import { DEMO_STAFF } from './demo-business.ts';
import { type DemoDeal, demoDeals } from './generate-demo-deals.ts';

const DEMO_MARK = { entityType: 'deal', action: 'demo_load' } as const;

/**
 * Deals across the default pipeline for the demo customers (see demoDeals), owned by the
 * demo salespeople, with products, stage history and timeline entries; never twice.
 */
export async function loadDemoDeals(db: Db, actor: Actor, options: { seed: number; now: Date }): Promise<number> {
  const [done] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, DEMO_MARK.entityType), eq(auditLog.action, DEMO_MARK.action)))
    .limit(1);
  if (done) return 0;
  const salesEmails = DEMO_STAFF.filter((s) => s.role === 'sales').map((s) => s.email);
  const owners = await db
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(inArray(users.email, salesEmails))
    .orderBy(asc(users.email));
  const people = await db
    .select({ id: customers.id, customerType: customers.customerType })
    .from(customers)
    .where(eq(customers.status, 'active'))
    .orderBy(asc(customers.createdAt), asc(customers.id));
  const planned = demoDeals(people, { ...options, owners: owners.length });
  if (!planned.length) return 0;
  const catalogue = new Map(
    (await db.select().from(products)).map((p) => [p.sku, { id: p.id, price: p.unitPriceSatang }] as const),
  );
  const stages = new Map((await db.select().from(pipelineStages)).map((s) => [s.id, s]));
  const stageId = (key: DemoDeal['path'][number]['stage']) => SEEDED_STAGE_IDS[key];
  const currency = (await getSettings(db)).currency;
  return db.transaction(async (tx) => {
    const rankOf = new Map<string, number>();
    const rows = planned.map((d) => {
      const last = d.path[d.path.length - 1] as DemoDeal['path'][number];
      const owner = owners[d.ownerIndex];
      const lines = d.lines.flatMap((l) => {
        const p = catalogue.get(l.sku);
        return p ? [{ productId: p.id, quantity: l.quantity, unitPriceSatang: p.price }] : [];
      });
      const stage = stageId(last.stage);
      const rank = (rankOf.get(stage) ?? 0) + 1024;
      rankOf.set(stage, rank);
      const status = last.stage === 'won' ? 'won' : last.stage === 'lost' ? 'lost' : 'open';
      return {
        plan: d,
        lines,
        values: {
          customerId: d.customerId,
          title: d.title,
          pipelineId: DEFAULT_PIPELINE_ID,
          stageId: stage,
          valueSatang: lines.reduce((s, l) => s + l.quantity * l.unitPriceSatang, 0),
          currency,
          expectedCloseOn: d.expectedCloseOn,
          ownerId: owner?.id ?? null,
          teamId: owner?.teamId ?? null,
          status,
          lostReason: d.lostReason,
          wonAt: status === 'won' ? last.at : null,
          lostAt: status === 'lost' ? last.at : null,
          rank,
          stageEnteredAt: last.at,
          createdAt: (d.path[0] as DemoDeal['path'][number]).at,
          updatedAt: last.at,
        },
      };
    });
    const inserted = await tx
      .insert(deals)
      .values(rows.map((r) => r.values))
      .returning({ id: deals.id });
    const lineRows = rows.flatMap((r, i) => r.lines.map((l) => ({ ...l, dealId: inserted[i]?.id as string })));
    if (lineRows.length) await tx.insert(dealProducts).values(lineRows);
    await tx.insert(dealStageHistory).values(
      rows.flatMap((r, i) =>
        r.plan.path.map((step, j) => ({
          dealId: inserted[i]?.id as string,
          fromStageId: j === 0 ? null : stageId((r.plan.path[j - 1] as DemoDeal['path'][number]).stage),
          toStageId: stageId(step.stage),
          movedAt: step.at,
          movedBy: r.values.ownerId,
        })),
      ),
    );
    await tx.insert(activities).values(
      rows.flatMap((r, i) =>
        r.plan.path
          .filter((_, j) => j === 0 || j === r.plan.path.length - 1)
          .map((step, j) => {
            const stage = stages.get(stageId(step.stage));
            const action =
              j === 0 ? 'created' : step.stage === 'won' || step.stage === 'lost' ? step.stage : 'stage_changed';
            return {
              customerId: r.values.customerId,
              kind: 'deal',
              occurredAt: step.at,
              subject: r.values.title,
              refType: 'deal',
              refId: inserted[i]?.id as string,
              data: {
                action,
                status: j === 0 ? 'open' : r.values.status,
                amount: r.values.valueSatang,
                currency,
                stageTh: stage?.nameTh ?? '',
                ...(stage?.nameEn ? { stageEn: stage.nameEn } : {}),
              },
              actorUserId: r.values.ownerId,
            };
          }),
      ),
    );
    await recordAudit(tx, actor, {
      entityType: DEMO_MARK.entityType,
      entityId: null,
      action: DEMO_MARK.action,
      changes: { count: { before: null, after: rows.length }, seed: { before: null, after: options.seed } },
    });
    return rows.length;
  });
}
