import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { validateInput } from '../customers/index.ts';
import { STATUS_TH } from './errors.ts';
import { priceQuoteLines, quoteTotals } from './price-quote-lines.ts';
import { quoteFor } from './quote-access.ts';
import { type UpdateQuoteInput, updateQuoteSchema } from './quote-input.ts';
import { quoteCustomer, quoteDeal, quoteOwner } from './quote-parties.ts';
import { loadQuoteView, type QuoteView } from './quote-view.ts';
import { quoteLines, quotes } from './schema.ts';

/**
 * Changes a draft: fields given are replaced; lines given replace all lines and are priced
 * again (customer's price list on the quote's issue date). A quote that was sent is a
 * document the customer holds and is not changed (quote_not_draft).
 */
export async function updateQuote(db: DbOrTx, actor: Actor, id: string, raw: UpdateQuoteInput): Promise<QuoteView> {
  const input = validateInput(updateQuoteSchema, raw);
  return db.transaction(async (tx) => {
    const before = await quoteFor(tx, actor, id, 'update', true);
    if (before.status !== 'draft')
      throw new AppError('quote_not_draft', {
        number: before.number,
        status: before.status,
        statusTh: STATUS_TH[before.status] ?? before.status,
      });
    const customer = await quoteCustomer(tx, actor, before.customerId);
    const patch: Partial<typeof quotes.$inferInsert> = { updatedAt: new Date() };
    if (input.dealId !== undefined)
      patch.dealId = input.dealId === null ? null : await quoteDeal(tx, actor, input.dealId, customer.id);
    if (input.ownerId !== undefined) Object.assign(patch, await quoteOwner(tx, actor, input.ownerId));
    if (input.language !== undefined) patch.language = input.language;
    if (input.notes !== undefined) patch.notes = input.notes;
    if (input.terms !== undefined) patch.terms = input.terms;
    if (input.validUntil !== undefined) {
      if (input.validUntil < before.issuedOn)
        throw new AppError('quote_valid_until_past', { issuedOn: before.issuedOn });
      patch.validUntil = input.validUntil;
    }
    if (input.lines) {
      const lines = await priceQuoteLines(tx, input.lines, {
        currency: before.currency,
        group: customer,
        on: before.issuedOn,
      });
      Object.assign(patch, quoteTotals(lines));
      await tx.delete(quoteLines).where(eq(quoteLines.quoteId, id));
      await tx.insert(quoteLines).values(lines.map((l) => ({ ...l, quoteId: id })));
    }
    const [after] = await tx.update(quotes).set(patch).where(eq(quotes.id, id)).returning();
    if (!after) throw new Error('update returned nothing');
    await recordAudit(tx, actor, {
      entityType: 'quote',
      entityId: id,
      action: 'update',
      before,
      after,
      ...(input.lines ? { changes: { lines: { before: null, after: input.lines.length } } } : {}),
    });
    return loadQuoteView(tx, after);
  });
}
