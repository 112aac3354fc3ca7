import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import {
  auditableCustomField,
  type CustomFieldView,
  toCustomFieldView,
  type UpdateCustomFieldInput,
  updateCustomFieldSchema,
} from './custom-field-input.ts';
import type { CustomFieldDefinitionRow } from './custom-field-values.ts';
import { customers, customFieldDefinitions } from './schema.ts';
import { validateInput } from './validate-input.ts';

function isSelect(type: string): boolean {
  return type === 'select' || type === 'multi_select';
}

/** Whether any customer (of any owner) holds a value for the key. */
export async function customFieldInUse(tx: DbOrTx, key: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(customers)
    .where(sql`${customers.customFields} -> ${key} is not null`)
    .limit(1);
  return row !== undefined;
}

/**
 * Changes labels, options, required, position or applies-to of a definition (admins).
 * The type may change only while no customer holds a value, so stored values never stop
 * matching their type. Select fields must keep at least one option.
 */
export async function updateCustomField(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: UpdateCustomFieldInput,
): Promise<CustomFieldView> {
  authorize(actor.principal, 'settings', 'update');
  const input = validateInput(updateCustomFieldSchema, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(customFieldDefinitions)
      .where(eq(customFieldDefinitions.id, id))
      .for('update');
    if (!before) throw new AppError('not_found');
    const type = input.type ?? before.type;
    if (input.type !== undefined && input.type !== before.type && (await customFieldInUse(tx, before.key))) {
      throw new AppError('custom_field_type_locked', { key: before.key });
    }
    const options = isSelect(type) ? (input.options ?? before.options) : [];
    checkOptions(type, options, input.options ?? []);
    const changes: Partial<CustomFieldDefinitionRow> = { ...input, options };
    const [row] = await tx
      .update(customFieldDefinitions)
      .set(changes)
      .where(eq(customFieldDefinitions.id, id))
      .returning();
    if (!row) throw new Error('update returned no row');
    // Sending the current values again changes nothing worth an audit entry or an event.
    if (JSON.stringify(auditableCustomField(before)) === JSON.stringify(auditableCustomField(row))) {
      return toCustomFieldView(row);
    }
    await recordAudit(tx, actor, {
      entityType: 'custom_field',
      entityId: id,
      action: 'update',
      before: auditableCustomField(before),
      after: auditableCustomField(row),
    });
    await emitEvent(tx, {
      topic: 'custom_field.updated',
      aggregateType: 'custom_field',
      aggregateId: id,
      payload: { key: row.key },
    });
    return toCustomFieldView(row);
  });
}

function checkOptions(type: string, options: unknown[], sent: unknown[]): void {
  if (isSelect(type) && options.length === 0) {
    throw new AppError('validation_failed', {}, [
      {
        path: 'options',
        message: 'a select field needs at least one option',
        th: 'ฟิลด์แบบเลือกต้องมีตัวเลือกอย่างน้อยหนึ่งรายการ',
      },
    ]);
  }
  if (!isSelect(type) && sent.length > 0) {
    throw new AppError('validation_failed', {}, [
      { path: 'options', message: 'only select fields have options', th: 'เฉพาะฟิลด์แบบเลือกเท่านั้นที่มีตัวเลือก' },
    ]);
  }
}
