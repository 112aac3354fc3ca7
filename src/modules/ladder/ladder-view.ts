import { z } from '@hono/zod-openapi';
import { LADDER_CHANGE_SOURCES, LADDER_STAGES } from './stages.ts';

export const stageSchema = z.enum(LADDER_STAGES).openapi('LadderStage');

const factsSchema = z.object({
  purchases: z.number().int(),
  referrals: z.number().int(),
  matched: z.string().openapi({ description: 'purchases | referrals | tag | customer_type | none' }),
});

export const ladderHistoryEntrySchema = z
  .object({
    id: z.string(),
    fromStage: stageSchema.nullable(),
    toStage: stageSchema,
    at: z.string(),
    source: z.enum(LADDER_CHANGE_SOURCES),
    reason: z.string().nullable(),
    actorName: z.string().nullable(),
  })
  .openapi('LadderHistoryEntry');

export const customerLadderViewSchema = z
  .object({
    customerId: z.string(),
    stage: stageSchema,
    ruleStage: stageSchema.openapi({ description: 'The stage the rules give; differs from stage under an override.' }),
    since: z.string().nullable(),
    computedAt: z.string().nullable().openapi({ description: 'Null until the rules have judged this customer.' }),
    facts: factsSchema,
    override: z
      .object({ stage: stageSchema, reason: z.string(), byName: z.string().nullable(), at: z.string() })
      .nullable(),
    history: z.array(ladderHistoryEntrySchema),
  })
  .openapi('CustomerLadder');
export type CustomerLadderView = z.infer<typeof customerLadderViewSchema>;

export const stageCountsSchema = z
  .object({
    total: z.number().int(),
    stages: z.array(z.object({ stage: stageSchema, count: z.number().int() })),
  })
  .openapi('LadderStageCounts');
export type StageCounts = z.infer<typeof stageCountsSchema>;

export const overrideInputSchema = z
  .object({
    stage: stageSchema,
    reason: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .openapi({ description: 'Why staff set this stage (shown in the history).' }),
  })
  .strict()
  .openapi('LadderOverride');
export type OverrideInput = z.infer<typeof overrideInputSchema>;

export const recomputeResultSchema = z
  .object({ evaluated: z.number().int(), changed: z.number().int() })
  .openapi('LadderRecompute');
