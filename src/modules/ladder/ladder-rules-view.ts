import { z } from '@hono/zod-openapi';
import { type LadderRules, ladderRulesSchema } from './ladder-rules.ts';

export const ladderRulesViewSchema = z
  .object({
    rules: ladderRulesSchema,
    defaults: ladderRulesSchema,
    updatedAt: z.string().nullable(),
  })
  .openapi('LadderRulesView');
export type LadderRulesView = z.infer<typeof ladderRulesViewSchema>;

export function toRulesView(rules: LadderRules, defaults: LadderRules, updatedAt: Date | null): LadderRulesView {
  return { rules, defaults, updatedAt: updatedAt?.toISOString() ?? null };
}
