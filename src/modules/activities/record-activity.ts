import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers } from '../customers/index.ts';
import { activities } from './schema.ts';

export type ActivityInsert = typeof activities.$inferInsert;

/** Kinds that count as contacting the customer (they move customers.last_contacted_at). */
export const CONTACT_KINDS = ['call', 'meeting', 'email', 'message'] as const;
const CONTACT = new Set<string>(CONTACT_KINDS);

/** An inbound call or message is the customer contacting us, not us contacting them. */
function isContact(e: { kind: string; direction?: string | null | undefined }): boolean {
  return CONTACT.has(e.kind) && e.direction !== 'inbound';
}

/**
 * Writes timeline entries in the caller's transaction. Every module records what happened
 * to a customer through this one function, so the 360° view has a single source.
 *
 * Outbound contacts (calls, meetings, emails, messages that are not inbound) move
 * customers.last_contacted_at forward, never back; an entry dated ahead (a meeting logged
 * for later today) counts as contact at the time it was written, not in the future.
 */
export async function recordActivities(tx: DbOrTx, entries: ActivityInsert[]): Promise<void> {
  if (entries.length === 0) return;
  const now = new Date();
  await tx.insert(activities).values(entries.map((e) => ({ ...e, createdAt: e.createdAt ?? now })));
  const contacted = new Map<string, Date>();
  for (const e of entries) {
    if (!isContact(e)) continue;
    const occurred = e.occurredAt ?? now;
    const at = occurred > now ? now : occurred;
    const prev = contacted.get(e.customerId);
    if (!prev || prev < at) contacted.set(e.customerId, at);
  }
  for (const [customerId, at] of contacted) {
    await tx
      .update(customers)
      .set({ lastContactedAt: sql`greatest(${customers.lastContactedAt}, ${at.toISOString()}::timestamptz)` })
      .where(sql`${customers.id} = ${customerId}`);
  }
}

export async function recordActivity(tx: DbOrTx, entry: ActivityInsert): Promise<void> {
  await recordActivities(tx, [entry]);
}

/**
 * Recomputes last_contacted_at from the timeline, by the same rule as recordActivities,
 * after a contact entry was edited or deleted (the value may have to move back).
 */
export async function refreshLastContacted(tx: DbOrTx, customerId: string): Promise<void> {
  const kinds = sql.join(
    CONTACT_KINDS.map((k) => sql`${k}`),
    sql`, `,
  );
  await tx.execute(sql`
    update customers set last_contacted_at = (
      select max(least(a.occurred_at, a.created_at)) from activities a
      where a.customer_id = ${customerId} and a.kind in (${kinds}) and a.direction is distinct from 'inbound'
    )
    where id = ${customerId}`);
}
