import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { type PublishTextInput, publishTextSchema } from './consent-input.ts';
import { type PurposeView, toPurposeView } from './consent-view.ts';
import { consentPurposes, consentTexts } from './schema.ts';

/**
 * Publishes a new version of a purpose's text: current_version goes up by one. Earlier
 * versions stay, since every consent record names the version the person agreed to.
 */
export async function publishPurposeText(
  db: Db,
  actor: Actor,
  code: string,
  raw: PublishTextInput,
): Promise<PurposeView> {
  authorize(actor.principal, 'settings', 'update');
  const input = validateInput(publishTextSchema, raw);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(consentPurposes)
      .set({ currentVersion: sql`${consentPurposes.currentVersion} + 1` })
      .where(eq(consentPurposes.code, code))
      .returning();
    if (!row) throw new AppError('not_found');
    await tx.insert(consentTexts).values({ purpose: code, version: row.currentVersion, ...input });
    await recordAudit(tx, actor, {
      entityType: 'consent_purpose',
      entityId: code,
      action: 'publish_text',
      changes: { currentVersion: { before: row.currentVersion - 1, after: row.currentVersion } },
    });
    await emitEvent(tx, {
      topic: 'consent.text_published',
      aggregateType: 'consent_purpose',
      aggregateId: code,
      payload: { version: row.currentVersion },
    });
    return toPurposeView(row, input);
  });
}
