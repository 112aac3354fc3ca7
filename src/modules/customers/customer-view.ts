import { z } from '@hono/zod-openapi';
import type { customers } from './schema.ts';

export type CustomerRow = typeof customers.$inferSelect;

const nullableText = () => z.string().nullable();

export const customerViewSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    customerType: z.string().openapi({ description: 'consumer | reseller | business' }),
    status: z.string().openapi({ description: 'active | merged | erased (read-only)' }),
    mergedIntoId: z
      .string()
      .uuid()
      .nullable()
      .openapi({ description: 'Set when merged: the surviving profile to follow (read-only).' }),
    displayName: z.string(),
    firstName: nullableText(),
    lastName: nullableText(),
    firstNameEn: nullableText(),
    lastNameEn: nullableText(),
    nickname: nullableText(),
    gender: nullableText(),
    birthday: z.string().nullable().openapi({ description: 'YYYY-MM-DD' }),
    language: nullableText(),
    occupation: nullableText(),
    incomeBand: nullableText(),
    interests: z.array(z.string()),
    email: nullableText(),
    phone: z.string().nullable().openapi({ description: 'E.164, e.g. +66812345678' }),
    lineId: nullableText(),
    province: nullableText(),
    district: nullableText(),
    subDistrict: nullableText(),
    postcode: nullableText(),
    addressLine: nullableText(),
    taxId: nullableText(),
    industry: nullableText(),
    companySize: nullableText(),
    website: nullableText(),
    source: nullableText(),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.unknown()),
    referredById: z.string().uuid().nullable(),
    ownerId: z.string().uuid().nullable(),
    teamId: z.string().uuid().nullable(),
    lastContactedAt: z.string().nullable().openapi({ description: 'Read-only; set by the timeline.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Customer');
export type CustomerView = z.infer<typeof customerViewSchema>;

export function toCustomerView(row: CustomerRow): CustomerView {
  return {
    id: row.id,
    kind: row.kind,
    customerType: row.customerType,
    status: row.status,
    mergedIntoId: row.mergedIntoId,
    displayName: row.displayName,
    firstName: row.firstName,
    lastName: row.lastName,
    firstNameEn: row.firstNameEn,
    lastNameEn: row.lastNameEn,
    nickname: row.nickname,
    gender: row.gender,
    birthday: row.birthday,
    language: row.language,
    occupation: row.occupation,
    incomeBand: row.incomeBand,
    interests: row.interests,
    email: row.email,
    phone: row.phone,
    lineId: row.lineId,
    province: row.province,
    district: row.district,
    subDistrict: row.subDistrict,
    postcode: row.postcode,
    addressLine: row.addressLine,
    taxId: row.taxId,
    industry: row.industry,
    companySize: row.companySize,
    website: row.website,
    source: row.source,
    tags: row.tags,
    customFields: row.customFields,
    referredById: row.referredById,
    ownerId: row.ownerId,
    teamId: row.teamId,
    lastContactedAt: row.lastContactedAt ? row.lastContactedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit view of a customer: every stored field but timestamps and derived search text. */
export function auditableCustomer(row: CustomerRow) {
  const { createdAt: _c, updatedAt: _u, searchText: _s, lastContactedAt: _l, ...rest } = row;
  return rest;
}
