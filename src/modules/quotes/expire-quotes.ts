import { and, eq, lt } from 'drizzle-orm';
import { type Actor, systemActor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { todayIn } from '../products/index.ts';
import { writeQuoteStep } from './change-quote-status.ts';
import { quotes } from './schema.ts';

/**
 * Marks sent quotes whose last valid day (business time zone) is before today as expired,
 * each with a timeline and audit entry. Run daily by the job; safe to run again (a quote
 * already expired is not touched). Returns how many expired.
 */
export async function expireQuotes(
  db: DbOrTx,
  now: Date = new Date(),
  actor: Actor = systemActor('job', 'quote expiry'),
): Promise<number> {
  return db.transaction(async (tx) => {
    const today = todayIn((await getSettings(tx)).timeZone, now);
    const due = await tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.status, 'sent'), lt(quotes.validUntil, today)))
      .for('update', { skipLocked: true });
    for (const q of due) await writeQuoteStep(tx, actor, q, 'expired', { status: 'expired', expiredAt: now }, now);
    return due.length;
  });
}
