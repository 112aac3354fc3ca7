import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { type ActivityInsert, recordActivities } from '../activities/index.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import type { ConsentRecordRow } from './consent-view.ts';
import { consentRecords, consentState } from './schema.ts';

export interface ConsentChange {
  purpose: string;
  channel: string;
  status: string;
  lawfulBasis: string;
  source: string;
  textVersion: number | null;
  note?: string | null;
  evidence?: Record<string, unknown>;
}

/**
 * The customer row, locked for this transaction, if the caller may see it (else 404).
 * Consent is recorded only on an active profile; a merged one sends you to its survivor.
 */
export async function lockCustomerForConsent(tx: DbOrTx, actor: Actor | null, customerId: string) {
  const where = eq(customers.id, customerId);
  const [row] = await tx
    .select({ id: customers.id, status: customers.status })
    .from(customers)
    .where(actor ? visibleCustomer(actor, where) : where)
    .for('update');
  if (!row) throw new AppError('not_found');
  if (row.status !== 'active') throw new AppError('consent_customer_inactive', { status: row.status });
  return row;
}

/**
 * Appends consent records, moves consent_state to them, and records the change three ways
 * in the caller's transaction: audit entry, consent.changed event, timeline activity.
 */
export async function writeConsentChanges(
  tx: DbOrTx,
  actor: Actor,
  customerId: string,
  changes: ConsentChange[],
): Promise<ConsentRecordRow[]> {
  if (changes.length === 0) return [];
  const previous = await tx
    .select({ purpose: consentState.purpose, channel: consentState.channel, status: consentState.status })
    .from(consentState)
    .where(eq(consentState.customerId, customerId));
  const before = new Map(previous.map((p) => [`${p.purpose}.${p.channel}`, p.status]));
  // One clock for the whole change, so "latest wins" never depends on statement order.
  const now = new Date();
  const records = await tx
    .insert(consentRecords)
    .values(
      changes.map((c) => ({
        customerId,
        purpose: c.purpose,
        channel: c.channel,
        status: c.status,
        lawfulBasis: c.lawfulBasis,
        source: c.source,
        textVersion: c.textVersion,
        note: c.note ?? null,
        evidence: c.evidence ?? {},
        actorUserId: actor.principal.userId,
        recordedAt: now,
      })),
    )
    .returning();
  for (const r of records) {
    await tx
      .insert(consentState)
      .values({
        customerId,
        purpose: r.purpose,
        channel: r.channel,
        status: r.status,
        lawfulBasis: r.lawfulBasis,
        textVersion: r.textVersion,
        recordId: r.id,
        updatedAt: r.recordedAt,
      })
      .onConflictDoUpdate({
        target: [consentState.customerId, consentState.purpose, consentState.channel],
        set: {
          status: r.status,
          lawfulBasis: r.lawfulBasis,
          textVersion: r.textVersion,
          recordId: r.id,
          updatedAt: r.recordedAt,
        },
      });
  }
  const auditChanges = Object.fromEntries(
    records.map((r) => [
      `consent.${r.purpose}.${r.channel}`,
      { before: before.get(`${r.purpose}.${r.channel}`) ?? null, after: r.status },
    ]),
  );
  await recordAudit(tx, actor, {
    entityType: 'customer',
    entityId: customerId,
    action: 'consent',
    changes: auditChanges,
  });
  await emitEvent(tx, {
    topic: 'consent.changed',
    aggregateType: 'customer',
    aggregateId: customerId,
    payload: {
      changes: records.map((r) => ({
        recordId: r.id,
        purpose: r.purpose,
        channel: r.channel,
        status: r.status,
        lawfulBasis: r.lawfulBasis,
        source: r.source,
      })),
    },
  });
  await recordActivities(
    tx,
    records.map((r) => consentActivity(customerId, r, actor)),
  );
  return records;
}

function consentActivity(customerId: string, r: ConsentRecordRow, actor: Actor): ActivityInsert {
  return {
    customerId,
    kind: 'consent',
    occurredAt: r.recordedAt,
    subject: `${r.purpose} · ${r.channel}: ${r.status}`,
    channel: r.channel === 'any' ? null : r.channel,
    refType: 'consent_record',
    refId: r.id,
    data: { purpose: r.purpose, channel: r.channel, status: r.status, source: r.source, textVersion: r.textVersion },
    actorUserId: actor.principal.userId,
  };
}

/** Current consent state rows of one customer (optionally of one purpose). */
export async function consentStateOf(tx: DbOrTx, customerId: string, purpose?: string) {
  return tx
    .select()
    .from(consentState)
    .where(and(eq(consentState.customerId, customerId), purpose ? eq(consentState.purpose, purpose) : sql`true`));
}
