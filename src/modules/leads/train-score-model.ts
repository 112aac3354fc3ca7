import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { AppError, isAppError } from '../../core/errors/app-error.ts';
import { type LeadOutcome, loadOutcomes } from './lead-outcomes.ts';
import { ruleFeatures } from './lead-score.ts';
import { auc, fitLogistic, predict } from './logistic-regression.ts';
import { loadScoringContext, rescoreAllLeads } from './rescore-lead.ts';
import { leadScoreModels, type ModelFeature } from './schema.ts';

/** One lead in five is held out for testing, chosen by its id so a retrain holds out the same ones. */
export function isHoldout(id: string): boolean {
  return (createHash('sha256').update(id).digest()[0] ?? 0) < 52;
}

export interface TrainedModel {
  features: ModelFeature[];
  coefficients: number[];
  nTrain: number;
  nHoldout: number;
  accuracy: number | null;
  auc: number | null;
}

/** Standardises the training columns, fits, and measures the held-out leads. Pure. */
export function trainOn(
  featureRules: Omit<ModelFeature, 'mean' | 'sd'>[],
  outcomes: readonly LeadOutcome[],
  lambda = 1,
): TrainedModel {
  const rows = outcomes.map((o) => ({ o, x: ruleFeatures(featureRules, o, o.events, o.decidedAt) }));
  const train = rows.filter((r) => !isHoldout(r.o.id));
  const test = rows.filter((r) => isHoldout(r.o.id));
  const features: ModelFeature[] = featureRules.map((rule, j) => {
    const col = train.map((r) => r.x[j] ?? 0);
    const mean = col.reduce((a, b) => a + b, 0) / Math.max(1, col.length);
    const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, col.length));
    return { ...rule, mean, sd: sd > 1e-9 ? sd : 1 };
  });
  const scale = (x: number[]) => x.map((v, j) => (v - (features[j]?.mean ?? 0)) / (features[j]?.sd ?? 1));
  const fit = fitLogistic(
    train.map((r) => scale(r.x)),
    train.map((r) => r.o.won),
    { lambda },
  );
  const p = test.map((r) => predict(fit.coefficients, scale(r.x)));
  const labels = test.map((r) => r.o.won);
  const correct = p.filter((pi, i) => (pi >= 0.5 ? 1 : 0) === labels[i]).length;
  return {
    features,
    coefficients: fit.coefficients,
    nTrain: train.length,
    nHoldout: test.length,
    accuracy: test.length ? correct / test.length : null,
    auc: auc(p, labels),
  };
}

/**
 * The job behind POST /leads/score-model/train: fits on every decided lead with the active
 * scoring rules as features, stores coefficients with held-out accuracy and AUC, then
 * rescores open leads. Too few outcomes (or no rules) mark the model failed with the code.
 */
export async function trainScoreModel(db: Db, modelId: string): Promise<typeof leadScoreModels.$inferSelect> {
  const [model] = await db
    .update(leadScoreModels)
    .set({ status: 'running' })
    .where(eq(leadScoreModels.id, modelId))
    .returning();
  if (!model) throw new AppError('not_found');
  try {
    const { rules } = await loadScoringContext(db);
    if (rules.length === 0) throw new AppError('lead_model_no_rules');
    const outcomes = await loadOutcomes(db);
    const won = outcomes.filter((o) => o.won === 1).length;
    const lost = outcomes.length - won;
    if (outcomes.length < model.minOutcomes || won < 2 || lost < 2)
      throw new AppError('lead_model_too_few_outcomes', { need: model.minOutcomes, won, lost });
    const trained = trainOn(
      rules.map((r) => ({
        ruleId: r.id,
        name: r.name,
        kind: r.kind as ModelFeature['kind'],
        field: r.field,
        operator: r.operator,
        values: r.values,
        eventKind: r.eventKind,
        halfLifeDays: r.halfLifeDays,
        maxEvents: r.maxEvents,
      })),
      outcomes,
    );
    const [done] = await db
      .update(leadScoreModels)
      .set({ status: 'trained', ...trained, nWon: won, nLost: lost, trainedAt: new Date(), errorCode: null })
      .where(eq(leadScoreModels.id, modelId))
      .returning();
    await rescoreAllLeads(db);
    return done ?? model;
  } catch (err) {
    if (!isAppError(err)) {
      await db
        .update(leadScoreModels)
        .set({ status: 'failed', errorCode: 'internal' })
        .where(eq(leadScoreModels.id, modelId));
      throw err;
    }
    const [failed] = await db
      .update(leadScoreModels)
      .set({ status: 'failed', errorCode: err.code })
      .where(eq(leadScoreModels.id, modelId))
      .returning();
    return failed ?? model;
  }
}
