import { and, eq } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { loadLadderRules } from './get-ladder-rules.ts';
import { judgeCustomers, lockLadder } from './recompute-ladder.ts';
import { customerLadder } from './schema.ts';
import { uuidArray } from './sql-helpers.ts';

export type LadderRow = typeof customerLadder.$inferSelect;

/**
 * The ladder row of an active customer the caller may change (else 404), locked for the
 * transaction; judged by the rules first if it has never been.
 */
export async function lockLadderRow(tx: DbOrTx, actor: Actor, customerId: string): Promise<LadderRow> {
  authorize(actor.principal, 'customers', 'update');
  await lockLadder(tx);
  const [customer] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(visibleCustomer(actor, and(eq(customers.id, customerId), eq(customers.status, 'active'))));
  if (!customer) throw new AppError('not_found');
  const read = () => tx.select().from(customerLadder).where(eq(customerLadder.customerId, customerId)).for('update');
  let [row] = await read();
  if (!row) {
    const { rules } = await loadLadderRules(tx);
    await judgeCustomers(tx, rules, uuidArray([customerId]));
    [row] = await read();
  }
  if (!row) throw new AppError('not_found');
  return row;
}
