import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { BULK_LIMIT, type BulkPreview, bulkTargetSchema } from './bulk-input.ts';
import { bulkWhere, countBulkTargets } from './bulk-select.ts';
import { validateInput } from './validate-input.ts';

/** How many customers a bulk change of these ids or filters would touch ("select all N"). */
export async function previewBulkChange(db: DbOrTx, actor: Actor, raw: unknown): Promise<BulkPreview> {
  authorize(actor.principal, 'customers', 'update');
  const target = validateInput(bulkTargetSchema, raw);
  const where = await bulkWhere(db, actor, target);
  return { matched: await countBulkTargets(db, where), limit: BULK_LIMIT };
}
