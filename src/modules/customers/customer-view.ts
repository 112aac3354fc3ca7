import { z } from '@hono/zod-openapi';
import type { customers } from './schema.ts';

export type CustomerRow = typeof customers.$inferSelect;

export const customerViewSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    displayName: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    firstNameEn: z.string().nullable(),
    lastNameEn: z.string().nullable(),
    nickname: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: 'E.164, e.g. +66812345678' }),
    lineId: z.string().nullable(),
    province: z.string().nullable(),
    district: z.string().nullable(),
    postcode: z.string().nullable(),
    addressLine: z.string().nullable(),
    source: z.string().nullable(),
    tags: z.array(z.string()),
    ownerId: z.string().uuid().nullable(),
    teamId: z.string().uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Customer');
export type CustomerView = z.infer<typeof customerViewSchema>;

export function toCustomerView(row: CustomerRow): CustomerView {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    firstName: row.firstName,
    lastName: row.lastName,
    firstNameEn: row.firstNameEn,
    lastNameEn: row.lastNameEn,
    nickname: row.nickname,
    email: row.email,
    phone: row.phone,
    lineId: row.lineId,
    province: row.province,
    district: row.district,
    postcode: row.postcode,
    addressLine: row.addressLine,
    source: row.source,
    tags: row.tags,
    ownerId: row.ownerId,
    teamId: row.teamId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit view of a customer: every field but the timestamps. */
export function auditableCustomer(row: CustomerRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
