import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { activitiesModule } from '../activities/index.ts';
import { customersModule } from '../customers/index.ts';
import { identityModule } from '../identity/index.ts';
import { productsModule } from '../products/index.ts';
import { ordersModule } from './index.ts';

let t: TestApp;
let admin: { userId: string; token: string };
let sales: { userId: string; token: string };
let otherSales: { userId: string; token: string };
let latte: string;
let customerId: string;

type Json = Record<string, unknown>;
const call = async (method: string, path: string, token: string, body?: unknown, lang = 'en') => {
  const res = await t.app.request(
    `/api/v1${path}`,
    jsonRequest(method, body, bearer(token, { 'accept-language': lang })),
  );
  return { status: res.status, body: (await res.json()) as Json };
};
const counts = async () => {
  const q = (table: string) =>
    t.testDb.database.query<{ n: string }>(`select count(*)::text as n from ${table}`).then((r) => Number(r[0]?.n));
  return {
    orders: await q('orders'),
    lines: await q('order_lines'),
    refunds: await q('order_refunds'),
    customers: await q('customers'),
  };
};

beforeAll(async () => {
  const modules = [customersModule, activitiesModule, identityModule, productsModule, ordersModule];
  for (const m of modules) registerErrors(m.errors ?? {});
  t = await createTestApp(modules);
  [admin, sales, otherSales] = await Promise.all([
    t.userWithToken('admin'),
    t.userWithToken('sales'),
    t.userWithToken('sales'),
  ]);
  latte = String(
    (
      await call('POST', '/products', admin.token, {
        sku: 'LATTE',
        nameTh: 'ลาเต้',
        nameEn: 'Latte',
        unitPriceSatang: 6500,
      })
    ).body.id,
  );
  await call('POST', '/products', admin.token, {
    sku: 'BEANS',
    nameTh: 'เมล็ดกาแฟ',
    unitPriceSatang: 25000,
    vatMode: 'excluded',
  });
  customerId = String(
    (await call('POST', '/customers', sales.token, { firstName: 'สมชาย', phone: '+66812345678' })).body.id,
  );
});
afterAll(() => t.close());

describe('POST /orders', () => {
  const posSale = {
    source: 'pos',
    externalId: 'POS-0001',
    customer: { identifiers: [{ kind: 'phone', value: '081-234-5678' }] },
    orderedAt: '2026-04-13T10:30:00+07:00',
    status: 'paid',
    lines: [
      { sku: 'latte', quantity: 2 },
      { sku: 'BEANS', quantity: 1, discountSatang: 1000 },
    ],
  };
  let posOrder: Json;

  it('puts a POS sale with only a phone number on the right profile, priced with VAT, on the timeline', async () => {
    const res = await call('POST', '/orders', sales.token, posSale);
    expect(res.status).toBe(201);
    posOrder = res.body;
    // Latte 2 × ฿65 incl. VAT = ฿130 (VAT 8.50); beans ฿250 − ฿10 = ฿240 + 7% = ฿256.80.
    expect(posOrder).toMatchObject({
      customerId,
      customerName: 'สมชาย',
      status: 'paid',
      currency: 'THB',
      subtotalSatang: 38_000,
      discountSatang: 1_000,
      vatSatang: 850 + 1_680,
      totalSatang: 13_000 + 25_680,
      paidSatang: 38_680,
      orderedAt: '2026-04-13T03:30:00.000Z',
    });
    expect((posOrder.lines as Json[]).map((l) => [l.sku, l.name, l.grossSatang])).toEqual([
      ['LATTE', 'ลาเต้', 13_000],
      ['BEANS', 'เมล็ดกาแฟ', 25_680],
    ]);
    const timeline = await call('GET', `/customers/${customerId}/timeline?kind=order`, sales.token);
    expect(timeline.status).toBe(200);
    const entry = (timeline.body.items as Json[]).find((a) => a.refId === posOrder.id);
    expect(entry).toMatchObject({ kind: 'order', data: { number: 'POS-0001', amount: 38_680, status: 'paid' } });
  });

  it('returns the existing order for a retry with the same content (keys in any order), writing nothing', async () => {
    const before = await counts();
    const retry = await call('POST', '/orders', sales.token, {
      lines: posSale.lines,
      status: 'paid',
      orderedAt: posSale.orderedAt,
      customer: posSale.customer,
      externalId: 'POS-0001',
      source: 'pos',
    });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(posOrder.id);
    expect(await counts()).toEqual(before);
  });

  it('refuses the same external id with different content, in Thai and English, writing nothing', async () => {
    const before = await counts();
    const changed = { ...posSale, lines: [{ sku: 'LATTE', quantity: 3 }] };
    const en = await call('POST', '/orders', sales.token, changed);
    expect(en.status).toBe(409);
    expect(en.body.code).toBe('order_external_id_conflict');
    const th = await call('POST', '/orders', sales.token, changed, 'th');
    expect(String(th.body.detail)).toContain('มีคำสั่งซื้อ POS-0001');
    // The same id from another source is another order.
    expect((await call('POST', '/orders', sales.token, { ...changed, source: 'web' })).status).toBe(201);
    expect((await counts()).orders).toBe(before.orders + 1);
  });

  it('makes one order of many identical calls arriving together', async () => {
    const body = { ...posSale, externalId: 'POS-RACE' };
    const results = await Promise.all(Array.from({ length: 5 }, () => call('POST', '/orders', sales.token, body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it('refuses an unknown product, a negative quantity, a currency mismatch or a too-large discount, and writes nothing (not even a new customer)', async () => {
    const before = await counts();
    const newcomer = { identifiers: [{ kind: 'email', value: 'new.buyer@example.com' }] };
    const unknown = await call('POST', '/orders', sales.token, { customer: newcomer, lines: [{ sku: 'NOPE' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'order_unknown_product', detail: 'Line 1: no product NOPE.' });
    const negative = await call('POST', '/orders', sales.token, {
      customer: newcomer,
      lines: [{ sku: 'LATTE', quantity: -1 }],
    });
    expect(negative.status).toBe(400);
    expect((negative.body.errors as Json[])[0]?.path).toBe('lines.0.quantity');
    const usd = await call('POST', '/orders', sales.token, {
      customer: newcomer,
      currency: 'USD',
      lines: [{ productId: latte }],
    });
    expect(usd.status).toBe(422);
    expect(usd.body.code).toBe('order_currency_mismatch');
    const discount = await call('POST', '/orders', sales.token, {
      customer: newcomer,
      lines: [{ sku: 'LATTE', discountSatang: 6501 }],
    });
    expect(discount.body.code).toBe('order_discount_too_large');
    const neither = await call('POST', '/orders', sales.token, { lines: [{ name: 'ค่าส่ง' }] });
    expect((neither.body.errors as Json[]).map((e) => e.path).sort()).toEqual([
      'customerId',
      'lines.0.unitPriceSatang',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('takes a free line without a product, and hides orders of customers the caller may not see', async () => {
    const res = await call('POST', '/orders', sales.token, {
      customerId,
      lines: [{ name: 'ค่าจัดส่ง', unitPriceSatang: 5000, vatMode: 'exempt' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', totalSatang: 5000, vatSatang: 0, paidSatang: 0 });
    expect((await call('GET', `/orders/${res.body.id}`, otherSales.token)).status).toBe(404);
    expect((await call('GET', '/orders', otherSales.token)).body.items).toEqual([]);
    const mine = await call('GET', `/orders?customerId=${customerId}&limit=2`, sales.token);
    expect((mine.body.items as Json[]).length).toBe(2);
    expect(mine.body.nextCursor).not.toBeNull();
    const next = await call(
      'GET',
      `/orders?customerId=${customerId}&limit=2&cursor=${mine.body.nextCursor}`,
      sales.token,
    );
    const ids = [...(mine.body.items as Json[]), ...(next.body.items as Json[])].map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(posOrder.id);
    // Another salesperson cannot put an order on a customer they cannot see.
    expect((await call('POST', '/orders', otherSales.token, { customerId, lines: [{ sku: 'LATTE' }] })).status).toBe(
      404,
    );
  });
});

describe('order lifecycle and refunds', () => {
  let orderId: string;

  beforeAll(async () => {
    const res = await call('POST', '/orders', sales.token, { customerId, lines: [{ sku: 'LATTE', quantity: 4 }] });
    orderId = String(res.body.id);
  });

  it('refuses a refund or a fulfilment out of turn, then pays and fulfils with tracking', async () => {
    const early = await call('POST', `/orders/${orderId}/refunds`, sales.token, { amountSatang: 100, reason: 'x' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('order_status_conflict');
    const paid = await call('POST', `/orders/${orderId}/pay`, sales.token, {});
    expect(paid.body).toMatchObject({ status: 'paid', paidSatang: 26_000 });
    expect((await call('POST', `/orders/${orderId}/cancel`, sales.token, {})).status).toBe(409);
    const shipped = await call('POST', `/orders/${orderId}/fulfil`, sales.token, {
      carrier: 'Kerry Express',
      trackingNumber: 'KEX123456',
    });
    expect(shipped.body).toMatchObject({ status: 'fulfilled', carrier: 'Kerry Express', trackingNumber: 'KEX123456' });
  });

  it('refunds in parts with returned goods, never more than paid or sold', async () => {
    const part = await call('POST', `/orders/${orderId}/refunds`, sales.token, {
      amountSatang: 6_500,
      reason: 'แก้วแตก 1 แก้ว',
      returnedLines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(part.status).toBe(200);
    expect(part.body).toMatchObject({ status: 'partially_refunded', refundedSatang: 6_500 });
    const before = await counts();
    const tooMuch = await call(
      'POST',
      `/orders/${orderId}/refunds`,
      sales.token,
      { amountSatang: 19_501, reason: 'x' },
      'th',
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('refund_exceeds_paid');
    expect(String(tooMuch.body.detail)).toContain('19501');
    const tooMany = await call('POST', `/orders/${orderId}/refunds`, sales.token, {
      amountSatang: 100,
      reason: 'x',
      returnedLines: [{ lineNo: 1, quantity: 4 }],
    });
    expect(tooMany.body.code).toBe('refund_bad_return');
    expect(await counts()).toEqual(before);
    const rest = await call('POST', `/orders/${orderId}/refunds`, sales.token, {
      amountSatang: 19_500,
      reason: 'ลูกค้ายกเลิก',
    });
    expect(rest.body).toMatchObject({ status: 'refunded', refundedSatang: 26_000 });
    expect((rest.body.refunds as Json[]).map((r) => r.amountSatang)).toEqual([6_500, 19_500]);
    expect(
      (await call('POST', `/orders/${orderId}/refunds`, sales.token, { amountSatang: 1, reason: 'x' })).status,
    ).toBe(409);
  });

  it('lets a viewer read orders but not change them', async () => {
    const viewer = await t.userWithToken('viewer');
    expect((await call('GET', `/orders/${orderId}`, viewer.token)).status).toBe(200);
    expect((await call('POST', '/orders', viewer.token, { customerId, lines: [{ sku: 'LATTE' }] })).status).toBe(403);
    expect((await call('POST', `/orders/${orderId}/pay`, viewer.token, {})).status).toBe(403);
  });
});
