import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { customersModule } from '../customers/index.ts';
import { productsModule } from './index.ts';

let t: TestApp;
let admin: { userId: string; token: string };
let manager: { userId: string; token: string };
let sales: { userId: string; token: string };
let otherSales: { userId: string; token: string };

type Json = Record<string, unknown>;
const call = async (method: string, path: string, token: string, body?: unknown, lang = 'en') => {
  const res = await t.app.request(
    `/api/v1${path}`,
    jsonRequest(method, body, bearer(token, { 'accept-language': lang })),
  );
  return { status: res.status, body: (await res.json()) as Json };
};
const count = async (table: string) =>
  Number((await t.testDb.database.query<{ n: string }>(`select count(*)::text as n from ${table}`))[0]?.n);

beforeAll(async () => {
  for (const m of [customersModule, productsModule]) registerErrors(m.errors ?? {});
  t = await createTestApp([customersModule, productsModule]);
  [admin, manager, sales, otherSales] = await Promise.all([
    t.userWithToken('admin'),
    t.userWithToken('manager'),
    t.userWithToken('sales'),
    t.userWithToken('sales'),
  ]);
});
afterAll(() => t.close());

describe('products', () => {
  let latte: Json;

  it('creates a product in the organisation currency with 7% VAT included by default', async () => {
    const res = await call('POST', '/products', manager.token, {
      sku: 'CF-LATTE-16',
      nameTh: 'ลาเต้เย็น 16 ออนซ์',
      nameEn: 'Iced latte 16 oz',
      category: 'เครื่องดื่ม',
      unitPriceSatang: 6500,
    });
    expect(res.status).toBe(201);
    latte = res.body;
    expect(latte).toMatchObject({
      currency: 'THB',
      vatMode: 'included',
      vatRateBp: 700,
      active: true,
      kind: 'product',
    });
  });

  it('refuses a second product with the same SKU in another case, in Thai and English', async () => {
    const before = await count('products');
    const en = await call('POST', '/products', admin.token, { sku: 'cf-latte-16', nameTh: 'ซ้ำ', unitPriceSatang: 1 });
    expect(en.status).toBe(409);
    expect(en.body).toMatchObject({ code: 'product_sku_taken' });
    const th = await call(
      'POST',
      '/products',
      admin.token,
      { sku: 'CF-LATTE-16', nameTh: 'ซ้ำ', unitPriceSatang: 1 },
      'th',
    );
    expect(String(th.body.detail)).toContain('มีสินค้าอื่นใช้รหัส');
    expect(await count('products')).toBe(before);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await count('products');
    const res = await call(
      'POST',
      '/products',
      admin.token,
      { sku: 'bad sku!', nameTh: '', unitPriceSatang: -5, vatMode: 'sometimes', currency: 'baht' },
      'th',
    );
    expect(res.status).toBe(400);
    const paths = (res.body.errors as { path: string; th?: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['currency', 'nameTh', 'sku', 'unitPriceSatang', 'vatMode']);
    const sku = (res.body.errors as { path: string; message: string }[]).find((e) => e.path === 'sku');
    expect(sku?.message).toContain('รหัสสินค้า');
    const fraction = await call('POST', '/products', admin.token, { sku: 'X1', nameTh: 'x', unitPriceSatang: 10.5 });
    expect(fraction.status).toBe(400);
    expect(await count('products')).toBe(before);
  });

  it('lets sales read the catalogue but not change it', async () => {
    const list = await call('GET', '/products?q=latte', sales.token);
    expect(list.status).toBe(200);
    expect((list.body.items as Json[]).map((p) => p.sku)).toEqual(['CF-LATTE-16']);
    const denied = await call('PATCH', `/products/${latte.id}`, sales.token, { unitPriceSatang: 1 });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('catalogue_forbidden');
    const create = await call('POST', '/products', sales.token, { sku: 'S-1', nameTh: 'x', unitPriceSatang: 1 });
    expect(create.status).toBe(403);
    expect((await call('GET', `/products/${latte.id}`, sales.token)).body.unitPriceSatang).toBe(6500);
  });

  it('archives a product, hides it from the default list, and audits the change', async () => {
    const res = await call('PATCH', `/products/${latte.id}`, manager.token, { active: false, unitPriceSatang: 7000 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, unitPriceSatang: 7000 });
    expect((await call('GET', '/products', sales.token)).body.items).toEqual([]);
    const archived = await call('GET', '/products?active=false', sales.token);
    expect((archived.body.items as Json[]).map((p) => p.sku)).toEqual(['CF-LATTE-16']);
    const audit = await t.testDb.database.query<{ changes: Record<string, { before: unknown; after: unknown }> }>(
      `select changes from audit_log where entity_type = 'product' and action = 'update'`,
    );
    expect(audit[0]?.changes.unitPriceSatang).toEqual({ before: 6500, after: 7000 });
    await call('PATCH', `/products/${latte.id}`, manager.token, { active: true });
  });

  it('refuses renaming a SKU onto another product, keeping both unchanged', async () => {
    const other = await call('POST', '/products', admin.token, {
      sku: 'CF-MOCHA',
      nameTh: 'มอคค่า',
      unitPriceSatang: 7000,
    });
    const res = await call('PATCH', `/products/${other.body.id}`, admin.token, { sku: 'cf-latte-16', nameTh: 'x' });
    expect(res.status).toBe(409);
    expect((await call('GET', `/products/${other.body.id}`, admin.token)).body).toMatchObject({
      sku: 'CF-MOCHA',
      nameTh: 'มอคค่า',
    });
  });

  it('pages by SKU with a cursor, in order, without repeats', async () => {
    for (let i = 0; i < 7; i++)
      await call('POST', '/products', admin.token, { sku: `PG-${i}`, nameTh: `สินค้า ${i}`, unitPriceSatang: 100 * i });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call('GET', `/products?q=PG-&limit=3${cursor ? `&cursor=${cursor}` : ''}`, sales.token);
      seen.push(...(page.body.items as Json[]).map((p) => String(p.sku)));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(['PG-0', 'PG-1', 'PG-2', 'PG-3', 'PG-4', 'PG-5', 'PG-6']);
  });
});

describe('price lists', () => {
  let beans: Json;
  let reseller: Json;
  let vipCustomer: string;
  let resellerCustomer: string;

  beforeAll(async () => {
    beans = (
      await call('POST', '/products', admin.token, {
        sku: 'BEAN-1KG',
        nameTh: 'เมล็ดกาแฟคั่ว 1 กก.',
        unitPriceSatang: 90000,
      })
    ).body;
    const mk = async (body: Json) => String((await call('POST', '/customers', sales.token, body)).body.id);
    vipCustomer = await mk({ firstName: 'วีไอพี', tags: ['vip'] });
    resellerCustomer = await mk({ firstName: 'ร้านค้าส่ง', customerType: 'reseller' });
  });

  it('gives resellers their own price with volume steps', async () => {
    const res = await call('POST', '/price-lists', manager.token, {
      nameTh: 'ราคาตัวแทน',
      customerType: 'reseller',
      priority: 10,
      items: [
        { productId: beans.id, unitPriceSatang: 75000 },
        { productId: beans.id, minQuantity: 10, unitPriceSatang: 70000 },
      ],
    });
    expect(res.status).toBe(201);
    reseller = res.body;
    const price = (q: string) => call('GET', `/products/price?productId=${beans.id}&${q}`, sales.token);
    expect((await price(`customerId=${resellerCustomer}&quantity=1`)).body).toMatchObject({
      unitPriceSatang: 75000,
      source: 'price_list',
      priceListId: reseller.id,
    });
    expect((await price(`customerId=${resellerCustomer}&quantity=12`)).body.unitPriceSatang).toBe(70000);
    expect((await price(`customerId=${vipCustomer}`)).body).toMatchObject({
      unitPriceSatang: 90000,
      source: 'product',
    });
    expect((await price('quantity=50')).body.unitPriceSatang).toBe(90000);
  });

  it('applies a tag list only in its dates, and the higher priority wins', async () => {
    await call('POST', '/price-lists', manager.token, {
      nameTh: 'VIP ปีใหม่',
      customerTag: 'vip',
      priority: 5,
      validFrom: '2026-12-25',
      validTo: '2027-01-05',
      items: [{ productId: beans.id, unitPriceSatang: 80000 }],
    });
    const at = (on: string) =>
      call('GET', `/products/price?productId=${beans.id}&customerId=${vipCustomer}&on=${on}`, sales.token);
    expect((await at('2026-12-31')).body.unitPriceSatang).toBe(80000);
    expect((await at('2027-01-06')).body.unitPriceSatang).toBe(90000);
    // A VIP reseller is in both groups: the reseller list has the higher priority.
    const both = String(
      (await call('POST', '/customers', sales.token, { firstName: 'ทั้งสอง', customerType: 'reseller', tags: ['vip'] }))
        .body.id,
    );
    expect(
      (await call('GET', `/products/price?productId=${beans.id}&customerId=${both}&on=2026-12-31`, sales.token)).body
        .unitPriceSatang,
    ).toBe(75000);
  });

  it("does not reveal another salesperson's customer through a price", async () => {
    const res = await call(
      'GET',
      `/products/price?productId=${beans.id}&customerId=${resellerCustomer}`,
      otherSales.token,
    );
    expect(res.status).toBe(404);
  });

  it('refuses a price list naming an unknown product or a product in another currency, writing nothing', async () => {
    const lists = await count('price_lists');
    const items = await count('price_list_items');
    const unknown = await call('POST', '/price-lists', admin.token, {
      nameTh: 'ผิด',
      items: [{ productId: '00000000-0000-4000-8000-000000000000', unitPriceSatang: 1 }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('price_list_unknown_product');
    const usd = await call('POST', '/price-lists', admin.token, {
      nameTh: 'ดอลลาร์',
      currency: 'USD',
      items: [{ productId: beans.id, unitPriceSatang: 2500 }],
    });
    expect(usd.status).toBe(422);
    expect(usd.body.code).toBe('price_list_currency_mismatch');
    const dup = await call('POST', '/price-lists', admin.token, {
      nameTh: 'ซ้ำ',
      validFrom: '2027-02-01',
      validTo: '2027-01-01',
      items: [
        { productId: beans.id, unitPriceSatang: 1 },
        { productId: beans.id, unitPriceSatang: 2 },
      ],
    });
    expect(dup.status).toBe(400);
    expect((dup.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['items.1', 'validTo']);
    expect([await count('price_lists'), await count('price_list_items')]).toEqual([lists, items]);
  });

  it('replaces the prices on update, and a refused update keeps the old ones', async () => {
    const ok = await call('PATCH', `/price-lists/${reseller.id}`, manager.token, {
      items: [{ productId: beans.id, unitPriceSatang: 74000 }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.items).toEqual([{ productId: beans.id, minQuantity: 1, unitPriceSatang: 74000 }]);
    const refused = await call('PATCH', `/price-lists/${reseller.id}`, manager.token, { currency: 'USD' });
    expect(refused.status).toBe(422);
    const kept = await call('GET', `/price-lists/${reseller.id}`, sales.token);
    expect(kept.body).toMatchObject({ currency: 'THB', items: [{ unitPriceSatang: 74000 }] });
    expect((await call('PATCH', `/price-lists/${reseller.id}`, sales.token, { priority: 1 })).status).toBe(403);
    const all = await call('GET', '/price-lists', sales.token);
    expect((all.body.items as Json[]).map((l) => l.nameTh)).toEqual(['ราคาตัวแทน', 'VIP ปีใหม่']);
  });
});
