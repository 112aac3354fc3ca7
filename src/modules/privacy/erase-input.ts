import { z } from '@hono/zod-openapi';

export const eraseCustomerSchema = z
  .object({
    confirm: z
      .boolean()
      .refine((v) => v, { message: 'must be true to confirm erasure', params: { th: 'ต้องเป็น true เพื่อยืนยันการลบข้อมูล' } })
      .openapi({ description: 'Must be true: erasure cannot be undone.' }),
    reason: z
      .string()
      .trim()
      .max(500)
      .optional()
      .openapi({ description: 'Why (e.g. "request by email of 2026-11-20"). Do not put personal data here.' }),
  })
  .openapi('EraseCustomer');
export type EraseCustomerInput = z.input<typeof eraseCustomerSchema>;

export const eraseResultSchema = z
  .object({
    requestId: z.string().uuid(),
    customerId: z.string().uuid(),
    erasedAt: z.string(),
    /** Rows deleted, blanked or kept per table; no personal data. */
    counts: z.record(z.string(), z.number().int()),
  })
  .openapi('EraseResult');
export type EraseResult = z.infer<typeof eraseResultSchema>;
