import { z } from '@hono/zod-openapi';
import { CUSTOMER_TYPES } from '../customers/index.ts';
import { currencySchema } from './product-input.ts';
import type { priceListItems, priceLists } from './schema.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const priceListItemSchema = z
  .object({
    productId: z.string().uuid(),
    minQuantity: z.number().int().min(1).max(1_000_000).default(1),
    unitPriceSatang: z.number().int().min(0).max(1_000_000_000_000),
  })
  .strict();

const priceListFields = {
  nameTh: z.string().trim().min(1).max(200).openapi({ example: 'ราคาตัวแทนจำหน่าย' }),
  nameEn: z.string().trim().min(1).max(200).nullable().optional().openapi({ example: 'Reseller prices' }),
  currency: currencySchema.optional().openapi({ description: 'Defaults to the organisation currency.' }),
  customerType: z
    .enum(CUSTOMER_TYPES)
    .nullable()
    .optional()
    .openapi({ description: 'Applies to customers of this type (and the tag, if set too).' }),
  customerTag: z.string().trim().min(1).max(100).nullable().optional().openapi({ example: 'vip' }),
  priority: z.number().int().min(-1000).max(1000).optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  active: z.boolean().optional(),
  items: z
    .array(priceListItemSchema)
    .max(10_000)
    .optional()
    .openapi({ description: 'On update, the whole new set of prices (replaces the old ones).' }),
};

function checkList(
  v: {
    validFrom?: string | null | undefined;
    validTo?: string | null | undefined;
    items?: { productId: string; minQuantity: number }[] | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if (v.validFrom && v.validTo && v.validTo < v.validFrom)
    ctx.addIssue({
      code: 'custom',
      path: ['validTo'],
      message: 'must not be before validFrom',
      params: { th: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น' },
    });
  const seen = new Set<string>();
  v.items?.forEach((item, i) => {
    const key = `${item.productId}:${item.minQuantity}`;
    if (seen.has(key))
      ctx.addIssue({
        code: 'custom',
        path: ['items', i],
        message: 'the same product and minimum quantity twice',
        params: { th: 'สินค้าและจำนวนขั้นต่ำเดียวกันซ้ำกัน' },
      });
    seen.add(key);
  });
}

export const createPriceListSchema = z
  .object(priceListFields)
  .strict()
  .superRefine(checkList)
  .openapi('PriceListCreate');
export type CreatePriceListInput = z.input<typeof createPriceListSchema>;
export const updatePriceListSchema = z
  .object(priceListFields)
  .partial()
  .strict()
  .superRefine(checkList)
  .openapi('PriceListUpdate');
export type UpdatePriceListInput = z.input<typeof updatePriceListSchema>;

export const priceListViewSchema = z
  .object({
    id: z.string().uuid(),
    nameTh: z.string(),
    nameEn: z.string().nullable(),
    currency: z.string(),
    customerType: z.string().nullable(),
    customerTag: z.string().nullable(),
    priority: z.number().int(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    active: z.boolean(),
    items: z.array(
      z.object({ productId: z.string(), minQuantity: z.number().int(), unitPriceSatang: z.number().int() }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PriceList');
export type PriceListView = z.infer<typeof priceListViewSchema>;

export function toPriceListView(
  row: typeof priceLists.$inferSelect,
  items: (typeof priceListItems.$inferSelect)[],
): PriceListView {
  return {
    ...row,
    items: items.map(({ productId, minQuantity, unitPriceSatang }) => ({ productId, minQuantity, unitPriceSatang })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
