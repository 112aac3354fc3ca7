import { z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers } from '../customers/index.ts';
import { VAT_MODES } from '../products/index.ts';
import { QUOTE_LANGUAGES, QUOTE_STATUSES } from './quote-input.ts';
import { quoteLines, type quotes } from './schema.ts';

export const quoteLineViewSchema = z.object({
  lineNo: z.number().int(),
  productId: z.string().nullable(),
  sku: z.string().nullable(),
  descriptionTh: z.string(),
  descriptionEn: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceSatang: z.number().int(),
  discountSatang: z.number().int(),
  vatMode: z.enum(VAT_MODES),
  vatRateBp: z.number().int(),
  netSatang: z.number().int(),
  vatSatang: z.number().int(),
  grossSatang: z.number().int(),
});

const quoteFields = {
  id: z.string().uuid(),
  number: z.string().openapi({ example: 'Q-2026-0001' }),
  customerId: z.string().uuid(),
  customerName: z.string(),
  dealId: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.string().nullable(),
  language: z.enum(QUOTE_LANGUAGES),
  currency: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  status: z.enum(QUOTE_STATUSES),
  notes: z.string().nullable(),
  terms: z.string().nullable(),
  subtotalSatang: z.number().int(),
  discountSatang: z.number().int(),
  netSatang: z.number().int(),
  vatSatang: z.number().int(),
  totalSatang: z.number().int(),
  sentAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  expiredAt: z.string().nullable(),
  orderId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const quoteSummarySchema = z.object(quoteFields).openapi('QuoteSummary');
export type QuoteSummary = z.infer<typeof quoteSummarySchema>;
export const quoteViewSchema = z.object({ ...quoteFields, lines: z.array(quoteLineViewSchema) }).openapi('Quote');
export type QuoteView = z.infer<typeof quoteViewSchema>;

type QuoteRow = typeof quotes.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toQuoteSummary(q: QuoteRow, customerName: string, ownerName: string | null): QuoteSummary {
  return {
    id: q.id,
    number: q.number,
    customerId: q.customerId,
    customerName,
    dealId: q.dealId,
    ownerId: q.ownerId,
    ownerName,
    teamId: q.teamId,
    language: q.language as QuoteSummary['language'],
    currency: q.currency,
    issuedOn: q.issuedOn,
    validUntil: q.validUntil,
    status: q.status as QuoteSummary['status'],
    notes: q.notes,
    terms: q.terms,
    subtotalSatang: q.subtotalSatang,
    discountSatang: q.discountSatang,
    netSatang: q.netSatang,
    vatSatang: q.vatSatang,
    totalSatang: q.totalSatang,
    sentAt: iso(q.sentAt),
    acceptedAt: iso(q.acceptedAt),
    rejectedAt: iso(q.rejectedAt),
    rejectedReason: q.rejectedReason,
    expiredAt: iso(q.expiredAt),
    orderId: q.orderId,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}

/** A quote row with its lines, customer and owner names, as the API shows it. */
export async function loadQuoteView(db: DbOrTx, q: QuoteRow): Promise<QuoteView> {
  const [lines, [customer], [owner]] = await Promise.all([
    db.select().from(quoteLines).where(eq(quoteLines.quoteId, q.id)).orderBy(asc(quoteLines.lineNo)),
    db.select({ name: customers.displayName }).from(customers).where(eq(customers.id, q.customerId)),
    q.ownerId ? db.select({ name: users.name }).from(users).where(eq(users.id, q.ownerId)) : Promise.resolve([]),
  ]);
  return {
    ...toQuoteSummary(q, customer?.name ?? '', owner?.name ?? null),
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      productId: l.productId,
      sku: l.sku,
      descriptionTh: l.descriptionTh,
      descriptionEn: l.descriptionEn,
      quantity: l.quantity,
      unitPriceSatang: l.unitPriceSatang,
      discountSatang: l.discountSatang,
      vatMode: l.vatMode as QuoteView['lines'][number]['vatMode'],
      vatRateBp: l.vatRateBp,
      netSatang: l.netSatang,
      vatSatang: l.vatSatang,
      grossSatang: l.grossSatang,
    })),
  };
}
