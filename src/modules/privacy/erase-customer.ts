import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { customers, validateInput, visibleCustomer } from '../customers/index.ts';
import { customerDataTables, rowsOf } from './customer-data-tables.ts';
import { type EraseCustomerInput, type EraseResult, eraseCustomerSchema } from './erase-input.ts';
import { type EraseCounts, eraseProfileData } from './erase-profile-data.ts';
import { dataSubjectRequests } from './schema.ts';

/**
 * PDPA erasure, in one transaction: the profile is anonymised (personal columns cleared,
 * status 'erased'), identities, addresses, company links, consents and duplicate
 * dismissals are deleted, timeline entries keep only kind and time, rows of other tables
 * with a customer_id stay (aggregates such as orders) with their personal columns
 * cleared, and audit entries about the customer keep what happened but not the values.
 * Profiles merged into it (tombstones kept for unmerge) are erased with it. A new audit
 * entry and a data_subject_requests row say that erasure happened — without the data.
 */
export async function eraseCustomer(
  db: Db,
  actor: Actor,
  customerId: string,
  raw: EraseCustomerInput,
): Promise<EraseResult> {
  authorize(actor.principal, 'customers', 'delete');
  const input = validateInput(eraseCustomerSchema, raw);
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id, status: customers.status, updatedAt: customers.updatedAt })
      .from(customers)
      .where(visibleCustomer(actor, eq(customers.id, customerId)))
      .for('update');
    if (!customer) throw new AppError('not_found');
    if (customer.status === 'erased') {
      const [prior] = await tx
        .select({ at: dataSubjectRequests.completedAt })
        .from(dataSubjectRequests)
        .where(and(eq(dataSubjectRequests.customerId, customerId), eq(dataSubjectRequests.kind, 'erase')))
        .orderBy(desc(dataSubjectRequests.requestedAt))
        .limit(1);
      throw new AppError('customer_already_erased', { at: (prior?.at ?? customer.updatedAt).toISOString() });
    }
    const merged = await rowsOf<{ id: string }>(
      tx,
      sql`with recursive m as (
            select id from customers where merged_into_id = ${customerId} and status = 'merged'
            union select c.id from customers c join m on c.merged_into_id = m.id where c.status = 'merged')
          select c.id from customers c where c.id in (select id from m) for update`,
    );
    const tables = await customerDataTables(tx);
    const counts: EraseCounts = {};
    for (const id of [customerId, ...merged.map((m) => m.id)]) await eraseProfileData(tx, id, tables, counts);
    counts.merged_profiles = merged.length;

    const erasedAt = new Date();
    const [request] = await tx
      .insert(dataSubjectRequests)
      .values({
        customerId,
        kind: 'erase',
        status: 'completed',
        result: { counts, mergedIds: merged.map((m) => m.id), ...(input.reason ? { reason: input.reason } : {}) },
        actorUserId: actor.principal.userId,
        requestedAt: erasedAt,
        completedAt: erasedAt,
      })
      .returning({ id: dataSubjectRequests.id });
    if (!request) throw new Error('data subject request insert returned no row');
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: customerId,
      action: 'erase',
      changes: { request: { before: null, after: request.id } },
    });
    await emitEvent(tx, {
      topic: 'customer.erased',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { requestId: request.id, mergedIds: merged.map((m) => m.id) },
    });
    return { requestId: request.id, customerId, erasedAt: erasedAt.toISOString(), counts };
  });
}
