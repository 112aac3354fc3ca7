import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { customers, visibleCustomer } from '../customers/index.ts';
import { type CustomerDataExport, collectCustomerData } from './collect-customer-data.ts';
import { dataSubjectRequests } from './schema.ts';

/**
 * PDPA right of access: everything held about a customer the caller may see. The request
 * itself is recorded (data_subject_requests, audit, event) without any of the data.
 */
export async function exportCustomerData(db: Db, actor: Actor, customerId: string): Promise<CustomerDataExport> {
  authorize(actor.principal, 'customers', 'export');
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(visibleCustomer(actor, eq(customers.id, customerId)));
    if (!customer) throw new AppError('not_found');
    const data = await collectCustomerData(tx, customerId);
    const counts = {
      identities: data.identities.length,
      addresses: data.addresses.length,
      activities: data.activities.length,
      consentHistory: data.consentHistory.length,
      otherTables: Object.fromEntries(Object.entries(data.otherTables).map(([t, r]) => [t, r.length])),
    };
    const [request] = await tx
      .insert(dataSubjectRequests)
      .values({
        customerId,
        kind: 'export',
        status: 'completed',
        result: counts,
        actorUserId: actor.principal.userId,
        completedAt: new Date(),
      })
      .returning({ id: dataSubjectRequests.id });
    await recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: customerId,
      action: 'data_export',
      changes: { request: { before: null, after: request?.id ?? null } },
    });
    await emitEvent(tx, {
      topic: 'customer.data_exported',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { requestId: request?.id ?? null },
    });
    return data;
  });
}
