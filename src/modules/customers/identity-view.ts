import { z } from '@hono/zod-openapi';
import { IDENTIFIER_KINDS } from './identifiers.ts';
import type { IdentityRow } from './identity-claim.ts';
import { IDENTITY_STATUSES } from './profile-codes.ts';

export const identityViewSchema = z
  .object({
    id: z.string().uuid(),
    customerId: z.string().uuid(),
    kind: z.string().openapi({ description: IDENTIFIER_KINDS.join(' | ') }),
    system: z.string().openapi({ description: "Source system of an external id; '' for the other kinds." }),
    value: z.string().openapi({ description: 'Normalised: email lower-case, phone E.164.' }),
    isPrimary: z.boolean(),
    status: z.string().openapi({ description: IDENTITY_STATUSES.join(' | ') }),
    statusReason: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
  })
  .openapi('CustomerIdentity');
export type IdentityView = z.infer<typeof identityViewSchema>;

export function toIdentityView(row: IdentityRow): IdentityView {
  return {
    id: row.id,
    customerId: row.customerId,
    kind: row.kind,
    system: row.system,
    value: row.value,
    isPrimary: row.isPrimary,
    status: row.status,
    statusReason: row.statusReason,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
  };
}

/** The audit view: what identifies, not when. */
export function auditableIdentity(row: IdentityRow) {
  const { createdAt: _c, lastSeenAt: _l, ...rest } = row;
  return rest;
}

export const addIdentitySchema = z
  .object({
    kind: z.enum(IDENTIFIER_KINDS),
    value: z.string().max(300).openapi({ example: '081-234-5678' }),
    system: z.string().max(50).optional().openapi({ description: 'Required for kind external, e.g. shopify.' }),
    isPrimary: z.boolean().default(false),
  })
  .strict()
  .openapi('AddCustomerIdentity');
export type AddIdentityInput = z.input<typeof addIdentitySchema>;

export const updateIdentitySchema = z
  .object({
    status: z.enum(IDENTITY_STATUSES).optional(),
    statusReason: z
      .string()
      .trim()
      .max(300)
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional(),
    isPrimary: z.boolean().optional(),
  })
  .strict()
  .openapi('UpdateCustomerIdentity');
export type UpdateIdentityInput = z.input<typeof updateIdentitySchema>;
