import { z } from '@hono/zod-openapi';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

const name = z.string().trim().min(1).max(100);

export const stageInputSchema = z
  .object({
    nameTh: name.openapi({ example: 'เสนอราคา' }),
    nameEn: name.nullish().openapi({ example: 'Proposal' }),
    probability: z.number().int().min(0).max(100).openapi({ description: 'Win probability, 0–100 %.', example: 50 }),
    kind: z.enum(STAGE_KINDS).default('open'),
    position: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .optional()
      .openapi({ description: 'Column on the board; default last.' }),
  })
  .strict();
export type StageInput = z.input<typeof stageInputSchema>;

export const updateStageSchema = z
  .object({
    nameTh: name.optional(),
    nameEn: name.nullish(),
    probability: z.number().int().min(0).max(100).optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type UpdateStageInput = z.input<typeof updateStageSchema>;

export const createPipelineSchema = z
  .object({
    nameTh: name.openapi({ example: 'งานโครงการ' }),
    nameEn: name.nullish().openapi({ example: 'Projects' }),
    isDefault: z.boolean().default(false),
    position: z.number().int().min(0).max(1000).optional(),
    stages: z.array(stageInputSchema).min(1).max(30),
  })
  .strict();
export type CreatePipelineInput = z.input<typeof createPipelineSchema>;

export const updatePipelineSchema = z
  .object({
    nameTh: name.optional(),
    nameEn: name.nullish(),
    isDefault: z.literal(true).optional().openapi({ description: 'Make this the default pipeline.' }),
    archived: z.boolean().optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type UpdatePipelineInput = z.input<typeof updatePipelineSchema>;
