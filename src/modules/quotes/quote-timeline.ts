import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { recordActivity } from '../activities/index.ts';
import type { QuoteRow } from './quote-access.ts';

export type QuoteAction = 'created' | 'sent' | 'accepted' | 'rejected' | 'expired';

const WORDS: Record<QuoteAction, { th: string; en: string }> = {
  created: { th: 'สร้างใบเสนอราคา', en: 'quote created' },
  sent: { th: 'ส่งใบเสนอราคา', en: 'quote sent' },
  accepted: { th: 'ลูกค้าตอบรับใบเสนอราคา', en: 'quote accepted' },
  rejected: { th: 'ลูกค้าปฏิเสธใบเสนอราคา', en: 'quote rejected' },
  expired: { th: 'ใบเสนอราคาหมดอายุ', en: 'quote expired' },
};

/**
 * A timeline entry on the quote's customer. The timeline has no 'quote' kind yet, so it is
 * a 'system' entry whose subject (shown as written) carries the number in Thai and English;
 * refType/refId point at the quote and data holds the facts.
 */
export async function quoteTimelineEntry(
  tx: DbOrTx,
  actor: Actor | null,
  quote: QuoteRow,
  action: QuoteAction,
  at: Date,
): Promise<void> {
  const w = WORDS[action];
  await recordActivity(tx, {
    customerId: quote.customerId,
    kind: 'system',
    occurredAt: at,
    subject: `${w.th} ${quote.number} (${w.en})`,
    refType: 'quote',
    refId: quote.id,
    data: {
      action,
      number: quote.number,
      status: quote.status,
      amount: quote.totalSatang,
      currency: quote.currency,
      ...(action === 'rejected' && quote.rejectedReason ? { reason: quote.rejectedReason } : {}),
      ...(action === 'accepted' && quote.orderId ? { orderId: quote.orderId } : {}),
    },
    actorUserId: actor?.principal.userId ?? null,
  });
}
