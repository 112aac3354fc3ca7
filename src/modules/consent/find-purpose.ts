import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { invalidField } from '../../core/errors/app-error.ts';
import { consentPurposes, consentTexts } from './schema.ts';

/** An active purpose, or a per-field error on `field` naming the unknown code. */
export async function findActivePurpose(tx: DbOrTx, code: string, field = 'purpose') {
  const [purpose] = await tx
    .select()
    .from(consentPurposes)
    .where(and(eq(consentPurposes.code, code), eq(consentPurposes.active, true)));
  if (!purpose) {
    throw invalidField(
      field,
      `there is no active consent purpose "${code}"`,
      `ไม่มีวัตถุประสงค์การขอความยินยอม "${code}" ที่ใช้งานอยู่`,
    );
  }
  return purpose;
}

/** The version agreed to must have been published; defaults to the current one. */
export async function checkTextVersion(
  tx: DbOrTx,
  purpose: { code: string; currentVersion: number },
  version: number | undefined,
): Promise<number> {
  if (version === undefined) return purpose.currentVersion;
  const [text] = await tx
    .select({ version: consentTexts.version })
    .from(consentTexts)
    .where(and(eq(consentTexts.purpose, purpose.code), eq(consentTexts.version, version)));
  if (!text) {
    throw invalidField(
      'textVersion',
      `purpose "${purpose.code}" has no text version ${version} (current: ${purpose.currentVersion})`,
      `วัตถุประสงค์ "${purpose.code}" ไม่มีข้อความฉบับที่ ${version} (ฉบับปัจจุบัน: ${purpose.currentVersion})`,
    );
  }
  return version;
}
