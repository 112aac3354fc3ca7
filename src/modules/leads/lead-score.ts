import type { ScoreReason } from './schema.ts';

/**
 * Rule scoring, pure: a lead's profile fit plus its behaviour, each event worth its rule's
 * points halved every `halfLifeDays` since it happened, summed and clamped to 0–100.
 * The same rule arithmetic gives the learned model its features (lead-features.ts).
 */
export const FIT_FIELDS = [
  'source',
  'province',
  'company',
  'jobTitle',
  'email',
  'emailDomain',
  'phone',
  'lineId',
] as const;
export type FitField = (typeof FIT_FIELDS)[number];
/** equals: any of the values (case-insensitive); contains: any value is a part of it; present: not empty. */
export const FIT_OPERATORS = ['equals', 'contains', 'present'] as const;
export type FitOperator = (typeof FIT_OPERATORS)[number];

export const LEAD_EVENT_KINDS = [
  'form_fill',
  'email_open',
  'email_click',
  'visit',
  'reply',
  'call',
  'meeting',
  'note',
] as const;
export type LeadEventKind = (typeof LEAD_EVENT_KINDS)[number];

export interface ScoringRule {
  id: string;
  name: string;
  kind: string;
  field: string | null;
  operator: string | null;
  values: string[];
  eventKind: string | null;
  points: number;
  halfLifeDays: number | null;
  maxEvents: number;
}

export interface LeadFacts {
  source: string;
  province: string | null;
  company: string | null;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  lineId: string | null;
}

export interface LeadEventFact {
  kind: string;
  occurredAt: Date;
}

const DAY_MS = 86_400_000;

function fieldValue(lead: LeadFacts, field: string | null): string | null {
  if (field === 'emailDomain') return lead.email?.split('@')[1] ?? null;
  if (field && field in lead) return (lead as unknown as Record<string, string | null>)[field] ?? null;
  return null;
}

/** Whether a fit rule holds for the lead. */
export function fitMatches(rule: Pick<ScoringRule, 'field' | 'operator' | 'values'>, lead: LeadFacts): boolean {
  const value = fieldValue(lead, rule.field)?.trim().toLowerCase() ?? '';
  if (rule.operator === 'present') return value !== '';
  if (value === '') return false;
  const wanted = rule.values.map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (rule.operator === 'equals') return wanted.includes(value);
  if (rule.operator === 'contains') return wanted.some((w) => value.includes(w));
  return false;
}

/** ½^(age / half-life) for one event; 1 without a half-life; events dated ahead count as now. */
export function decayFactor(occurredAt: Date, asOf: Date, halfLifeDays: number | null): number {
  if (!halfLifeDays || halfLifeDays <= 0) return 1;
  const ageDays = Math.max(0, (asOf.getTime() - occurredAt.getTime()) / DAY_MS);
  return 0.5 ** (ageDays / halfLifeDays);
}

/** The decayed weight of a behaviour rule's events: the most recent `maxEvents` of its kind, each ½^(age/half-life). */
export function behaviourWeight(
  rule: Pick<ScoringRule, 'eventKind' | 'halfLifeDays' | 'maxEvents'>,
  events: readonly LeadEventFact[],
  asOf: Date,
): { weight: number; count: number } {
  const mine = events
    .filter((e) => e.kind === rule.eventKind && e.occurredAt <= asOf)
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())
    .slice(0, Math.max(0, rule.maxEvents));
  const weight = mine.reduce((sum, e) => sum + decayFactor(e.occurredAt, asOf, rule.halfLifeDays), 0);
  return { weight, count: mine.length };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export interface RuleScore {
  score: number;
  reasons: ScoreReason[];
}

/** The 0–100 rule score with one reason per rule that counted, biggest effect first. */
export function ruleScore(
  rules: readonly ScoringRule[],
  lead: LeadFacts,
  events: readonly LeadEventFact[],
  asOf: Date,
): RuleScore {
  const reasons: ScoreReason[] = [];
  let total = 0;
  for (const rule of rules) {
    if (rule.kind === 'fit') {
      if (!fitMatches(rule, lead)) continue;
      total += rule.points;
      reasons.push({ ruleId: rule.id, name: rule.name, kind: 'fit', points: rule.points, decayedPoints: rule.points });
    } else {
      const { weight, count } = behaviourWeight(rule, events, asOf);
      if (count === 0) continue;
      const decayed = rule.points * weight;
      total += decayed;
      reasons.push({
        ruleId: rule.id,
        name: rule.name,
        kind: 'behaviour',
        points: rule.points,
        decayedPoints: round1(decayed),
        events: count,
      });
    }
  }
  reasons.sort((a, b) => Math.abs(b.decayedPoints) - Math.abs(a.decayedPoints));
  return { score: Math.min(100, Math.max(0, Math.round(total))), reasons };
}

/** The model's raw features from rules: fit → 1/0, behaviour → decayed event weight. */
export function ruleFeatures(
  rules: readonly Omit<ScoringRule, 'points' | 'id' | 'name'>[],
  lead: LeadFacts,
  events: readonly LeadEventFact[],
  asOf: Date,
): number[] {
  return rules.map((rule) =>
    rule.kind === 'fit' ? (fitMatches(rule, lead) ? 1 : 0) : behaviourWeight(rule, events, asOf).weight,
  );
}
