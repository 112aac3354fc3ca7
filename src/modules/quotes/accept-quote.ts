import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { createOrder } from '../orders/index.ts';
import { todayIn } from '../products/index.ts';
import { statusConflict, writeQuoteStep } from './change-quote-status.ts';
import { quoteFor } from './quote-access.ts';
import { loadQuoteView, type QuoteView } from './quote-view.ts';

/**
 * sent → accepted: the customer said yes, so the quote becomes a pending order through the
 * orders module's createOrder, at the quoted prices and discounts, in the same transaction
 * (a refused order leaves the quote as it was). The quote links to the order; the row lock
 * makes a second accept — even a concurrent one — find it accepted and be refused. A quote
 * past its validity cannot be accepted even before the daily expiry job has marked it.
 */
export async function acceptQuote(db: DbOrTx, actor: Actor, id: string): Promise<QuoteView> {
  return db.transaction(async (tx) => {
    const before = await quoteFor(tx, actor, id, 'update', true);
    if (before.status === 'expired')
      throw new AppError('quote_expired', { number: before.number, validUntil: before.validUntil });
    if (before.status !== 'sent') throw statusConflict(before, 'accepted');
    const settings = await getSettings(tx);
    const now = new Date();
    if (before.validUntil < todayIn(settings.timeZone, now))
      throw new AppError('quote_expired', { number: before.number, validUntil: before.validUntil });
    const view = await loadQuoteView(tx, before);
    const { order } = await createOrder(tx, actor, {
      customerId: before.customerId,
      source: 'manual',
      externalId: before.number,
      currency: before.currency,
      status: 'pending',
      note: `ใบเสนอราคา ${before.number} (quote)`,
      lines: view.lines.map((l) => ({
        ...(l.productId ? { productId: l.productId } : { vatMode: l.vatMode }),
        name: (before.language === 'en' ? l.descriptionEn : null) ?? l.descriptionTh,
        quantity: l.quantity,
        unitPriceSatang: l.unitPriceSatang,
        discountSatang: l.discountSatang,
      })),
    });
    const after = await writeQuoteStep(
      tx,
      actor,
      before,
      'accepted',
      { status: 'accepted', acceptedAt: now, orderId: order.id },
      now,
    );
    await recordAudit(tx, actor, {
      entityType: 'order',
      entityId: order.id,
      action: 'created_from_quote',
      changes: { quote: { before: null, after: before.number } },
    });
    return loadQuoteView(tx, after);
  });
}
