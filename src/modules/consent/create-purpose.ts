import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { type CreatePurposeInput, createPurposeSchema } from './consent-input.ts';
import { type PurposeView, toPurposeView } from './consent-view.ts';
import { consentPurposes, consentTexts } from './schema.ts';

/** Admins add a purpose together with version 1 of its text. */
export async function createPurpose(db: Db, actor: Actor, raw: CreatePurposeInput): Promise<PurposeView> {
  authorize(actor.principal, 'settings', 'update');
  const input = validateInput(createPurposeSchema, raw);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consentPurposes)
      .values({ code: input.code, nameTh: input.nameTh, nameEn: input.nameEn, lawfulBasis: input.lawfulBasis })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('consent_purpose_exists', { purpose: input.code });
    await tx.insert(consentTexts).values({ purpose: row.code, version: 1, textTh: input.textTh, textEn: input.textEn });
    await recordAudit(tx, actor, { entityType: 'consent_purpose', entityId: row.code, action: 'create', after: input });
    await emitEvent(tx, {
      topic: 'consent.purpose_created',
      aggregateType: 'consent_purpose',
      aggregateId: row.code,
      payload: { lawfulBasis: row.lawfulBasis },
    });
    return toPurposeView(row, input);
  });
}
