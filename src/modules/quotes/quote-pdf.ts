import { eq } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { customers } from '../customers/index.ts';
import { THAI_VAT_RATE_BP } from '../products/index.ts';
import { quoteFor } from './quote-access.ts';
import { loadQuoteView, type QuoteView } from './quote-view.ts';
import { type QuotePdfModel, renderQuotePdf } from './render-quote-pdf.ts';

/** A stored E.164 number as people write it on paper: +66812345678 → 081 234 5678. */
function printablePhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.country === 'TH' ? parsed.formatNational() : (parsed?.formatInternational() ?? e164);
}

const text = (v: string) => (v.trim() ? v.trim() : null);

/** The printable quote of GET /quotes/{id}/pdf, for a quote the caller may see. */
export async function quotePdf(db: DbOrTx, actor: Actor, id: string): Promise<{ number: string; pdf: Buffer }> {
  const quote = await loadQuoteView(db, await quoteFor(db, actor, id, 'read'));
  const settings = await getSettings(db);
  const { seller } = settings;
  const [c] = await db.select().from(customers).where(eq(customers.id, quote.customerId));
  const [owner] = quote.ownerId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, quote.ownerId))
    : [];
  const address = c
    ? [c.addressLine, c.subDistrict, c.district, c.province, c.postcode].filter((s) => s?.trim()).join(' ')
    : '';
  const pdf = await renderQuotePdf({
    ...pdfFacts(quote),
    seller: {
      // The legal name (settings → seller) is what a quote is issued under; the trading name otherwise.
      name: text(seller.legalName) ?? settings.companyName,
      address: text(seller.address),
      taxId: text(seller.taxId),
      branch: text(seller.branch),
      phone: text(seller.phone),
      email: text(seller.email),
    },
    customer: {
      name: quote.customerName,
      address: address || null,
      taxId: c?.taxId ?? null,
      phone: c?.phone ? printablePhone(c.phone) : null,
      email: c?.email ?? null,
    },
    preparedBy: owner?.name ?? null,
  });
  return { number: quote.number, pdf };
}

/** The parts of the printed quote that come from the quote itself. */
export function pdfFacts(q: QuoteView): Omit<QuotePdfModel, 'seller' | 'customer' | 'preparedBy'> {
  const taxed = q.lines.find((l) => l.vatMode !== 'exempt' && l.vatRateBp > 0);
  return {
    language: q.language,
    number: q.number,
    status: q.status,
    issuedOn: q.issuedOn,
    validUntil: q.validUntil,
    currency: q.currency,
    lines: q.lines.map((l) => ({
      description: (q.language === 'en' ? l.descriptionEn : null) ?? l.descriptionTh,
      quantity: l.quantity,
      unitPriceSatang: l.unitPriceSatang,
      discountSatang: l.discountSatang,
    })),
    totals: {
      subtotalSatang: q.subtotalSatang,
      discountSatang: q.discountSatang,
      netSatang: q.netSatang,
      vatSatang: q.vatSatang,
      totalSatang: q.totalSatang,
    },
    vatRateBp: taxed?.vatRateBp ?? THAI_VAT_RATE_BP,
    pricesIncludeVat: q.lines.every((l) => l.vatMode === 'included'),
    notes: q.notes,
    terms: q.terms,
  };
}
