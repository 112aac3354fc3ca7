import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { authorize, visibleTo } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Action } from '../../core/auth/roles.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { quotes } from './schema.ts';

/**
 * Who sees a quote, as a WHERE condition, the same rule as deals: with 'all' sales scope
 * every quote; otherwise its owner (and with 'team' scope its team) and whoever may see
 * the quote's customer.
 */
export function visibleQuote(db: DbOrTx, actor: Actor, ...conds: (SQL | undefined)[]): SQL | undefined {
  const own = visibleTo(actor.principal, 'sales', { ownerId: quotes.ownerId, teamId: quotes.teamId });
  if (!own) return and(...conds);
  const customerScope = visibleCustomer(actor);
  const viaCustomer = customerScope
    ? inArray(quotes.customerId, db.select({ id: customers.id }).from(customers).where(customerScope))
    : undefined;
  return and(viaCustomer ? or(own, viaCustomer) : undefined, ...conds);
}

export type QuoteRow = typeof quotes.$inferSelect;

/** One quote the caller may act on (locked for update when asked), or not found. */
export async function quoteFor(db: DbOrTx, actor: Actor, id: string, action: Action, lock = false): Promise<QuoteRow> {
  authorize(actor.principal, 'sales', action);
  const query = db
    .select()
    .from(quotes)
    .where(visibleQuote(db, actor, eq(quotes.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found');
  return row;
}
