import { and, asc, eq } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { type PurposeView, toPurposeView } from './consent-view.ts';
import { consentPurposes, consentTexts } from './schema.ts';

/** Every consent purpose with the current version of its text (Thai and English). */
export async function listPurposes(db: DbOrTx, actor: Actor): Promise<PurposeView[]> {
  authorize(actor.principal, 'settings', 'read');
  return purposesWithText(db);
}

export async function purposesWithText(db: DbOrTx, code?: string): Promise<PurposeView[]> {
  const rows = await db
    .select({ purpose: consentPurposes, textTh: consentTexts.textTh, textEn: consentTexts.textEn })
    .from(consentPurposes)
    .leftJoin(
      consentTexts,
      and(eq(consentTexts.purpose, consentPurposes.code), eq(consentTexts.version, consentPurposes.currentVersion)),
    )
    .where(code ? eq(consentPurposes.code, code) : undefined)
    .orderBy(asc(consentPurposes.createdAt), asc(consentPurposes.code));
  return rows.map((r) =>
    toPurposeView(
      r.purpose,
      r.textTh !== null && r.textEn !== null ? { textTh: r.textTh, textEn: r.textEn } : undefined,
    ),
  );
}
