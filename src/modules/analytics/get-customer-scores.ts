import { eq } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { getCustomer } from '../customers/index.ts';
import { customerScores } from './schema.ts';
import { type CustomerScoresView, toScores } from './scores-view.ts';

/** A customer's stored scores; a customer the caller may not see does not exist (404). */
export async function getCustomerScores(db: DbOrTx, actor: Actor, customerId: string): Promise<CustomerScoresView> {
  authorize(actor.principal, 'analytics', 'read');
  await getCustomer(db, actor, customerId);
  const [row] = await db.select().from(customerScores).where(eq(customerScores.customerId, customerId));
  return { customerId, scores: row ? toScores(row) : null };
}
