import { z } from '@hono/zod-openapi';
import { LEAD_SOURCES } from './lead-input.ts';
import type { leadAssignmentRules } from './schema.ts';

export const ASSIGNMENT_KINDS = ['round_robin', 'territory', 'source'] as const;

const ruleFields = {
  name: z.string().trim().min(1).max(100).openapi({ example: 'ภาคเหนือ → ทีมเชียงใหม่' }),
  position: z.number().int().min(0).max(10_000).openapi({ description: 'Rules are tried from the lowest.' }),
  kind: z.enum(ASSIGNMENT_KINDS),
  provinces: z
    .array(z.string().trim().min(1).max(100))
    .max(77)
    .openapi({ example: ['เชียงใหม่', 'ลำพูน'] }),
  sources: z.array(z.enum(LEAD_SOURCES)).max(LEAD_SOURCES.length),
  userIds: z.array(z.string().uuid()).max(100).openapi({ description: 'Take turns in this order.' }),
  teamId: z.string().uuid().nullable().openapi({ description: "With no userIds: the team's active members." }),
  active: z.boolean(),
};

export const createAssignmentRuleSchema = z
  .object(ruleFields)
  .partial({ position: true, provinces: true, sources: true, userIds: true, teamId: true, active: true })
  .strict()
  .openapi('CreateLeadAssignmentRule');
export type CreateAssignmentRuleInput = z.input<typeof createAssignmentRuleSchema>;

export const updateAssignmentRuleSchema = z.object(ruleFields).partial().strict().openapi('UpdateLeadAssignmentRule');
export type UpdateAssignmentRuleInput = z.input<typeof updateAssignmentRuleSchema>;

export const assignmentRuleViewSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    position: z.number().int(),
    kind: z.enum(ASSIGNMENT_KINDS),
    provinces: z.array(z.string()),
    sources: z.array(z.string()),
    userIds: z.array(z.string().uuid()),
    teamId: z.string().uuid().nullable(),
    turn: z.number().int().openapi({ description: 'Leads handed out so far by this rule.' }),
    active: z.boolean(),
  })
  .openapi('LeadAssignmentRule');
export type AssignmentRuleView = z.infer<typeof assignmentRuleViewSchema>;

export function toAssignmentRuleView(r: typeof leadAssignmentRules.$inferSelect): AssignmentRuleView {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    kind: r.kind as AssignmentRuleView['kind'],
    provinces: r.provinces,
    sources: r.sources,
    userIds: r.userIds,
    teamId: r.teamId,
    turn: Number(r.turn),
    active: r.active,
  };
}
