import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { type CreateCustomerInput, createCustomer, getCustomer, validateInput } from '../customers/index.ts';
import { createDeal } from '../deals/index.ts';
import { resolveCustomer } from '../identity/index.ts';
import { leadFor } from './lead-access.ts';
import { type ConvertLeadInput, convertLeadSchema } from './lead-input.ts';
import { copyLeadHistory } from './lead-timeline.ts';
import { type LeadView, loadLeadView } from './lead-view.ts';
import { leadEvents, leads } from './schema.ts';

type LeadRow = typeof leads.$inferSelect;

/** The customer profile fields a lead carries over. */
function profileOf(lead: LeadRow, actor: Actor): CreateCustomerInput {
  const person = Boolean(lead.firstName || lead.lastName);
  return {
    kind: person ? 'person' : lead.company ? 'company' : 'person',
    customerType: lead.company ? 'business' : 'consumer',
    ...(person ? {} : { displayName: lead.displayName }),
    firstName: lead.firstName,
    lastName: lead.lastName,
    province: lead.province,
    source: lead.source,
    // The lead's owner keeps the customer; naming oneself is what a salesperson may do anyway.
    ...(lead.ownerId && lead.ownerId !== actor.principal.userId ? { ownerId: lead.ownerId } : {}),
  };
}

/** Finds or creates the customer: the one named, else identity resolution on the lead's contacts. */
async function customerFor(tx: DbOrTx, actor: Actor, lead: LeadRow, customerId: string | undefined): Promise<string> {
  if (customerId) return (await getCustomer(tx, actor, customerId)).id;
  const profile = profileOf(lead, actor);
  const identifiers = [
    ...(lead.email ? [{ kind: 'email' as const, value: lead.email }] : []),
    ...(lead.phone ? [{ kind: 'phone' as const, value: lead.phone }] : []),
    ...(lead.lineId ? [{ kind: 'line' as const, value: lead.lineId }] : []),
  ];
  if (identifiers.length === 0) return (await createCustomer(tx, actor, profile)).id;
  const { kind: _kind, ...fields } = profile;
  // onMatch skip: an existing profile is linked as it is; the lead never overwrites a customer.
  const resolution = await resolveCustomer(tx, actor, {
    identifiers,
    profile: { ...fields, kind: profile.kind },
    channel: lead.source === 'form' ? 'form' : 'api',
    onMatch: 'skip',
  });
  return resolution.customer.id;
}

/**
 * Converts a lead, in one transaction: the customer (linked or found/created by identity
 * resolution), optionally a deal on a pipeline, the lead's history copied to the customer's
 * timeline, and the lead marked converted with its links kept. Twice is refused.
 */
export async function convertLead(db: DbOrTx, actor: Actor, id: string, raw: ConvertLeadInput): Promise<LeadView> {
  authorize(actor.principal, 'customers', 'create');
  const input = validateInput(convertLeadSchema, raw);
  return db.transaction(async (tx) => {
    const lead = await leadFor(tx, actor, id, 'update', true);
    if (lead.status === 'converted')
      throw new AppError('lead_already_converted', { convertedAt: lead.convertedAt?.toISOString() ?? '' });
    if (lead.status === 'disqualified') throw new AppError('lead_disqualified');
    const customerId = await customerFor(tx, actor, lead, input.customerId);
    const deal = input.deal
      ? await createDeal(tx, actor, {
          customerId,
          title: input.deal.title,
          ...(input.deal.pipelineId ? { pipelineId: input.deal.pipelineId } : {}),
          ...(input.deal.valueSatang === undefined ? {} : { valueSatang: input.deal.valueSatang }),
          ...(lead.ownerId ? { ownerId: lead.ownerId } : {}),
          note: `Lead · ลีด ${lead.displayName}`,
        })
      : null;
    const now = new Date();
    const events = await tx
      .select()
      .from(leadEvents)
      .where(eq(leadEvents.leadId, id))
      .orderBy(asc(leadEvents.occurredAt));
    await copyLeadHistory(tx, customerId, lead, events, actor.principal.userId ?? null, now);
    await tx
      .update(leads)
      .set({
        status: 'converted',
        convertedCustomerId: customerId,
        convertedDealId: deal?.id ?? null,
        convertedAt: now,
        convertedBy: actor.principal.userId ?? null,
        updatedAt: now,
      })
      .where(eq(leads.id, id));
    await recordAudit(tx, actor, {
      entityType: 'lead',
      entityId: id,
      action: 'convert',
      before: { status: lead.status },
      after: { status: 'converted', convertedCustomerId: customerId, convertedDealId: deal?.id ?? null },
    });
    await emitEvent(tx, {
      topic: 'leads.converted',
      aggregateType: 'lead',
      aggregateId: id,
      payload: { customerId, dealId: deal?.id ?? null, score: lead.score },
    });
    return loadLeadView(tx, id, actor);
  });
}
