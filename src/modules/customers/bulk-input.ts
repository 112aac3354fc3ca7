import { z } from '@hono/zod-openapi';

/** The most customers one bulk change may touch: keeps the transaction and its locks short. */
export const BULK_LIMIT = 5000;

export const BULK_ACTIONS = ['add_tag', 'remove_tag', 'assign_owner'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

const filterValue = z.union([z.string().max(200), z.array(z.string().max(200)).max(20)]);

/** Which customers: the ids picked, or every customer matching the list's filters. */
export const bulkTargetSchema = z
  .object({
    ids: z
      .array(z.uuid())
      .min(1)
      .max(BULK_LIMIT)
      .optional()
      .openapi({ description: `Customers picked one by one (at most ${BULK_LIMIT}).` }),
    filter: z
      .record(z.string().max(60), filterValue)
      .optional()
      .openapi({ description: 'The filters of GET /customers (q, tag, ownerId, source, cf.<key>, …): every match.' }),
  })
  .strict()
  .refine((v) => (v.ids === undefined) !== (v.filter === undefined), {
    message: 'give either ids or filter',
    params: { th: 'ระบุ ids หรือ filter อย่างใดอย่างหนึ่ง' },
  });
export type BulkTarget = z.output<typeof bulkTargetSchema>;

const tag = z.string().trim().min(1).max(50);

export const bulkChangeSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    ids: z.array(z.uuid()).min(1).max(BULK_LIMIT).optional(),
    filter: z.record(z.string().max(60), filterValue).optional(),
    tag: tag.optional().openapi({ description: 'For add_tag and remove_tag.' }),
    ownerId: z.uuid().nullable().optional().openapi({ description: 'For assign_owner; null leaves them unowned.' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.ids === undefined) === (v.filter === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ids'],
        message: 'give either ids or filter',
        params: { th: 'ระบุ ids หรือ filter อย่างใดอย่างหนึ่ง' },
      });
    }
    if ((v.action === 'add_tag' || v.action === 'remove_tag') && v.tag === undefined) {
      ctx.addIssue({ code: 'custom', path: ['tag'], message: 'give the tag', params: { th: 'กรุณาระบุแท็ก' } });
    }
    if (v.action === 'assign_owner' && v.ownerId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ownerId'],
        message: 'give the new owner (or null for none)',
        params: { th: 'กรุณาระบุผู้ดูแลคนใหม่ (หรือ null หากไม่มี)' },
      });
    }
  })
  .openapi('CustomerBulkChange');
export type BulkChangeInput = z.input<typeof bulkChangeSchema>;

export const bulkResultSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    matched: z.number().int().openapi({ description: 'Customers selected that you may change.' }),
    changed: z.number().int(),
    unchanged: z.number().int().openapi({ description: 'Already so (e.g. had the tag).' }),
    skipped: z.number().int().openapi({
      description: 'Picked ids you may not change (not yours, merged, erased or unknown) or at the tag limit.',
    }),
  })
  .openapi('CustomerBulkResult');
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const bulkPreviewSchema = z
  .object({
    matched: z.number().int().openapi({ description: 'Customers selected that you may change.' }),
    limit: z.number().int(),
  })
  .openapi('CustomerBulkPreview');
export type BulkPreview = z.infer<typeof bulkPreviewSchema>;
