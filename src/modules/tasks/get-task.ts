import { eq } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { tasks } from './schema.ts';
import { visibleTask } from './task-access.ts';
import { selectTaskRows, type TaskView, toTaskView } from './task-view.ts';

/** One task the caller may see; another's is simply not found. */
export async function getTask(db: DbOrTx, actor: Actor, id: string): Promise<TaskView> {
  authorize(actor.principal, 'tasks', 'read');
  const [row] = await selectTaskRows(db).where(visibleTask(db, actor, eq(tasks.id, id)));
  if (!row) throw new AppError('not_found');
  return toTaskView(row);
}
