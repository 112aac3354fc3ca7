import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { auditableCustomField, type CustomFieldView, toCustomFieldView } from './custom-field-input.ts';
import { customFieldDefinitions } from './schema.ts';

/**
 * Archives (hides from forms, stops validating) or restores a definition (admins). Values
 * customers already hold are kept either way, so restoring brings them back. Repeating
 * the same call changes nothing and writes no audit entry.
 */
export async function setCustomFieldArchived(
  db: DbOrTx,
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<CustomFieldView> {
  authorize(actor.principal, 'settings', 'update');
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(customFieldDefinitions)
      .where(eq(customFieldDefinitions.id, id))
      .for('update');
    if (!before) throw new AppError('not_found');
    if ((before.archivedAt !== null) === archived) return toCustomFieldView(before);
    const [row] = await tx
      .update(customFieldDefinitions)
      .set({ archivedAt: archived ? new Date() : null })
      .where(eq(customFieldDefinitions.id, id))
      .returning();
    if (!row) throw new Error('update returned no row');
    const action = archived ? 'archive' : 'unarchive';
    await recordAudit(tx, actor, {
      entityType: 'custom_field',
      entityId: id,
      action,
      before: auditableCustomField(before),
      after: auditableCustomField(row),
    });
    await emitEvent(tx, {
      topic: `custom_field.${action}d`,
      aggregateType: 'custom_field',
      aggregateId: id,
      payload: { key: row.key },
    });
    return toCustomFieldView(row);
  });
}
