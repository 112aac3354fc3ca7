import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import {
  auditableCustomField,
  type CreateCustomFieldInput,
  type CustomFieldView,
  createCustomFieldSchema,
  toCustomFieldView,
} from './custom-field-input.ts';
import { customFieldDefinitions } from './schema.ts';
import { validateInput } from './validate-input.ts';

/** Defines a new custom field on profiles (admins: settings update). Keys are unique forever. */
export async function createCustomField(
  db: DbOrTx,
  actor: Actor,
  raw: CreateCustomFieldInput,
): Promise<CustomFieldView> {
  authorize(actor.principal, 'settings', 'update');
  const input = validateInput(createCustomFieldSchema, raw);
  return db.transaction(async (tx) => {
    // ON CONFLICT keeps two admins creating the same key at once from both succeeding.
    const [row] = await tx
      .insert(customFieldDefinitions)
      .values(input)
      .onConflictDoNothing({ target: customFieldDefinitions.key })
      .returning();
    if (!row) throw new AppError('custom_field_key_taken', { key: input.key });
    await recordAudit(tx, actor, {
      entityType: 'custom_field',
      entityId: row.id,
      action: 'create',
      after: auditableCustomField(row),
    });
    await emitEvent(tx, {
      topic: 'custom_field.created',
      aggregateType: 'custom_field',
      aggregateId: row.id,
      payload: { key: row.key, type: row.type },
    });
    return toCustomFieldView(row);
  });
}
