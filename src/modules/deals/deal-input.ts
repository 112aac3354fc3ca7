import { z } from '@hono/zod-openapi';

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

const satang = z.number().int().min(0).max(9_000_000_000_000_000);

export const dealProductInputSchema = z
  .object({
    productId: z.string().uuid(),
    quantity: z.number().int().min(1).max(1_000_000).default(1),
    unitPriceSatang: satang.optional().openapi({ description: "Negotiated price; default the product's price." }),
  })
  .strict();

export const createDealSchema = z
  .object({
    customerId: z.string().uuid(),
    title: z.string().trim().min(1).max(200).openapi({ example: 'เครื่องชงกาแฟ 3 เครื่อง' }),
    pipelineId: z.string().uuid().optional().openapi({ description: 'Default: the default pipeline.' }),
    stageId: z.string().uuid().optional().openapi({ description: "Default: the pipeline's first open stage." }),
    valueSatang: satang.optional().openapi({ description: 'Default: the sum of the products.', example: 4_500_000 }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional()
      .openapi({ example: 'THB' }),
    expectedCloseOn: z.iso.date().optional().openapi({ example: '2026-12-31' }),
    ownerId: z.string().uuid().optional().openapi({ description: 'Default: the caller.' }),
    note: z.string().trim().max(2000).optional(),
    products: z.array(dealProductInputSchema).max(100).default([]),
  })
  .strict();
export type CreateDealInput = z.input<typeof createDealSchema>;

export const updateDealSchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    valueSatang: satang.optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    expectedCloseOn: z.iso.date().nullish(),
    ownerId: z.string().uuid().optional(),
    note: z.string().trim().max(2000).nullish(),
    products: z.array(dealProductInputSchema).max(100).optional().openapi({ description: 'Replaces the products.' }),
  })
  .strict();
export type UpdateDealInput = z.input<typeof updateDealSchema>;

export const moveDealSchema = z
  .object({
    stageId: z.string().uuid(),
    position: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: "0-based place among the stage's open deals the caller sees; default last." }),
    lostReason: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: 'Needed to move to a lost stage.' }),
  })
  .strict();
export type MoveDealInput = z.input<typeof moveDealSchema>;

export const wonSchema = z.object({ note: z.string().trim().max(500).optional() }).strict();
export const lostSchema = z
  .object({ reason: z.string().trim().max(500).optional().openapi({ description: 'Required.' }) })
  .strict();
