import { z } from '@hono/zod-openapi';
import { validThaiTaxId } from './thai-tax-id.ts';

/** The head office, as the Revenue Department's branch code 00000 is printed. */
export const HEAD_OFFICE = 'head_office';

const BRANCH = /^\d{5}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The seller printed on quotes (and later invoices): legal name, address, tax id with
 * its branch, phone and email. Every field may be empty ('') until the owner fills it in.
 */
export const sellerSettingsSchema = z
  .object({
    legalName: z.string().trim().max(200).openapi({ example: 'บริษัท สัมพันธ์ จำกัด' }),
    address: z.string().trim().max(500),
    taxId: z
      .string()
      .refine((v) => v === '' || /^\d{13}$/.test(v), {
        message: 'a Thai tax id has 13 digits',
        params: { th: 'เลขประจำตัวผู้เสียภาษีไทยมี 13 หลัก' },
      })
      .refine((v) => v === '' || !/^\d{13}$/.test(v) || validThaiTaxId(v), {
        message: 'the tax id check digit (the last digit) is wrong; check for a typo',
        params: { th: 'เลขตรวจสอบ (หลักสุดท้าย) ของเลขประจำตัวผู้เสียภาษีไม่ถูกต้อง กรุณาตรวจสอบการพิมพ์' },
      })
      .openapi({ description: '13 digits, check digit verified ("" when not set)', example: '0105536000313' }),
    branch: z
      .string()
      .refine((v) => v === '' || v === HEAD_OFFICE || BRANCH.test(v), {
        message: 'head_office or a 5-digit branch number such as 00001',
        params: { th: 'ต้องเป็น head_office (สำนักงานใหญ่) หรือเลขสาขา 5 หลัก เช่น 00001' },
      })
      .openapi({ description: '"head_office" (สำนักงานใหญ่) or a 5-digit branch number', example: HEAD_OFFICE }),
    phone: z.string().trim().max(40).openapi({ example: '02 123 4567' }),
    email: z
      .string()
      .trim()
      .max(254)
      .refine((v) => v === '' || EMAIL.test(v), {
        message: 'not a valid email address',
        params: { th: 'อีเมลไม่ถูกต้อง' },
      }),
  })
  .openapi('SellerSettings');
export type SellerSettings = z.infer<typeof sellerSettingsSchema>;

export const DEFAULT_SELLER: SellerSettings = {
  legalName: '',
  address: '',
  taxId: '',
  branch: '',
  phone: '',
  email: '',
};

/**
 * What a PATCH may send: the same fields, each optional; a tax id may carry spaces or
 * dashes (0-1055-36000-31-3) and a branch number fewer digits (1 → 00001).
 */
export const sellerSettingsPatchSchema = z
  .object({
    ...sellerSettingsSchema.shape,
    taxId: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s-]/g, ''))
      .pipe(sellerSettingsSchema.shape.taxId),
    branch: z
      .string()
      .trim()
      .transform((v) => (/^\d{1,5}$/.test(v) ? v.padStart(5, '0') : v))
      .pipe(sellerSettingsSchema.shape.branch),
  })
  .partial()
  .strict();
