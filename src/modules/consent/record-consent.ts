import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { validateInput } from '../customers/index.ts';
import { type RecordConsentInput, recordConsentSchema } from './consent-input.ts';
import { type ConsentRecordView, toConsentRecordView } from './consent-view.ts';
import { checkTextVersion, findActivePurpose } from './find-purpose.ts';
import { lockCustomerForConsent, writeConsentChanges } from './write-consent.ts';

/**
 * Records one consent decision (granted, withdrawn or denied) for a purpose and channel:
 * appends to the history and moves the current state, in one transaction.
 */
export async function recordConsent(
  db: Db,
  actor: Actor,
  customerId: string,
  raw: RecordConsentInput,
): Promise<ConsentRecordView> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(recordConsentSchema, raw);
  return db.transaction(async (tx) => {
    await lockCustomerForConsent(tx, actor, customerId);
    const purpose = await findActivePurpose(tx, input.purpose);
    const textVersion = await checkTextVersion(tx, purpose, input.textVersion);
    const [record] = await writeConsentChanges(tx, actor, customerId, [
      {
        purpose: purpose.code,
        channel: input.channel,
        status: input.status,
        lawfulBasis: input.lawfulBasis ?? purpose.lawfulBasis,
        source: input.source,
        textVersion,
        note: input.note ?? null,
        ...(input.evidence ? { evidence: input.evidence } : {}),
      },
    ]);
    if (!record) throw new Error('consent insert returned no row');
    return toConsentRecordView(record);
  });
}
