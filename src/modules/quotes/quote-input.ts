import { z } from '@hono/zod-openapi';
import { VAT_MODES } from '../products/index.ts';

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const QUOTE_LANGUAGES = ['th', 'en'] as const;
export const MAX_QUOTE_LINES = 200;
/** Days a quote stays valid when valid_until is not given. */
export const DEFAULT_VALID_DAYS = 30;

const satang = z.number().int().min(0).max(1_000_000_000_000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const quoteLineInputSchema = z
  .object({
    productId: z.string().uuid().optional(),
    descriptionTh: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: "Required for a free line; defaults to the product's Thai name." }),
    descriptionEn: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: "Defaults to the product's English name." }),
    quantity: z.number().int().min(1).max(1_000_000),
    unitPriceSatang: satang
      .optional()
      .openapi({ description: "Defaults to the customer's price (price lists) for a product line." }),
    discountSatang: satang.default(0),
    vatMode: z.enum(VAT_MODES).optional().openapi({ description: 'Only for a free line (default included, at 7%).' }),
  })
  .strict()
  .superRefine((line, ctx) => {
    const free = line.productId === undefined;
    if (free && line.descriptionTh === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['descriptionTh'],
        message: 'a line without a product needs a description',
        params: { th: 'รายการที่ไม่มีสินค้าต้องมีคำอธิบาย' },
      });
    if (free && line.unitPriceSatang === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['unitPriceSatang'],
        message: 'a line without a product needs a unit price',
        params: { th: 'รายการที่ไม่มีสินค้าต้องระบุราคาต่อหน่วย' },
      });
    if (!free && line.vatMode !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['vatMode'],
        message: "a product line takes the product's VAT",
        params: { th: 'รายการสินค้าใช้ภาษีมูลค่าเพิ่มตามสินค้า' },
      });
  });
export type QuoteLineInput = z.output<typeof quoteLineInputSchema>;

const editable = {
  dealId: z.string().uuid().nullable().optional(),
  ownerId: z.string().uuid().optional().openapi({ description: 'Default: the caller.' }),
  language: z.enum(QUOTE_LANGUAGES).optional(),
  validUntil: day.optional().openapi({ description: `Default: ${DEFAULT_VALID_DAYS} days after the issue date.` }),
  notes: z.string().trim().max(2_000).nullable().optional(),
  terms: z.string().trim().max(4_000).nullable().optional(),
  lines: z.array(quoteLineInputSchema).min(1).max(MAX_QUOTE_LINES),
};

export const createQuoteSchema = z
  .object({
    customerId: z.string().uuid(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'ISO 4217 code such as THB')
      .optional(),
    ...editable,
  })
  .strict()
  .openapi('QuoteCreate');
export type CreateQuoteInput = z.input<typeof createQuoteSchema>;

export const updateQuoteSchema = z
  .object({ ...editable, lines: editable.lines.optional() })
  .strict()
  .openapi('QuoteUpdate');
export type UpdateQuoteInput = z.input<typeof updateQuoteSchema>;

export const rejectQuoteSchema = z
  .object({ reason: z.string().trim().min(1).max(1_000) })
  .strict()
  .openapi('QuoteReject');
export type RejectQuoteInput = z.input<typeof rejectQuoteSchema>;
