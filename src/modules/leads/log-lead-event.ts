import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { recordActivity } from '../activities/index.ts';
import { validateInput } from '../customers/index.ts';
import { leadFor } from './lead-access.ts';
import { type LeadEventInput, leadEventSchema } from './lead-input.ts';
import { leadEventEntry } from './lead-timeline.ts';
import { type LeadView, loadLeadView } from './lead-view.ts';
import { rescoreLead } from './rescore-lead.ts';
import { leadEvents } from './schema.ts';

/**
 * Records behaviour (a form fill, email click, visit, reply, call, meeting or note) and
 * rescores the lead in the same transaction, so the score the caller gets back already
 * counts it. On a converted lead the event also goes to the customer's timeline.
 */
export async function logLeadEvent(db: DbOrTx, actor: Actor, id: string, raw: LeadEventInput): Promise<LeadView> {
  const input = validateInput(leadEventSchema, raw);
  return db.transaction(async (tx) => {
    const lead = await leadFor(tx, actor, id, 'update', true);
    const [event] = await tx
      .insert(leadEvents)
      .values({
        leadId: id,
        kind: input.kind,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
        properties: input.properties,
        createdBy: actor.principal.userId ?? null,
      })
      .returning();
    if (!event) throw new Error('insert returned nothing');
    await rescoreLead(tx, id);
    if (lead.convertedCustomerId) await recordActivity(tx, leadEventEntry(lead.convertedCustomerId, lead, event));
    await recordAudit(tx, actor, {
      entityType: 'lead',
      entityId: id,
      action: 'event',
      changes: { event: { before: null, after: input.kind } },
    });
    await emitEvent(tx, {
      topic: 'leads.event_logged',
      aggregateType: 'lead',
      aggregateId: id,
      payload: { eventId: event.id, kind: event.kind },
    });
    return loadLeadView(tx, id, actor);
  });
}
