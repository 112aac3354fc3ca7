import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { leadFor } from './lead-access.ts';
import { type LeadEventView, type LeadView, loadLeadView, toEventView } from './lead-view.ts';
import { leadEvents } from './schema.ts';

/** One lead the caller may see, with its score reasons. */
export async function getLead(db: DbOrTx, actor: Actor, id: string): Promise<LeadView> {
  await leadFor(db, actor, id, 'read');
  return loadLeadView(db, id, actor);
}

/** A lead's behaviour and notes, newest first (at most 200). */
export async function listLeadEvents(db: DbOrTx, actor: Actor, id: string): Promise<LeadEventView[]> {
  await leadFor(db, actor, id, 'read');
  const rows = await db
    .select()
    .from(leadEvents)
    .where(eq(leadEvents.leadId, id))
    .orderBy(desc(leadEvents.occurredAt), desc(leadEvents.id))
    .limit(200);
  return rows.map(toEventView);
}
