import { eq } from 'drizzle-orm';
import { diffFields, recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { leadDisplayName } from './create-lead.ts';
import { leadFor, namedOwner } from './lead-access.ts';
import { type UpdateLeadInput, updateLeadSchema } from './lead-input.ts';
import { type LeadView, loadLeadView } from './lead-view.ts';
import { rescoreLead } from './rescore-lead.ts';
import { leads } from './schema.ts';

/** Changes a lead's details or owner; the score follows (fit rules look at these fields). */
export async function updateLead(db: DbOrTx, actor: Actor, id: string, raw: UpdateLeadInput): Promise<LeadView> {
  const input = validateInput(updateLeadSchema, raw);
  return db.transaction(async (tx) => {
    const before = await leadFor(tx, actor, id, 'update', true);
    const { ownerId, ...fields } = input;
    const owner = ownerId && ownerId !== before.ownerId ? await namedOwner(tx, actor, ownerId) : undefined;
    const merged = { ...before, ...fields };
    const displayName = leadDisplayName(merged);
    if (!displayName) throw new AppError('lead_needs_contact');
    const [after] = await tx
      .update(leads)
      .set({
        ...fields,
        displayName,
        ...(owner ? { ownerId: owner.ownerId, teamId: owner.teamId, assignedByRuleId: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(leads.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    await rescoreLead(tx, id);
    const changes = diffFields(before, after);
    delete changes.scoreReasons;
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, actor, { entityType: 'lead', entityId: id, action: 'update', changes });
      await emitEvent(tx, {
        topic: 'leads.updated',
        aggregateType: 'lead',
        aggregateId: id,
        payload: { fields: Object.keys(changes) },
      });
    }
    return loadLeadView(tx, id, actor);
  });
}
