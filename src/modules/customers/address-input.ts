import { z } from '@hono/zod-openapi';
import type { FieldError } from '../../core/http/problem.ts';
import type { customerAddresses } from './schema.ts';

export const ADDRESS_LABELS = ['home', 'work', 'billing', 'shipping', 'other'] as const;

export type AddressRow = typeof customerAddresses.$inferSelect;

/** Trimmed text; "" clears the part. */
function part(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();
}

const countryField = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    if (!/^[A-Z]{2}$/.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message: 'a country is a 2-letter ISO code such as TH',
        params: { th: 'ประเทศต้องเป็นรหัส ISO 2 ตัวอักษร เช่น TH' },
      });
    }
  })
  .openapi({ example: 'TH' });

const fields = {
  label: z.enum(ADDRESS_LABELS),
  addressLine: part(300).openapi({ example: '99/1 ถนนสุขุมวิท' }),
  subDistrict: part(100).openapi({ example: 'คลองเตยเหนือ' }),
  district: part(100).openapi({ example: 'วัฒนา' }),
  province: part(100).openapi({ example: 'กรุงเทพมหานคร' }),
  postcode: part(20).openapi({ description: 'In Thailand 5 digits, 10000–96999', example: '10110' }),
  country: countryField,
};

const PARTS = ['addressLine', 'subDistrict', 'district', 'province', 'postcode'] as const;

export const createAddressSchema = z
  .object({ ...fields, label: fields.label.default('other'), country: fields.country.default('TH') })
  .partial({ addressLine: true, subDistrict: true, district: true, province: true, postcode: true })
  .superRefine((v, ctx) => {
    if (!PARTS.some((p) => v[p])) {
      ctx.addIssue({
        code: 'custom',
        path: ['addressLine'],
        message: 'an address needs at least one of: address line, sub-district, district, province, postcode',
        params: { th: 'ที่อยู่ต้องมีอย่างน้อยหนึ่งส่วน: ที่อยู่ ตำบล/แขวง อำเภอ/เขต จังหวัด หรือรหัสไปรษณีย์' },
      });
    }
  })
  .openapi('CreateAddress');
export type CreateAddressInput = z.input<typeof createAddressSchema>;

export const updateAddressSchema = z.object(fields).partial().openapi('UpdateAddress');
export type UpdateAddressInput = z.input<typeof updateAddressSchema>;

/** Thai postcodes are 5 digits, 10000–96999; elsewhere any short code is accepted. */
export function postcodeProblem(country: string, postcode: string | null | undefined): FieldError | undefined {
  if (!postcode) return undefined;
  if (country === 'TH') {
    const n = Number(postcode);
    if (!/^\d{5}$/.test(postcode) || n < 10000 || n > 96999) {
      return {
        path: 'postcode',
        message: 'a Thai postcode is 5 digits, 10000–96999',
        th: 'รหัสไปรษณีย์ไทยมี 5 หลัก ตั้งแต่ 10000 ถึง 96999',
      };
    }
  }
  return undefined;
}

export const addressViewSchema = z
  .object({
    id: z.string().uuid(),
    customerId: z.string().uuid(),
    label: z.enum(ADDRESS_LABELS),
    addressLine: z.string().nullable(),
    subDistrict: z.string().nullable(),
    district: z.string().nullable(),
    province: z.string().nullable(),
    postcode: z.string().nullable(),
    country: z.string(),
    createdAt: z.string(),
  })
  .openapi('Address');
export type AddressView = z.infer<typeof addressViewSchema>;

export function toAddressView(row: AddressRow): AddressView {
  return {
    id: row.id,
    customerId: row.customerId,
    label: row.label as AddressView['label'],
    addressLine: row.addressLine,
    subDistrict: row.subDistrict,
    district: row.district,
    province: row.province,
    postcode: row.postcode,
    country: row.country,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The audit view of an address: its parts. */
export function auditableAddress(row: AddressRow) {
  const { createdAt: _c, customerId: _k, ...rest } = row;
  return rest;
}
