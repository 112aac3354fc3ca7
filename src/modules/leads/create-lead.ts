import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize, scopeFor } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { assignByRules } from './assign-lead.ts';
import { namedOwner } from './lead-access.ts';
import { type CreateLeadData, type CreateLeadInput, createLeadSchema } from './lead-input.ts';
import { type LeadView, loadLeadView } from './lead-view.ts';
import { rescoreLead } from './rescore-lead.ts';
import { leadEvents, leads } from './schema.ts';

/** The name a list shows: the person's name, else the company, else a contact. */
export function leadDisplayName(
  l: Partial<Pick<CreateLeadData, 'firstName' | 'lastName' | 'company' | 'email' | 'phone' | 'lineId'>>,
): string | null {
  const name = [l.firstName, l.lastName].filter(Boolean).join(' ');
  return name || l.company || l.email || l.phone || l.lineId || null;
}

async function chooseOwner(tx: DbOrTx, actor: Actor, input: CreateLeadData) {
  if (input.ownerId) return { ...(await namedOwner(tx, actor, input.ownerId)), ruleId: null };
  const me = actor.principal.userId;
  // A salesperson who sees only their own leads keeps what they enter; rules would hide it from them.
  if (me && scopeFor(actor.principal, 'sales') === 'own') return { ...(await namedOwner(tx, actor, me)), ruleId: null };
  const byRule = await assignByRules(tx, { province: input.province ?? null, source: input.source });
  if (byRule) return byRule;
  if (me) return { ...(await namedOwner(tx, actor, me)), ruleId: null };
  return { ownerId: null, teamId: null, ruleId: null };
}

export interface CreateLeadOptions {
  formId?: string;
  /** Behaviour that came with the lead (a form fill), recorded before the first score. */
  firstEvent?: { kind: 'form_fill'; properties: Record<string, unknown> };
}

/**
 * Enters a lead (manual, API, form, import) in one transaction: owner chosen (given, the
 * caller's own, or the assignment rules), scored, audited, leads.created emitted.
 */
export async function createLead(
  db: DbOrTx,
  actor: Actor,
  raw: CreateLeadInput,
  options: CreateLeadOptions = {},
): Promise<LeadView> {
  authorize(actor.principal, 'sales', 'create');
  const input = validateInput(createLeadSchema, raw);
  const displayName = leadDisplayName(input);
  if (!displayName) throw new AppError('lead_needs_contact');
  return db.transaction(async (tx) => {
    const owner = await chooseOwner(tx, actor, input);
    const now = new Date();
    const [lead] = await tx
      .insert(leads)
      .values({
        displayName,
        firstName: input.firstName ?? null,
        lastName: input.lastName ?? null,
        company: input.company ?? null,
        jobTitle: input.jobTitle ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        lineId: input.lineId ?? null,
        province: input.province ?? null,
        source: input.source,
        sourceDetail: input.sourceDetail ?? null,
        notes: input.notes ?? null,
        formId: options.formId ?? null,
        ownerId: owner.ownerId,
        teamId: owner.teamId,
        assignedByRuleId: owner.ruleId,
        createdBy: actor.principal.userId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!lead) throw new Error('insert returned nothing');
    if (options.firstEvent) {
      await tx.insert(leadEvents).values({ leadId: lead.id, ...options.firstEvent, occurredAt: now });
    }
    await rescoreLead(tx, lead.id);
    await recordAudit(tx, actor, {
      entityType: 'lead',
      entityId: lead.id,
      action: 'create',
      after: {
        displayName,
        company: lead.company,
        email: lead.email,
        phone: lead.phone,
        province: lead.province,
        source: lead.source,
        ownerId: lead.ownerId,
        assignedByRuleId: lead.assignedByRuleId,
      },
    });
    await emitEvent(tx, {
      topic: 'leads.created',
      aggregateType: 'lead',
      aggregateId: lead.id,
      payload: { source: lead.source, ownerId: lead.ownerId, ruleId: lead.assignedByRuleId },
    });
    return loadLeadView(tx, lead.id, actor);
  });
}
