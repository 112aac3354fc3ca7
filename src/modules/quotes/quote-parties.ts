import { and, eq } from 'drizzle-orm';
import { scopeFor } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { getDeal } from '../deals/index.ts';
import type { CustomerGroup } from '../products/index.ts';

export interface QuoteCustomer extends CustomerGroup {
  id: string;
}

/**
 * The active profile a quote is for: one the caller may see; a merged profile's quotes go
 * to the profile it was merged into; an erased one takes no quotes. Its type and tags pick
 * the price list.
 */
export async function quoteCustomer(tx: DbOrTx, actor: Actor, customerId: string): Promise<QuoteCustomer> {
  let id = customerId;
  for (let hops = 0; hops < 10; hops++) {
    const [c] = await tx
      .select({
        status: customers.status,
        mergedIntoId: customers.mergedIntoId,
        type: customers.customerType,
        tags: customers.tags,
      })
      .from(customers)
      .where(hops === 0 ? visibleCustomer(actor, eq(customers.id, id)) : eq(customers.id, id));
    if (!c) throw new AppError('not_found');
    if (c.status === 'active') return { id, type: c.type, tags: c.tags ?? [] };
    if (c.status !== 'merged' || !c.mergedIntoId) throw new AppError('quote_customer_inactive');
    id = c.mergedIntoId;
  }
  throw new AppError('quote_customer_inactive');
}

/** A deal the caller may see, on the quote's customer. */
export async function quoteDeal(tx: DbOrTx, actor: Actor, dealId: string, customerId: string): Promise<string> {
  const deal = await getDeal(tx, actor, dealId);
  if (deal.customerId !== customerId) throw new AppError('quote_deal_mismatch');
  return deal.id;
}

/**
 * Who owns a quote and so which team it counts for. A salesperson with 'own' scope owns
 * their quotes themselves; managers and admins assign them to any active user.
 */
export async function quoteOwner(
  tx: DbOrTx,
  actor: Actor,
  ownerId: string | undefined,
): Promise<{ ownerId: string | null; teamId: string | null }> {
  const id = ownerId ?? actor.principal.userId;
  if (!id) return { ownerId: null, teamId: null };
  if (id !== actor.principal.userId && scopeFor(actor.principal, 'sales') === 'own')
    throw new AppError('quote_owner_not_allowed');
  const [user] = await tx
    .select({ id: users.id, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.id, id), eq(users.status, 'active')));
  if (!user) throw new AppError('quote_owner_unknown', { ownerId: id });
  return { ownerId: user.id, teamId: user.teamId };
}
