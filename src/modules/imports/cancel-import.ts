import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { visibleImport } from './import-access.ts';
import { type ImportView, toImportView } from './import-view.ts';
import { imports } from './schema.ts';

/**
 * Cancels a pending or running import. A running one stops before its next batch; batches
 * already committed stay (each was whole), and the report lists what was rejected so far.
 */
export async function cancelImport(db: Db, actor: Actor, id: string): Promise<ImportView> {
  authorize(actor.principal, 'customers', 'create');
  return db.transaction(async (tx) => {
    const before = await visibleImport(tx, actor, id, true);
    if (!['pending', 'running', 'failed'].includes(before.status)) {
      throw new AppError('import_finished', { status: before.status });
    }
    const [row] = await tx
      .update(imports)
      .set({ status: 'cancelled', finishedAt: new Date() })
      .where(eq(imports.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      entityType: 'import',
      entityId: id,
      action: 'cancel',
      before: { status: before.status },
      after: { status: 'cancelled' },
    });
    return toImportView(row);
  });
}
