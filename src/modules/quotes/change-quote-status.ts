import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { ACTION_TH, STATUS_TH } from './errors.ts';
import { type QuoteRow, quoteFor } from './quote-access.ts';
import { type RejectQuoteInput, rejectQuoteSchema } from './quote-input.ts';
import { type QuoteAction, quoteTimelineEntry } from './quote-timeline.ts';
import { loadQuoteView, type QuoteView } from './quote-view.ts';
import { quotes } from './schema.ts';

/** quote_status_conflict for a quote that cannot take a step. */
export function statusConflict(q: QuoteRow, action: QuoteAction): AppError {
  return new AppError('quote_status_conflict', {
    number: q.number,
    status: q.status,
    statusTh: STATUS_TH[q.status] ?? q.status,
    action,
    actionTh: ACTION_TH[action] ?? action,
  });
}

/** Writes a status step: the row, a timeline entry, an audit entry and a quote.<action> event. */
export async function writeQuoteStep(
  tx: DbOrTx,
  actor: Actor,
  before: QuoteRow,
  action: QuoteAction,
  patch: Partial<typeof quotes.$inferInsert>,
  at: Date,
): Promise<QuoteRow> {
  const [after] = await tx
    .update(quotes)
    .set({ ...patch, updatedAt: at })
    .where(eq(quotes.id, before.id))
    .returning();
  if (!after) throw new Error('update returned nothing');
  await quoteTimelineEntry(tx, actor, after, action, at);
  await recordAudit(tx, actor, { entityType: 'quote', entityId: before.id, action, before, after });
  await emitEvent(tx, {
    topic: `quote.${action}`,
    aggregateType: 'quote',
    aggregateId: before.id,
    payload: { number: after.number, customerId: after.customerId, status: after.status, orderId: after.orderId },
  });
  return after;
}

/** draft → sent: the quote goes to the customer and is no longer edited. */
export async function sendQuote(db: DbOrTx, actor: Actor, id: string): Promise<QuoteView> {
  return db.transaction(async (tx) => {
    const before = await quoteFor(tx, actor, id, 'update', true);
    if (before.status !== 'draft') throw statusConflict(before, 'sent');
    const now = new Date();
    return loadQuoteView(tx, await writeQuoteStep(tx, actor, before, 'sent', { status: 'sent', sentAt: now }, now));
  });
}

/** sent → rejected, with the customer's reason. */
export async function rejectQuote(db: DbOrTx, actor: Actor, id: string, raw: RejectQuoteInput): Promise<QuoteView> {
  const input = validateInput(rejectQuoteSchema, raw);
  return db.transaction(async (tx) => {
    const before = await quoteFor(tx, actor, id, 'update', true);
    if (before.status !== 'sent') throw statusConflict(before, 'rejected');
    const now = new Date();
    const after = await writeQuoteStep(
      tx,
      actor,
      before,
      'rejected',
      { status: 'rejected', rejectedAt: now, rejectedReason: input.reason },
      now,
    );
    return loadQuoteView(tx, after);
  });
}
