import { z } from '@hono/zod-openapi';
import { CHOICE_KEYS } from './merge-fields.ts';

const customerId = z.uuid();

export const mergeCustomersSchema = z
  .object({
    survivorId: customerId.openapi({ description: 'The profile that remains.' }),
    mergedIds: z
      .array(customerId)
      .min(1)
      .max(20)
      .openapi({ description: 'Profiles folded into the survivor (they become merged tombstones).' }),
    fieldChoices: z
      .partialRecord(z.enum(CHOICE_KEYS), customerId)
      .optional()
      .openapi({
        description:
          'Per field (or group: address, owner), the id of the profile whose value survives. ' +
          "Default: the survivor's value when it has one, else the most recently updated profile's.",
      }),
  })
  .openapi('MergeCustomersInput');
export type MergeCustomersInput = z.input<typeof mergeCustomersSchema>;

export const dismissDuplicateSchema = z
  .object({
    customerIds: z.array(customerId).length(2),
    reason: z.string().trim().max(500).optional(),
  })
  .openapi('DismissDuplicateInput');
export type DismissDuplicateInput = z.input<typeof dismissDuplicateSchema>;

export const findDuplicatesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  customerId: customerId.optional().openapi({ description: "Only this profile's candidates." }),
  minScore: z.coerce.number().int().min(0).max(100).default(50),
});
export type FindDuplicatesInput = z.input<typeof findDuplicatesQuerySchema>;

export const mergeIdParamSchema = z.object({
  mergeId: z.uuid().openapi({ param: { name: 'mergeId', in: 'path' } }),
});
