import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { leadFor } from './lead-access.ts';
import { type LeadStatusChangeInput, leadStatusChangeSchema } from './lead-input.ts';
import { type LeadView, loadLeadView } from './lead-view.ts';
import { leads } from './schema.ts';

/**
 * Qualification: new → contacted → qualified, or disqualified with a reason (back to new
 * reopens it). A converted lead keeps its status. The first time a step is reached is kept.
 */
export async function changeLeadStatus(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: LeadStatusChangeInput,
): Promise<LeadView> {
  const input = validateInput(leadStatusChangeSchema, raw);
  if (input.status === 'disqualified' && !input.reason) throw new AppError('lead_disqualify_reason_required');
  return db.transaction(async (tx) => {
    const before = await leadFor(tx, actor, id, 'update', true);
    if (before.status === 'converted') throw new AppError('lead_converted_locked');
    if (before.status === input.status && input.status !== 'disqualified') return loadLeadView(tx, id, actor);
    const now = new Date();
    const [after] = await tx
      .update(leads)
      .set({
        status: input.status,
        disqualifyReason: input.status === 'disqualified' ? (input.reason ?? null) : null,
        ...(input.status === 'contacted' && !before.contactedAt ? { contactedAt: now } : {}),
        ...(input.status === 'qualified' && !before.qualifiedAt ? { qualifiedAt: now } : {}),
        disqualifiedAt: input.status === 'disqualified' ? now : null,
        updatedAt: now,
      })
      .where(eq(leads.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    await recordAudit(tx, actor, {
      entityType: 'lead',
      entityId: id,
      action: `status_${input.status}`,
      before: { status: before.status, disqualifyReason: before.disqualifyReason },
      after: { status: after.status, disqualifyReason: after.disqualifyReason },
    });
    await emitEvent(tx, {
      topic: 'leads.status_changed',
      aggregateType: 'lead',
      aggregateId: id,
      payload: { from: before.status, to: after.status, reason: after.disqualifyReason },
    });
    return loadLeadView(tx, id, actor);
  });
}
