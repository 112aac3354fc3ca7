import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { createCustomer, customers } from '../customers/index.ts';
import { mergeCustomers } from '../dedupe/index.ts';
import { eraseCustomer } from '../privacy/index.ts';
import { createProduct } from '../products/index.ts';
import { createOrder } from './create-order.ts';
import { orderErrors } from './errors.ts';
import { orders } from './schema.ts';

let t: TestApp;
let db: Db;
const actor = systemActor('cli');

beforeAll(async () => {
  registerErrors(orderErrors);
  t = await createTestApp([]);
  db = t.testDb.database.db;
  await createProduct(db, actor, { sku: 'TEA', nameTh: 'ชาไทย', unitPriceSatang: 4500 });
});
afterAll(() => t.close());

async function person(firstName: string, phone: string) {
  return (await createCustomer(db, actor, { firstName, phone } as never)).id;
}

describe('orders follow the customer', () => {
  it('move to the surviving profile on merge, and new orders for the merged id land there too', async () => {
    const a = await person('สมศรี', '0811111111');
    const b = await person('Somsri', '0822222222');
    const first = await createOrder(db, actor, { customerId: b, status: 'paid', lines: [{ sku: 'TEA', quantity: 2 }] });
    await mergeCustomers(db, actor, { survivorId: a, mergedIds: [b] });
    const [moved] = await db.select().from(orders).where(eq(orders.id, first.order.id));
    expect(moved?.customerId).toBe(a);
    const later = await createOrder(db, actor, { customerId: b, lines: [{ sku: 'TEA' }] });
    expect(later.order.customerId).toBe(a);
  });

  it('keep their amounts but lose their free text when the customer is erased', async () => {
    const c = await person('ลบฉัน', '0833333333');
    const o = await createOrder(db, actor, {
      customerId: c,
      status: 'paid',
      note: 'ส่งที่บ้านคุณลบฉัน ซอย 5',
      lines: [{ sku: 'TEA', quantity: 3 }],
    });
    await eraseCustomer(db, actor, c, { confirm: true, reason: 'customer asked' } as never);
    const [row] = await db.select().from(orders).where(eq(orders.id, o.order.id));
    expect(row).toMatchObject({ customerId: c, totalSatang: 13_500, status: 'paid' });
    expect(row?.note ?? '').not.toContain('ลบฉัน');
    const [gone] = await db.select().from(customers).where(eq(customers.id, c));
    expect(gone?.status).toBe('erased');
    await expect(createOrder(db, actor, { customerId: c, lines: [{ sku: 'TEA' }] })).rejects.toMatchObject({
      code: 'order_customer_inactive',
    });
  });
});
