import { z } from '@hono/zod-openapi';
import { inboundSchema } from '../identity/index.ts';
import { VAT_MODES } from '../products/index.ts';

export const ORDER_SOURCES = ['web', 'pos', 'line', 'manual', 'import', 'api'] as const;
export const ORDER_STATUSES = ['pending', 'paid', 'fulfilled', 'cancelled', 'refunded', 'partially_refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** What a new order may start as: a POS sale is paid, a historical import may be fulfilled. */
export const INITIAL_STATUSES = ['pending', 'paid', 'fulfilled'] as const;
export const MAX_LINES = 500;

const satang = z.number().int().min(0).max(1_000_000_000_000);

export const orderLineInputSchema = z
  .object({
    productId: z.string().uuid().optional(),
    sku: z.string().trim().min(1).max(64).optional().openapi({ description: 'Instead of productId.' }),
    name: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .openapi({ description: 'Required for a line without a product; defaults to the product name.' }),
    quantity: z.number().int().min(1).max(1_000_000).default(1),
    unitPriceSatang: satang
      .optional()
      .openapi({ description: "Defaults to the customer's price (price lists) for a product line." }),
    discountSatang: satang.default(0),
    vatMode: z
      .enum(VAT_MODES)
      .optional()
      .openapi({ description: 'Only for a line without a product (default included).' }),
  })
  .strict()
  .superRefine((line, ctx) => {
    const hasProduct = line.productId !== undefined || line.sku !== undefined;
    if (!hasProduct && line.name === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'a line without a product needs a name',
        params: { th: 'รายการที่ไม่มีสินค้าต้องมีชื่อรายการ' },
      });
    if (!hasProduct && line.unitPriceSatang === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['unitPriceSatang'],
        message: 'a line without a product needs a unit price',
        params: { th: 'รายการที่ไม่มีสินค้าต้องระบุราคาต่อหน่วย' },
      });
    if (hasProduct && line.vatMode !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['vatMode'],
        message: "a product line takes the product's VAT",
        params: { th: 'รายการสินค้าใช้ภาษีมูลค่าเพิ่มตามสินค้า' },
      });
  });
export type OrderLineInput = z.output<typeof orderLineInputSchema>;

export const orderCustomerSchema = z
  .object({
    identifiers: inboundSchema.shape.identifiers,
    profile: inboundSchema.shape.profile,
  })
  .strict()
  .openapi({ description: 'Who bought: matched to a profile by identity resolution, or a new profile.' });

export const createOrderSchema = z
  .object({
    source: z.enum(ORDER_SOURCES).default('api'),
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'The order id in the source system; with source it makes the call idempotent.' }),
    customerId: z.string().uuid().optional(),
    customer: orderCustomerSchema.optional(),
    orderedAt: z.string().datetime({ offset: true }).optional().openapi({ example: '2026-04-13T10:30:00+07:00' }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'ISO 4217 code such as THB')
      .optional(),
    status: z.enum(INITIAL_STATUSES).default('pending'),
    lines: z.array(orderLineInputSchema).min(1).max(MAX_LINES),
    note: z.string().trim().max(2_000).optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if ((o.customerId === undefined) === (o.customer === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['customerId'],
        message: 'give either customerId or customer (identifiers), not both or neither',
        params: { th: 'ระบุ customerId หรือ customer (ตัวระบุลูกค้า) อย่างใดอย่างหนึ่ง' },
      });
  })
  .openapi('OrderCreate');
export type CreateOrderInput = z.input<typeof createOrderSchema>;
export type CreateOrder = z.output<typeof createOrderSchema>;
