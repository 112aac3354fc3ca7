import { eq } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db, DbOrTx } from '../../core/db/database.ts';
import { validateInput } from '../customers/index.ts';
import { decideContact } from './consent-decision.ts';
import { type ConsentChannel, type WithdrawConsentsInput, withdrawConsentsSchema } from './consent-input.ts';
import { type ConsentRecordView, toConsentRecordView } from './consent-view.ts';
import { findActivePurpose } from './find-purpose.ts';
import { consentPurposes } from './schema.ts';
import { type ConsentChange, consentStateOf, lockCustomerForConsent, writeConsentChanges } from './write-consent.ts';

export interface WithdrawalScope {
  purpose?: string | undefined;
  channel?: ConsentChannel | undefined;
  source: string;
  note?: string | null | undefined;
  evidence?: Record<string, unknown>;
}

/**
 * What "withdraw" means, per purpose: every granted state on the channel (every channel
 * when none is named) is withdrawn; then, if contact on (purpose, channel or 'any') would
 * still be allowed — a grant on 'any', or a purpose resting on a contract — a withdrawal
 * (an objection) is recorded there too. A purpose named explicitly with nothing on record
 * gets one record of the wish. Nothing left to withdraw → no change, so a repeated click
 * changes nothing.
 */
export async function planWithdrawals(
  tx: DbOrTx,
  customerId: string,
  scope: WithdrawalScope,
): Promise<ConsentChange[]> {
  const purposes = scope.purpose
    ? [await findActivePurpose(tx, scope.purpose)]
    : await tx.select().from(consentPurposes).where(eq(consentPurposes.active, true));
  const state = await consentStateOf(tx, customerId, scope.purpose);
  const channel = scope.channel === 'any' ? undefined : scope.channel;
  const changes: ConsentChange[] = [];
  for (const p of purposes) {
    const rows = state.filter((s) => s.purpose === p.code);
    const base = {
      purpose: p.code,
      status: 'withdrawn',
      source: scope.source,
      note: scope.note ?? null,
      ...(scope.evidence ? { evidence: scope.evidence } : {}),
    };
    for (const s of rows) {
      if (s.status !== 'granted') continue;
      // A grant on 'any' stands for the other channels when only one channel is withdrawn.
      if (channel && s.channel !== channel) continue;
      changes.push({ ...base, channel: s.channel, lawfulBasis: s.lawfulBasis, textVersion: s.textVersion });
    }
    const target = channel ?? 'any';
    const now = new Date();
    // The state as it will be once the withdrawals above are written.
    const after = rows.map((s) => ({
      channel: s.channel,
      status: changes.some((c) => c.purpose === p.code && c.channel === s.channel) ? 'withdrawn' : s.status,
      lawfulBasis: s.lawfulBasis,
      recordId: s.recordId,
      at: changes.some((c) => c.purpose === p.code && c.channel === s.channel) ? now : s.updatedAt,
    }));
    const stillAllowed = decideContact(p.lawfulBasis, target, after).allowed;
    const nothingOnRecord = !after.some((f) => f.channel === target || f.channel === 'any');
    const alreadyWritten = changes.some((c) => c.purpose === p.code && c.channel === target);
    if (!alreadyWritten && (stillAllowed || (scope.purpose !== undefined && nothingOnRecord))) {
      changes.push({ ...base, channel: target, lawfulBasis: p.lawfulBasis, textVersion: p.currentVersion });
    }
  }
  return changes;
}

/** Withdraws, in one click and one transaction, every consent matching purpose/channel. */
export async function withdrawConsents(
  db: Db,
  actor: Actor,
  customerId: string,
  raw: WithdrawConsentsInput,
): Promise<{ withdrawn: ConsentRecordView[] }> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(withdrawConsentsSchema, raw);
  return db.transaction(async (tx) => {
    await lockCustomerForConsent(tx, actor, customerId);
    const changes = await planWithdrawals(tx, customerId, { ...input, source: 'staff' });
    const records = await writeConsentChanges(tx, actor, customerId, changes);
    return { withdrawn: records.map(toConsentRecordView) };
  });
}
