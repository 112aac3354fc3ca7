import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { createCustomer } from '../customers/index.ts';
import { mergeCustomers, unmergeCustomers } from '../dedupe/index.ts';
import { eraseCustomer } from '../privacy/index.ts';
import { createDeal } from './create-deal.ts';
import { dealErrors } from './errors.ts';
import { listDeals } from './list-deals.ts';
import { moveDeal } from './move-deal.ts';
import { dealStageHistory, deals } from './schema.ts';
import { SEEDED_STAGE_IDS } from './seeded-pipeline.ts';

let t: TestApp;
let db: Db;
const actor = systemActor('cli');

beforeAll(async () => {
  registerErrors(dealErrors);
  t = await createTestApp([]);
  db = t.testDb.database.db;
});
afterAll(() => t.close());

async function person(firstName: string, phone: string) {
  return (await createCustomer(db, actor, { firstName, phone } as never)).id;
}

describe('deals follow the customer', () => {
  it('move to the surviving profile on merge (back on unmerge), and new deals for the merged id land there too', async () => {
    const a = await person('สมศรี', '0811111111');
    const b = await person('Somsri', '0822222222');
    const first = await createDeal(db, actor, { customerId: b, title: 'แพ็กเกจรายปี', valueSatang: 1_200_000 });
    await moveDeal(db, actor, first.id, { stageId: SEEDED_STAGE_IDS.qualified });
    const merge = await mergeCustomers(db, actor, { survivorId: a, mergedIds: [b] });
    const [moved] = await db.select().from(deals).where(eq(deals.id, first.id));
    expect(moved?.customerId).toBe(a);
    // The history goes with the deal.
    expect((await db.select().from(dealStageHistory).where(eq(dealStageHistory.dealId, first.id))).length).toBe(2);
    const survivorDeals = await listDeals(db, actor, { customerId: a });
    expect(survivorDeals.items.map((d) => d.id)).toContain(first.id);
    const later = await createDeal(db, actor, { customerId: b, title: 'ต่ออายุ' });
    expect(later.customerId).toBe(a);
    await unmergeCustomers(db, actor, merge.mergeId);
    const [back] = await db.select().from(deals).where(eq(deals.id, first.id));
    expect(back?.customerId).toBe(b);
  });

  it('keep their amounts and stage but lose their free text when the customer is erased', async () => {
    const c = await person('ลบฉัน', '0833333333');
    const d = await createDeal(db, actor, {
      customerId: c,
      title: 'ดีลของคุณลบฉัน',
      valueSatang: 500_000,
      note: 'โทรหาคุณลบฉันที่ 083-333-3333',
    });
    await eraseCustomer(db, actor, c, { confirm: true, reason: 'customer asked' } as never);
    const [row] = await db.select().from(deals).where(eq(deals.id, d.id));
    expect(row).toMatchObject({ customerId: c, valueSatang: 500_000, status: 'open', stageId: d.stageId });
    expect(row?.note ?? '').not.toContain('ลบฉัน');
    expect(row?.title ?? '').not.toContain('ลบฉัน');
    await expect(createDeal(db, actor, { customerId: c, title: 'อีกดีล' })).rejects.toMatchObject({
      code: 'deal_customer_inactive',
    });
  });
});
