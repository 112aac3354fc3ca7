import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit/schema.ts';
import type { Db } from '../../core/db/database.ts';
import type { AddressView } from './address-input.ts';
import { createExtrasFixture, type ExtrasFixture, insertCustomer, problemOf } from './extras-testing.ts';
import { customerAddresses, customers } from './schema.ts';

let f: ExtrasFixture;
let db: Db;
let mine: string;
let others: string;

beforeAll(async () => {
  f = await createExtrasFixture();
  db = f.t.testDb.database.db;
  mine = await insertCustomer(db, { displayName: 'ของฉัน', ownerId: f.salesA.userId });
  others = await insertCustomer(db, { displayName: 'ของคนอื่น', ownerId: f.salesB.userId });
  await db.update(customers).set({ updatedAt: new Date('2020-01-01T00:00:00Z') });
});
afterAll(() => f.t.close());

async function addressCount(customerId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId));
  return row?.n;
}

describe('customer addresses API', () => {
  let addressId: string;

  it('adds an address (201), defaults country TH, touches the profile and audits', async () => {
    const res = await f.call('POST', `/customers/${mine}/addresses`, f.salesA.token, {
      label: 'work',
      addressLine: ' 99/1 ถนนสุขุมวิท ',
      subDistrict: 'คลองเตยเหนือ',
      district: 'วัฒนา',
      province: 'กรุงเทพมหานคร',
      postcode: '10110',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as AddressView;
    expect(body).toMatchObject({ label: 'work', addressLine: '99/1 ถนนสุขุมวิท', country: 'TH', customerId: mine });
    addressId = body.id;
    const [c] = await db.select().from(customers).where(eq(customers.id, mine));
    expect(c?.updatedAt.getFullYear()).toBeGreaterThan(2020);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, mine), eq(auditLog.action, 'address_add')));
    expect(audits).toHaveLength(1);
  });

  it('refuses a bad postcode, label or empty address per field (Thai and English), writing nothing', async () => {
    const before = await addressCount(mine);
    for (const postcode of ['1011', '99999', '0a110', '00100']) {
      const p = await problemOf(
        await f.call('POST', `/customers/${mine}/addresses`, f.salesA.token, { province: 'ตาก', postcode }),
        400,
      );
      expect(p.errors).toEqual([{ path: 'postcode', message: 'a Thai postcode is 5 digits, 10000–96999' }]);
    }
    const th = await problemOf(
      await f.call('POST', `/customers/${mine}/addresses`, f.salesA.token, { postcode: '123' }, 'th'),
      400,
    );
    expect(th.errors?.[0]?.message).toMatch(/รหัสไปรษณีย์/);
    const label = await problemOf(
      await f.call('POST', `/customers/${mine}/addresses`, f.salesA.token, { label: 'castle', province: 'ตาก' }),
      400,
    );
    expect(label.errors?.map((e) => e.path)).toEqual(['label']);
    const empty = await problemOf(
      await f.call('POST', `/customers/${mine}/addresses`, f.salesA.token, { label: 'home', addressLine: '  ' }),
      400,
    );
    expect(empty.errors?.map((e) => e.path)).toEqual(['addressLine']);
    const country = await problemOf(
      await f.call('POST', `/customers/${mine}/addresses`, f.salesA.token, { country: 'Thailand', province: 'ตาก' }),
      400,
    );
    expect(country.errors?.map((e) => e.path)).toEqual(['country']);
    expect(await addressCount(mine)).toBe(before);
  });

  it('accepts a foreign postcode outside Thailand', async () => {
    const res = await f.call('POST', `/customers/${mine}/addresses`, f.salesA.token, {
      label: 'shipping',
      addressLine: '1 Raffles Place',
      postcode: '048616',
      country: 'sg',
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as AddressView).country).toBe('SG');
  });

  it('lists, changes and removes addresses', async () => {
    const list = (await (await f.call('GET', `/customers/${mine}/addresses`, f.salesA.token)).json()) as {
      items: AddressView[];
    };
    expect(list.items.map((a) => a.label)).toEqual(['work', 'shipping']);
    const patched = await f.call('PATCH', `/customers/${mine}/addresses/${addressId}`, f.salesA.token, {
      label: 'billing',
      postcode: '10120',
    });
    expect(patched.status).toBe(200);
    expect((await patched.json()) as AddressView).toMatchObject({
      label: 'billing',
      postcode: '10120',
      district: 'วัฒนา',
    });
    const bad = await f.call('PATCH', `/customers/${mine}/addresses/${addressId}`, f.salesA.token, { postcode: '5' });
    await problemOf(bad, 400);
    const emptied = await f.call('PATCH', `/customers/${mine}/addresses/${addressId}`, f.salesA.token, {
      addressLine: null,
      subDistrict: '',
      district: null,
      province: null,
      postcode: null,
    });
    expect((await problemOf(emptied, 400)).errors?.map((e) => e.path)).toEqual(['addressLine']);
    const [kept] = await db.select().from(customerAddresses).where(eq(customerAddresses.id, addressId));
    expect(kept?.postcode).toBe('10120');
    const removed = await f.call('DELETE', `/customers/${mine}/addresses/${addressId}`, f.salesA.token);
    expect(removed.status).toBe(204);
    expect(await addressCount(mine)).toBe(1);
    const gone = await f.call('DELETE', `/customers/${mine}/addresses/${addressId}`, f.salesA.token);
    expect((await problemOf(gone, 404)).code).toBe('not_found');
  });

  it("hides another owner's customer (404) and refuses readers writing (403)", async () => {
    const body = { label: 'home', province: 'ตาก' };
    expect((await problemOf(await f.call('GET', `/customers/${others}/addresses`, f.salesA.token), 404)).code).toBe(
      'not_found',
    );
    expect(
      (await problemOf(await f.call('POST', `/customers/${others}/addresses`, f.salesA.token, body), 404)).code,
    ).toBe('not_found');
    expect(
      (await problemOf(await f.call('POST', `/customers/${mine}/addresses`, f.viewer.token, body), 403)).code,
    ).toBe('forbidden');
    expect((await f.call('GET', `/customers/${mine}/addresses`, f.viewer.token)).status).toBe(200);
    const [other] = await db.select().from(customerAddresses).where(eq(customerAddresses.customerId, mine));
    const cross = await f.call('DELETE', `/customers/${others}/addresses/${other?.id}`, f.salesB.token);
    expect((await problemOf(cross, 404)).code).toBe('not_found');
    expect(await addressCount(others)).toBe(0);
    expect(await addressCount(mine)).toBe(1);
  });

  it('takes no addresses on a merged profile', async () => {
    const merged = await insertCustomer(db, { displayName: 'รวมแล้ว', ownerId: f.salesA.userId, status: 'merged' });
    const res = await f.call('POST', `/customers/${merged}/addresses`, f.salesA.token, { province: 'ตาก' });
    expect((await problemOf(res, 404)).code).toBe('not_found');
  });
});
