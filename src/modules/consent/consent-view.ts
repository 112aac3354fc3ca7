import { z } from '@hono/zod-openapi';
import type { consentPurposes, consentRecords } from './schema.ts';

export type ConsentRecordRow = typeof consentRecords.$inferSelect;
export type ConsentPurposeRow = typeof consentPurposes.$inferSelect;

export const consentRecordViewSchema = z
  .object({
    id: z.string().uuid(),
    purpose: z.string(),
    channel: z.string(),
    status: z.string(),
    lawfulBasis: z.string(),
    source: z.string(),
    textVersion: z.number().int().nullable(),
    note: z.string().nullable(),
    actorUserId: z.string().uuid().nullable(),
    recordedAt: z.string(),
  })
  .openapi('ConsentRecord');
export type ConsentRecordView = z.infer<typeof consentRecordViewSchema>;

export function toConsentRecordView(row: ConsentRecordRow): ConsentRecordView {
  return {
    id: row.id,
    purpose: row.purpose,
    channel: row.channel,
    status: row.status,
    lawfulBasis: row.lawfulBasis,
    source: row.source,
    textVersion: row.textVersion,
    note: row.note,
    actorUserId: row.actorUserId,
    recordedAt: row.recordedAt.toISOString(),
  };
}

export const purposeViewSchema = z
  .object({
    code: z.string(),
    nameTh: z.string(),
    nameEn: z.string(),
    lawfulBasis: z.string(),
    currentVersion: z.number().int(),
    active: z.boolean(),
    textTh: z.string().nullable().openapi({ description: 'The current version of the text, in Thai.' }),
    textEn: z.string().nullable(),
  })
  .openapi('ConsentPurpose');
export type PurposeView = z.infer<typeof purposeViewSchema>;

export function toPurposeView(row: ConsentPurposeRow, text?: { textTh: string; textEn: string }): PurposeView {
  return {
    code: row.code,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    lawfulBasis: row.lawfulBasis,
    currentVersion: row.currentVersion,
    active: row.active,
    textTh: text?.textTh ?? null,
    textEn: text?.textEn ?? null,
  };
}
