import { z } from '@hono/zod-openapi';
import type { products } from './schema.ts';
import { VAT_MODES } from './vat.ts';

export const PRODUCT_KINDS = ['product', 'service'] as const;

const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;
const satang = z
  .number()
  .int()
  .min(0)
  .max(1_000_000_000_000)
  .openapi({ description: 'Whole minor units (satang for THB): ฿1,250.50 is 125050.' });

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'ISO 4217 code such as THB')
  .openapi({ example: 'THB' });

const productFields = {
  sku: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      if (!SKU.test(v))
        ctx.addIssue({
          code: 'custom',
          message: 'SKU: 1–64 letters, digits, . _ - / (starting with a letter or digit)',
          params: { th: 'รหัสสินค้า (SKU) ยาว 1–64 ตัว ใช้ตัวอักษร ตัวเลข . _ - / และขึ้นต้นด้วยตัวอักษรหรือตัวเลข' },
        });
    })
    .openapi({ example: 'CF-LATTE-16' }),
  kind: z.enum(PRODUCT_KINDS),
  nameTh: z.string().trim().min(1).max(200).openapi({ example: 'ลาเต้เย็น 16 ออนซ์' }),
  nameEn: z.string().trim().min(1).max(200).nullable().optional().openapi({ example: 'Iced latte 16 oz' }),
  descriptionTh: z.string().trim().max(5_000).nullable().optional(),
  descriptionEn: z.string().trim().max(5_000).nullable().optional(),
  category: z.string().trim().min(1).max(100).nullable().optional().openapi({ example: 'เครื่องดื่ม' }),
  unit: z.string().trim().min(1).max(30).nullable().optional().openapi({ example: 'แก้ว' }),
  unitPriceSatang: satang,
  currency: currencySchema.optional().openapi({ description: 'Defaults to the organisation currency.' }),
  vatMode: z.enum(VAT_MODES).openapi({ description: 'Whether the price includes VAT (default included).' }),
  vatRateBp: z.number().int().min(0).max(10_000).openapi({ description: 'Basis points: 700 = 7% (the default).' }),
  active: z.boolean(),
};

export const createProductSchema = z
  .object({
    ...productFields,
    kind: productFields.kind.default('product'),
    vatMode: productFields.vatMode.default('included'),
    vatRateBp: productFields.vatRateBp.default(700),
    active: productFields.active.default(true),
  })
  .strict()
  .openapi('ProductCreate');
export type CreateProductInput = z.input<typeof createProductSchema>;

export const updateProductSchema = z.object(productFields).partial().strict().openapi('ProductUpdate');
export type UpdateProductInput = z.input<typeof updateProductSchema>;

export const productViewSchema = z
  .object({
    id: z.string().uuid(),
    sku: z.string(),
    kind: z.enum(PRODUCT_KINDS),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    descriptionTh: z.string().nullable(),
    descriptionEn: z.string().nullable(),
    category: z.string().nullable(),
    unit: z.string().nullable(),
    unitPriceSatang: z.number().int(),
    currency: z.string(),
    vatMode: z.enum(VAT_MODES),
    vatRateBp: z.number().int(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Product');
export type ProductView = z.infer<typeof productViewSchema>;

export function toProductView(row: typeof products.$inferSelect): ProductView {
  return {
    ...row,
    kind: row.kind as ProductView['kind'],
    vatMode: row.vatMode as ProductView['vatMode'],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
