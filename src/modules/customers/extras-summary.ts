import { z } from '@hono/zod-openapi';
import type { CustomerRow } from './customer-view.ts';

/** The few fields lists of related customers show (contacts, referrals, data-quality lists). */
export const customerSummarySchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    province: z.string().nullable(),
    ownerId: z.string().uuid().nullable(),
    updatedAt: z.string(),
  })
  .openapi('CustomerSummary');
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

export function toCustomerSummary(
  row: Pick<CustomerRow, 'id' | 'kind' | 'displayName' | 'email' | 'phone' | 'province' | 'ownerId' | 'updatedAt'>,
): CustomerSummary {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    email: row.email,
    phone: row.phone,
    province: row.province,
    ownerId: row.ownerId,
    updatedAt: row.updatedAt.toISOString(),
  };
}
