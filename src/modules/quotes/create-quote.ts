import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { validateInput } from '../customers/index.ts';
import { todayIn } from '../products/index.ts';
import { priceQuoteLines, quoteTotals } from './price-quote-lines.ts';
import { addDays } from './quote-dates.ts';
import { type CreateQuoteInput, createQuoteSchema, DEFAULT_VALID_DAYS } from './quote-input.ts';
import { nextQuoteNumber } from './quote-number.ts';
import { quoteCustomer, quoteDeal, quoteOwner } from './quote-parties.ts';
import { quoteTimelineEntry } from './quote-timeline.ts';
import { loadQuoteView, type QuoteView } from './quote-view.ts';
import { quoteLines, quotes } from './schema.ts';

/**
 * A draft quote in one transaction: customer and deal checked, lines priced from the
 * customer's price list where no price is given, totals and VAT, the next number of the
 * year (business time zone), a timeline entry, an audit entry and a quote.created event.
 * Any bad input refuses the whole quote and takes no number.
 */
export async function createQuote(db: DbOrTx, actor: Actor, raw: CreateQuoteInput): Promise<QuoteView> {
  authorize(actor.principal, 'sales', 'create');
  const input = validateInput(createQuoteSchema, raw);
  return db.transaction(async (tx) => {
    const customer = await quoteCustomer(tx, actor, input.customerId);
    const dealId = input.dealId ? await quoteDeal(tx, actor, input.dealId, customer.id) : null;
    const owner = await quoteOwner(tx, actor, input.ownerId);
    const settings = await getSettings(tx);
    const currency = input.currency ?? settings.currency;
    const now = new Date();
    const issuedOn = todayIn(settings.timeZone, now);
    const validUntil = input.validUntil ?? addDays(issuedOn, DEFAULT_VALID_DAYS);
    if (validUntil < issuedOn) throw new AppError('quote_valid_until_past', { issuedOn });
    const lines = await priceQuoteLines(tx, input.lines, { currency, group: customer, on: issuedOn });
    const year = Number(issuedOn.slice(0, 4));
    const number = await nextQuoteNumber(tx, year);
    const [quote] = await tx
      .insert(quotes)
      .values({
        number,
        year,
        customerId: customer.id,
        dealId,
        ...owner,
        language: input.language ?? settings.locale,
        currency,
        issuedOn,
        validUntil,
        status: 'draft',
        notes: input.notes ?? null,
        terms: input.terms ?? null,
        ...quoteTotals(lines),
        createdBy: actor.principal.userId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!quote) throw new Error('insert returned nothing');
    await tx.insert(quoteLines).values(lines.map((l) => ({ ...l, quoteId: quote.id })));
    await quoteTimelineEntry(tx, actor, quote, 'created', now);
    await recordAudit(tx, actor, {
      entityType: 'quote',
      entityId: quote.id,
      action: 'create',
      after: {
        number,
        customerId: customer.id,
        dealId,
        ownerId: owner.ownerId,
        currency,
        validUntil,
        totalSatang: quote.totalSatang,
        lines: lines.length,
      },
    });
    await emitEvent(tx, {
      topic: 'quote.created',
      aggregateType: 'quote',
      aggregateId: quote.id,
      payload: { number, customerId: customer.id, totalSatang: quote.totalSatang, currency },
    });
    return loadQuoteView(tx, quote);
  });
}
