import { z } from '@hono/zod-openapi';
import { FIT_FIELDS, FIT_OPERATORS, LEAD_EVENT_KINDS } from './lead-score.ts';
import type { leadScoringRules } from './schema.ts';

const base = {
  name: z.string().trim().min(1).max(100),
  points: z.number().int().min(-100).max(100),
  active: z.boolean().optional(),
};

const fitRule = z
  .object({
    ...base,
    kind: z.literal('fit'),
    field: z.enum(FIT_FIELDS),
    operator: z.enum(FIT_OPERATORS),
    values: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  })
  .strict()
  .refine((r) => r.operator === 'present' || r.values.length > 0, {
    path: ['values'],
    message: 'equals and contains need at least one value',
    params: { th: 'เงื่อนไข equals และ contains ต้องมีค่าอย่างน้อยหนึ่งค่า' },
  });

const behaviourRule = z
  .object({
    ...base,
    kind: z.literal('behaviour'),
    eventKind: z.enum(LEAD_EVENT_KINDS),
    halfLifeDays: z
      .number()
      .positive()
      .max(3650)
      .nullable()
      .default(30)
      .openapi({ description: 'Each event counts half as much after this many days; null: no decay.' }),
    maxEvents: z.number().int().min(1).max(100).default(10).openapi({ description: 'Only the most recent count.' }),
  })
  .strict();

export const scoringRuleInputSchema = z
  .discriminatedUnion('kind', [fitRule, behaviourRule])
  .openapi('LeadScoringRuleInput');
export type ScoringRuleInput = z.input<typeof scoringRuleInputSchema>;

export const scoringRuleViewSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    kind: z.enum(['fit', 'behaviour']),
    field: z.string().nullable(),
    operator: z.string().nullable(),
    values: z.array(z.string()),
    eventKind: z.string().nullable(),
    points: z.number().int(),
    halfLifeDays: z.number().nullable(),
    maxEvents: z.number().int(),
    active: z.boolean(),
  })
  .openapi('LeadScoringRule');
export type ScoringRuleView = z.infer<typeof scoringRuleViewSchema>;

export function toScoringRuleView(r: typeof leadScoringRules.$inferSelect): ScoringRuleView {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as ScoringRuleView['kind'],
    field: r.field,
    operator: r.operator,
    values: r.values,
    eventKind: r.eventKind,
    points: r.points,
    halfLifeDays: r.halfLifeDays,
    maxEvents: r.maxEvents,
    active: r.active,
  };
}

/** The row columns of a validated rule (the other kind's columns cleared). */
export function scoringRuleColumns(input: z.output<typeof scoringRuleInputSchema>) {
  const common = { name: input.name, kind: input.kind, points: input.points, active: input.active ?? true };
  return input.kind === 'fit'
    ? {
        ...common,
        field: input.field,
        operator: input.operator,
        values: input.operator === 'present' ? [] : input.values,
        eventKind: null,
        halfLifeDays: null,
        maxEvents: 10,
      }
    : {
        ...common,
        field: null,
        operator: null,
        values: [],
        eventKind: input.eventKind,
        halfLifeDays: input.halfLifeDays,
        maxEvents: input.maxEvents,
      };
}
