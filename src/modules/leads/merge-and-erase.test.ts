import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { createCustomer, customers } from '../customers/index.ts';
import { mergeCustomers, purgeExpiredMerges } from '../dedupe/index.ts';
import { eraseCustomer, exportCustomerData } from '../privacy/index.ts';
import { convertLead } from './convert-lead.ts';
import { createLead } from './create-lead.ts';
import { leadErrors } from './errors.ts';
import { leads } from './schema.ts';

let t: TestApp;
let db: Db;
const actor = systemActor('cli');

beforeAll(async () => {
  registerErrors(leadErrors);
  t = await createTestApp([]);
  db = t.testDb.database.db;
});
afterAll(() => t.close());

async function convertedLead(firstName: string, phone: string, customerId: string) {
  const lead = await createLead(db, actor, { firstName, phone, source: 'manual' } as never);
  await convertLead(db, actor, lead.id, { customerId });
  return lead.id;
}

describe('a converted lead follows its customer', () => {
  it('moves to the surviving profile on merge, so the merged one can be purged', async () => {
    const a = (await createCustomer(db, actor, { firstName: 'สมชาย', phone: '0811112222' } as never)).id;
    const b = (await createCustomer(db, actor, { firstName: 'Somchai', phone: '0822223333' } as never)).id;
    const leadId = await convertedLead('สมชาย', '0822223333', b);
    await mergeCustomers(db, actor, { survivorId: a, mergedIds: [b] });
    const [row] = await db.select().from(leads).where(eq(leads.id, leadId));
    expect(row?.convertedCustomerId).toBe(a);
    // Once the undo window is over the merged profile is deleted: nothing of the lead's
    // may still point at it (its foreign key would refuse the purge).
    await purgeExpiredMerges(db, new Date(Date.now() + 400 * 86_400_000));
    expect(await db.select({ id: customers.id }).from(customers).where(eq(customers.id, b))).toEqual([]);
  });

  it('is in the customer’s data export, and its personal columns are cleared on erasure', async () => {
    const c = (await createCustomer(db, actor, { firstName: 'ลบฉัน', phone: '0833334444' } as never)).id;
    const leadId = await convertedLead('ลบฉัน', '0833334444', c);
    const exported = JSON.stringify(await exportCustomerData(db, actor, c));
    expect(exported).toContain(leadId);
    await eraseCustomer(db, actor, c, { confirm: true, reason: 'customer asked' } as never);
    const [row] = await db.select().from(leads).where(eq(leads.id, leadId));
    expect(row).toMatchObject({ id: leadId, convertedCustomerId: c, status: 'converted', phone: null });
    expect(JSON.stringify(row)).not.toContain('ลบฉัน');
  });
});
