import { z } from '@hono/zod-openapi';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { authorizeLeadSetup } from './lead-access.ts';
import { countOutcomes } from './lead-outcomes.ts';
import { leadScoreModels, leadScoringRules } from './schema.ts';

/** The topic whose job trains a requested model (see jobs.ts). */
export const MODEL_TRAINING_REQUESTED = 'leads.score_model_requested';
export const DEFAULT_MIN_OUTCOMES = 40;

export const trainModelSchema = z
  .object({
    minOutcomes: z
      .number()
      .int()
      .min(10)
      .max(1_000_000)
      .default(DEFAULT_MIN_OUTCOMES)
      .openapi({ description: `Won + lost leads needed (default ${DEFAULT_MIN_OUTCOMES}).` }),
  })
  .strict()
  .openapi('TrainLeadModel');
export type TrainModelInput = z.input<typeof trainModelSchema>;

export const modelViewSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(['queued', 'running', 'trained', 'failed']),
    minOutcomes: z.number().int(),
    features: z.array(z.object({ ruleId: z.string(), name: z.string(), kind: z.string(), weight: z.number() })),
    intercept: z.number().nullable(),
    nTrain: z.number().int().nullable(),
    nHoldout: z.number().int().nullable(),
    nWon: z.number().int().nullable(),
    nLost: z.number().int().nullable(),
    accuracy: z.number().nullable().openapi({ description: 'Share of held-out leads predicted right (at 50 %).' }),
    auc: z.number().nullable().openapi({ description: 'Held-out AUC: 0.5 is a coin toss, 1 is perfect.' }),
    errorCode: z.string().nullable(),
    trainedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('LeadScoreModel');
export type ModelView = z.infer<typeof modelViewSchema>;

export const modelStatusSchema = z
  .object({
    current: modelViewSchema.nullable().openapi({ description: 'The trained model that scores leads now.' }),
    latest: modelViewSchema
      .nullable()
      .openapi({ description: 'The newest request (may be queued, running or failed).' }),
    outcomes: z.object({ won: z.number().int(), lost: z.number().int() }),
    minOutcomes: z.number().int(),
  })
  .openapi('LeadScoreModelStatus');

function toModelView(m: typeof leadScoreModels.$inferSelect): ModelView {
  return {
    id: m.id,
    status: m.status as ModelView['status'],
    minOutcomes: m.minOutcomes,
    features: m.features.map((f, i) => ({
      ruleId: f.ruleId,
      name: f.name,
      kind: f.kind,
      weight: m.coefficients[i + 1] ?? 0,
    })),
    intercept: m.coefficients[0] ?? null,
    nTrain: m.nTrain,
    nHoldout: m.nHoldout,
    nWon: m.nWon,
    nLost: m.nLost,
    accuracy: m.accuracy,
    auc: m.auc,
    errorCode: m.errorCode,
    trainedAt: m.trainedAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

/** Queues training when enough outcomes exist; refuses with a coded error otherwise. */
export async function requestModelTraining(db: Db, actor: Actor, raw: TrainModelInput): Promise<ModelView> {
  authorizeLeadSetup(actor);
  const input = validateInput(trainModelSchema, raw);
  const [rule] = await db.select({ id: leadScoringRules.id }).from(leadScoringRules).limit(1);
  if (!rule) throw new AppError('lead_model_no_rules');
  const { won, lost } = await countOutcomes(db);
  if (won + lost < input.minOutcomes || won < 2 || lost < 2)
    throw new AppError('lead_model_too_few_outcomes', { need: input.minOutcomes, won, lost });
  return db.transaction(async (tx) => {
    const [busy] = await tx
      .select({ status: leadScoreModels.status })
      .from(leadScoreModels)
      .where(
        and(
          inArray(leadScoreModels.status, ['queued', 'running']),
          gt(leadScoreModels.createdAt, sql`now() - interval '1 hour'`),
        ),
      )
      .limit(1);
    if (busy) throw new AppError('lead_model_training_running', { status: busy.status });
    const [model] = await tx
      .insert(leadScoreModels)
      .values({ status: 'queued', minOutcomes: input.minOutcomes, requestedBy: actor.principal.userId ?? null })
      .returning();
    if (!model) throw new Error('insert returned nothing');
    await emitEvent(tx, {
      topic: MODEL_TRAINING_REQUESTED,
      aggregateType: 'lead_score_model',
      aggregateId: model.id,
      payload: { modelId: model.id },
    });
    await recordAudit(tx, actor, {
      entityType: 'lead_score_model',
      entityId: model.id,
      action: 'train',
      changes: { minOutcomes: { before: null, after: input.minOutcomes } },
    });
    return toModelView(model);
  });
}

/** The model scoring leads now, the newest request, and how many outcomes exist. */
export async function modelStatus(db: Db, actor: Actor) {
  authorize(actor.principal, 'sales', 'read');
  const [current] = await db
    .select()
    .from(leadScoreModels)
    .where(eq(leadScoreModels.status, 'trained'))
    .orderBy(desc(leadScoreModels.trainedAt))
    .limit(1);
  const [latest] = await db.select().from(leadScoreModels).orderBy(desc(leadScoreModels.createdAt)).limit(1);
  return {
    current: current ? toModelView(current) : null,
    latest: latest ? toModelView(latest) : null,
    outcomes: await countOutcomes(db),
    minOutcomes: DEFAULT_MIN_OUTCOMES,
  };
}
