import { asc, isNull } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { type CustomFieldView, toCustomFieldView } from './custom-field-input.ts';
import { customFieldDefinitions } from './schema.ts';

/**
 * The custom field definitions in form order. Anyone who may read customers may read
 * them (forms and filters need them); archived ones only when asked for.
 */
export async function listCustomFields(
  db: DbOrTx,
  actor: Actor,
  input: { includeArchived?: boolean | undefined } = {},
): Promise<{ items: CustomFieldView[] }> {
  authorize(actor.principal, 'customers', 'read');
  const rows = await db
    .select()
    .from(customFieldDefinitions)
    .where(input.includeArchived ? undefined : isNull(customFieldDefinitions.archivedAt))
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.key));
  return { items: rows.map(toCustomFieldView) };
}
