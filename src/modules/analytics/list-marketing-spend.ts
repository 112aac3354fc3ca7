import { and, asc, gte, lte } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { authorizeWholeBook } from './fit-clv.ts';
import { type MarketingSpendView, parseMonth, toSpendView } from './marketing-spend-view.ts';
import { marketingSpend } from './schema.ts';

/** Marketing spend entries between two months (inclusive); the whole business's money, so whole-book readers only. */
export async function listMarketingSpend(
  db: DbOrTx,
  actor: Actor,
  q: { from?: string; to?: string },
): Promise<{ items: MarketingSpendView[] }> {
  authorizeWholeBook(actor, 'read');
  const conds = [
    q.from === undefined ? undefined : gte(marketingSpend.month, parseMonth(q.from)),
    q.to === undefined ? undefined : lte(marketingSpend.month, parseMonth(q.to)),
  ];
  const rows = await db
    .select()
    .from(marketingSpend)
    .where(and(...conds))
    .orderBy(asc(marketingSpend.month), asc(marketingSpend.currency), asc(marketingSpend.channel));
  return { items: rows.map(toSpendView) };
}
