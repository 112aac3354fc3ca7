import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { type LeadEventFact, type LeadFacts, ruleFeatures, ruleScore, type ScoringRule } from './lead-score.ts';
import { predict } from './logistic-regression.ts';
import { leadEvents, leadScoreModels, leadScoringRules, leads, type ModelFeature } from './schema.ts';

export interface ScoringContext {
  rules: ScoringRule[];
  model: { features: ModelFeature[]; coefficients: number[] } | null;
}

/** The active scoring rules and the newest trained model, read once per batch. */
export async function loadScoringContext(tx: DbOrTx): Promise<ScoringContext> {
  const rules = await tx
    .select()
    .from(leadScoringRules)
    .where(eq(leadScoringRules.active, true))
    .orderBy(asc(leadScoringRules.createdAt), asc(leadScoringRules.id));
  const [model] = await tx
    .select({ features: leadScoreModels.features, coefficients: leadScoreModels.coefficients })
    .from(leadScoreModels)
    .where(eq(leadScoreModels.status, 'trained'))
    .orderBy(desc(leadScoreModels.trainedAt))
    .limit(1);
  return { rules, model: model ?? null };
}

/** The learned chance (0–100) from a model's frozen features; their rules need not exist any more. */
export function modelScore(
  model: ScoringContext['model'],
  lead: LeadFacts,
  events: readonly LeadEventFact[],
  asOf: Date,
): number | null {
  if (!model || model.features.length === 0) return null;
  const raw = ruleFeatures(model.features, lead, events, asOf);
  const x = raw.map((v, i) => {
    const f = model.features[i];
    return f ? (v - f.mean) / (f.sd || 1) : 0;
  });
  return Math.round(predict(model.coefficients, x) * 100);
}

/** Scores the given leads (rule score, reasons, learned score) and stores them; returns how many. */
export async function rescoreLeads(tx: DbOrTx, ids: readonly string[], ctx?: ScoringContext): Promise<number> {
  if (ids.length === 0) return 0;
  const context = ctx ?? (await loadScoringContext(tx));
  const rows = await tx
    .select()
    .from(leads)
    .where(inArray(leads.id, [...ids]));
  const events = await tx
    .select({ leadId: leadEvents.leadId, kind: leadEvents.kind, occurredAt: leadEvents.occurredAt })
    .from(leadEvents)
    .where(inArray(leadEvents.leadId, [...ids]));
  const byLead = new Map<string, LeadEventFact[]>();
  for (const e of events) byLead.set(e.leadId, [...(byLead.get(e.leadId) ?? []), e]);
  const now = new Date();
  const scored = rows.map((lead) => {
    const mine = byLead.get(lead.id) ?? [];
    const { score, reasons } = ruleScore(context.rules, lead, mine, now);
    return { id: lead.id, score, reasons, model_score: modelScore(context.model, lead, mine, now) };
  });
  // One statement per batch (not one per lead): the rows travel as one JSON parameter.
  await tx.execute(sql`
    update leads l set score = v.score, score_reasons = v.reasons, model_score = v.model_score,
      scored_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(scored)}::jsonb) as v(id uuid, score int, reasons jsonb, model_score int)
    where l.id = v.id`);
  return rows.length;
}

export async function rescoreLead(tx: DbOrTx, id: string): Promise<void> {
  await rescoreLeads(tx, [id]);
}

const BATCH = 500;

/**
 * Rescores every lead that is still open (new, contacted, qualified), in batches of 500,
 * each its own short transaction (PGlite has one connection). Used after rule or model
 * changes and nightly, so decay keeps scores current.
 */
export async function rescoreAllLeads(db: DbOrTx): Promise<number> {
  const ctx = await loadScoringContext(db);
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const page = await db
      .select({ id: leads.id })
      .from(leads)
      .where(and(gt(leads.id, after), inArray(leads.status, ['new', 'contacted', 'qualified'])))
      .orderBy(asc(leads.id))
      .limit(BATCH);
    if (page.length === 0) return total;
    total += await db.transaction((tx) =>
      rescoreLeads(
        tx,
        page.map((p) => p.id),
        ctx,
      ),
    );
    after = page[page.length - 1]?.id ?? after;
  }
}
