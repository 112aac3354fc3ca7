import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { authorizeWholeBook } from './fit-clv.ts';
import { type RunView, toRunView } from './run-view.ts';
import { scoreRuns } from './schema.ts';

/** One recompute run with its progress (those who may start runs may watch them). */
export async function getRun(db: DbOrTx, actor: Actor, id: string): Promise<RunView> {
  authorizeWholeBook(actor, 'read');
  const [row] = await db.select().from(scoreRuns).where(eq(scoreRuns.id, id));
  if (!row) throw new AppError('not_found');
  return toRunView(row);
}
