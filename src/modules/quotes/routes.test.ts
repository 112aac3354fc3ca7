import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { activitiesModule } from '../activities/index.ts';
import { customersModule } from '../customers/index.ts';
import { dealsModule } from '../deals/index.ts';
import { identityModule } from '../identity/index.ts';
import { ordersModule } from '../orders/index.ts';
import { productsModule, todayIn } from '../products/index.ts';
import { expireQuotes, quotesModule } from './index.ts';
import { addDays } from './quote-dates.ts';
import { nextQuoteNumber } from './quote-number.ts';

let t: TestApp;
let admin: { userId: string; token: string };
let sales: { userId: string; token: string };
let otherSales: { userId: string; token: string };
let latte: string;
let usdTea: string;
let reseller: string;
let walkIn: string;

type Json = Record<string, unknown>;
const call = async (method: string, path: string, token: string, body?: unknown, lang = 'en') => {
  const res = await t.app.request(
    `/api/v1${path}`,
    jsonRequest(method, body, bearer(token, { 'accept-language': lang })),
  );
  return { status: res.status, body: (await res.json()) as Json };
};
const count = async (table: string, where = 'true') =>
  Number(
    (await t.testDb.database.query<{ n: string }>(`select count(*)::text as n from ${table} where ${where}`))[0]?.n,
  );
const counts = async () => ({
  quotes: await count('quotes'),
  lines: await count('quote_lines'),
  counters: Number(
    (
      await t.testDb.database.query<{ n: string }>(
        'select coalesce(sum(last_number), 0)::text as n from quote_counters',
      )
    )[0]?.n,
  ),
});
const year = () => todayIn('Asia/Bangkok').slice(0, 4);

beforeAll(async () => {
  const modules = [
    customersModule,
    activitiesModule,
    identityModule,
    productsModule,
    ordersModule,
    dealsModule,
    quotesModule,
  ];
  for (const m of modules) registerErrors(m.errors ?? {});
  t = await createTestApp(modules);
  [admin, sales, otherSales] = await Promise.all([
    t.userWithToken('admin'),
    t.userWithToken('sales'),
    t.userWithToken('sales'),
  ]);
  const product = async (body: Json) => String((await call('POST', '/products', admin.token, body)).body.id);
  latte = await product({ sku: 'LATTE', nameTh: 'ลาเต้เย็น', nameEn: 'Iced latte', unitPriceSatang: 6500 });
  usdTea = await product({ sku: 'TEA-USD', nameTh: 'ชา', unitPriceSatang: 300, currency: 'USD' });
  await call('POST', '/price-lists', admin.token, {
    nameTh: 'ราคาตัวแทน',
    customerType: 'reseller',
    items: [{ productId: latte, unitPriceSatang: 5000 }],
  });
  reseller = String(
    (await call('POST', '/customers', sales.token, { firstName: 'ร้านค้าส่ง', customerType: 'reseller' })).body.id,
  );
  walkIn = String((await call('POST', '/customers', sales.token, { firstName: 'สมชาย', lastName: 'ใจดี' })).body.id);
});
afterAll(() => t.close());

describe('POST /quotes', () => {
  it("prices lines from the customer's price list, with discounts and VAT, and numbers it", async () => {
    const res = await call('POST', '/quotes', sales.token, {
      customerId: reseller,
      lines: [
        { productId: latte, quantity: 10, discountSatang: 2000 },
        { descriptionTh: 'ค่าติดตั้ง', descriptionEn: 'Installation', quantity: 1, unitPriceSatang: 10700 },
      ],
      terms: 'ชำระภายใน 30 วัน',
    });
    expect(res.status).toBe(201);
    const q = res.body as Json & { lines: Json[] };
    expect(q.number).toBe(`Q-${year()}-0001`);
    expect(q).toMatchObject({
      status: 'draft',
      currency: 'THB',
      language: 'th',
      ownerId: sales.userId,
      subtotalSatang: 60_700,
      discountSatang: 2_000,
      totalSatang: 58_700,
    });
    // 48,000 + 10,700 satang gross, VAT 7% included: 3,140 + 700.
    expect(q.vatSatang).toBe(3_140 + 700);
    expect(q.netSatang).toBe(58_700 - 3_840);
    expect(q.lines[0]).toMatchObject({ unitPriceSatang: 5_000, descriptionTh: 'ลาเต้เย็น', descriptionEn: 'Iced latte' });
    expect(q.validUntil).toBe(addDays(String(q.issuedOn), 30));
    expect(await count('activities', `ref_type = 'quote' and ref_id = '${q.id}'`)).toBe(1);
    expect(await count('audit_log', `entity_type = 'quote' and entity_id = '${q.id}'`)).toBe(1);
  });

  it.each([
    [
      'an unknown product',
      { productId: '00000000-0000-4000-8000-000000000000', quantity: 1 },
      422,
      'quote_unknown_product',
    ],
    ['a zero quantity', { productId: 'LATTE', quantity: 0 }, 400, 'validation_failed'],
    ['a negative quantity', { productId: 'LATTE', quantity: -2 }, 400, 'validation_failed'],
    [
      'a discount above the line',
      { productId: 'LATTE', quantity: 1, discountSatang: 6_501 },
      422,
      'quote_discount_too_large',
    ],
    ['a product in another currency', { productId: 'TEA', quantity: 1 }, 422, 'quote_currency_mismatch'],
    ['a free line without a price', { descriptionTh: 'บริการ', quantity: 1 }, 400, 'validation_failed'],
  ])('refuses %s with a coded error and writes nothing (no number taken)', async (_what, line, status, code) => {
    const before = await counts();
    const ids: Record<string, string> = { LATTE: latte, TEA: usdTea };
    const l = {
      ...line,
      ...('productId' in line ? { productId: ids[line.productId as string] ?? line.productId } : {}),
    };
    const res = await call('POST', '/quotes', sales.token, { customerId: walkIn, lines: [l] }, 'th');
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(String(res.body.detail)).toMatch(/[\u0E00-\u0E7F]/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a customer the caller may not see (404) and a deal of another customer', async () => {
    const hidden = String((await call('POST', '/customers', otherSales.token, { firstName: 'ลับ' })).body.id);
    const res = await call('POST', '/quotes', sales.token, {
      customerId: hidden,
      lines: [{ productId: latte, quantity: 1 }],
    });
    expect(res.status).toBe(404);
    const deal = await call('POST', '/deals', sales.token, { customerId: reseller, title: 'ดีลใหญ่' });
    expect(deal.status).toBe(201);
    const mismatch = await call('POST', '/quotes', sales.token, {
      customerId: walkIn,
      dealId: deal.body.id,
      lines: [{ productId: latte, quantity: 1 }],
    });
    expect(mismatch.body.code).toBe('quote_deal_mismatch');
    const ok = await call('POST', '/quotes', sales.token, {
      customerId: reseller,
      dealId: deal.body.id,
      lines: [{ productId: latte, quantity: 1 }],
    });
    expect(ok.status).toBe(201);
    const byDeal = await call('GET', `/quotes?dealId=${deal.body.id}`, sales.token);
    expect((byDeal.body.items as Json[]).map((q) => q.id)).toEqual([ok.body.id]);
  });

  it('numbers concurrent creates without gaps or duplicates', async () => {
    const made = await Promise.all(
      Array.from({ length: 6 }, () =>
        call('POST', '/quotes', sales.token, { customerId: walkIn, lines: [{ productId: latte, quantity: 1 }] }),
      ),
    );
    expect(made.map((r) => r.status)).toEqual(Array(6).fill(201));
    const numbers = (
      await t.testDb.database.query<{ number: string }>('select number from quotes order by number')
    ).map((r) => r.number);
    expect(numbers).toEqual(numbers.map((_, i) => `Q-${year()}-${String(i + 1).padStart(4, '0')}`));
  });
});

describe('nextQuoteNumber', () => {
  it('counts each calendar year from 0001, and a rolled-back number is given back', async () => {
    const db = t.testDb.database.db;
    expect(await db.transaction((tx) => nextQuoteNumber(tx, 2031))).toBe('Q-2031-0001');
    await expect(
      db.transaction(async (tx) => {
        expect(await nextQuoteNumber(tx, 2031)).toBe('Q-2031-0002');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.transaction((tx) => nextQuoteNumber(tx, 2031))).toBe('Q-2031-0002');
    expect(await db.transaction((tx) => nextQuoteNumber(tx, 2032))).toBe('Q-2032-0001');
  });
});

describe('the year of a quote number', () => {
  it('is the year in Bangkok: 31 December 17:30 UTC is already next year there', async () => {
    vi.useFakeTimers({ now: new Date('2032-12-31T17:30:00Z'), toFake: ['Date'] });
    try {
      const res = await call('POST', '/quotes', sales.token, {
        customerId: walkIn,
        lines: [{ productId: latte, quantity: 1 }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ number: 'Q-2033-0001', issuedOn: '2033-01-01', validUntil: '2033-01-31' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('quote life cycle', () => {
  const draft = async (token = sales.token, extra: Json = {}) =>
    (
      await call('POST', '/quotes', token, {
        customerId: walkIn,
        lines: [{ productId: latte, quantity: 2, discountSatang: 500 }],
        ...extra,
      })
    ).body;

  it('edits a draft, then sends it and refuses further edits', async () => {
    const q = await draft();
    const edited = await call('PATCH', `/quotes/${q.id}`, sales.token, {
      language: 'en',
      notes: 'Delivery on Monday',
      lines: [{ productId: latte, quantity: 3 }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ language: 'en', notes: 'Delivery on Monday', totalSatang: 19_500 });
    const sent = await call('POST', `/quotes/${q.id}/send`, sales.token);
    expect(sent.body).toMatchObject({ status: 'sent' });
    expect(sent.body.sentAt).toBeTruthy();
    const again = await call('PATCH', `/quotes/${q.id}`, sales.token, { notes: 'x' }, 'th');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('quote_not_draft');
    expect((await call('GET', `/quotes/${q.id}`, sales.token)).body.notes).toBe('Delivery on Monday');
  });

  it('accepts a sent quote into one order at the quoted prices, once', async () => {
    const q = await draft();
    await call('POST', `/quotes/${q.id}/send`, sales.token);
    const ordersBefore = await count('orders');
    const accepted = await call('POST', `/quotes/${q.id}/accept`, sales.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    const orderId = String(accepted.body.orderId);
    const order = await call('GET', `/orders/${orderId}`, sales.token);
    expect(order.body).toMatchObject({
      customerId: walkIn,
      status: 'pending',
      externalId: q.number,
      totalSatang: q.totalSatang,
      vatSatang: q.vatSatang,
      discountSatang: 500,
    });
    const twice = await call('POST', `/quotes/${q.id}/accept`, sales.token);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('quote_status_conflict');
    expect(await count('orders')).toBe(ordersBefore + 1);
    expect(await count('activities', `ref_type = 'quote' and ref_id = '${q.id}'`)).toBe(3);
  });

  it('makes one order when two accepts race', async () => {
    const q = await draft();
    await call('POST', `/quotes/${q.id}/send`, sales.token);
    const orders = await count('orders');
    const results = await Promise.all([
      call('POST', `/quotes/${q.id}/accept`, sales.token),
      call('POST', `/quotes/${q.id}/accept`, sales.token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count('orders')).toBe(orders + 1);
  });

  it('refuses to accept a draft or a rejected quote, and keeps the reason', async () => {
    const q = await draft();
    expect((await call('POST', `/quotes/${q.id}/accept`, sales.token)).body.code).toBe('quote_status_conflict');
    expect((await call('POST', `/quotes/${q.id}/reject`, sales.token, { reason: 'x' })).body.code).toBe(
      'quote_status_conflict',
    );
    await call('POST', `/quotes/${q.id}/send`, sales.token);
    expect((await call('POST', `/quotes/${q.id}/reject`, sales.token, {})).status).toBe(400);
    const rejected = await call('POST', `/quotes/${q.id}/reject`, sales.token, { reason: 'ราคาสูงไป' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectedReason: 'ราคาสูงไป' });
    const orders = await count('orders');
    const accept = await call('POST', `/quotes/${q.id}/accept`, sales.token, undefined, 'th');
    expect(accept.status).toBe(409);
    expect(accept.body.code).toBe('quote_status_conflict');
    expect(await count('orders')).toBe(orders);
  });

  it('expires sent quotes past their validity (daily job) and refuses to accept them', async () => {
    const q = await draft(sales.token, { validUntil: todayIn('Asia/Bangkok') });
    const stillDraft = await draft(sales.token, { validUntil: todayIn('Asia/Bangkok') });
    await call('POST', `/quotes/${q.id}/send`, sales.token);
    expect(await expireQuotes(t.testDb.database.db)).toBe(0);
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect(await expireQuotes(t.testDb.database.db, later)).toBe(1);
    expect(await expireQuotes(t.testDb.database.db, later)).toBe(0);
    const got = await call('GET', `/quotes/${q.id}`, sales.token);
    expect(got.body).toMatchObject({ status: 'expired' });
    expect(got.body.expiredAt).toBeTruthy();
    expect((await call('GET', `/quotes/${stillDraft.id}`, sales.token)).body.status).toBe('draft');
    const accept = await call('POST', `/quotes/${q.id}/accept`, sales.token, undefined, 'th');
    expect(accept.status).toBe(409);
    expect(accept.body.code).toBe('quote_expired');
    expect(await count('audit_log', `entity_id = '${q.id}' and action = 'expired'`)).toBe(1);
  });

  it('refuses validity before the issue date', async () => {
    const res = await call('POST', '/quotes', sales.token, {
      customerId: walkIn,
      validUntil: '2020-01-01',
      lines: [{ productId: latte, quantity: 1 }],
    });
    expect(res.body.code).toBe('quote_valid_until_past');
  });
});

describe('visibility', () => {
  it("hides a salesperson's quotes from another salesperson, not from an admin", async () => {
    const q = (
      await call('POST', '/quotes', sales.token, { customerId: walkIn, lines: [{ productId: latte, quantity: 1 }] })
    ).body;
    for (const [method, path] of [
      ['GET', `/quotes/${q.id}`],
      ['GET', `/quotes/${q.id}/pdf`],
      ['POST', `/quotes/${q.id}/send`],
      ['PATCH', `/quotes/${q.id}`],
    ] as const) {
      const res = await t.app.request(
        `/api/v1${path}`,
        jsonRequest(method, method === 'PATCH' ? { notes: 'x' } : undefined, bearer(otherSales.token)),
      );
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const theirs = await call('GET', '/quotes?limit=200', otherSales.token);
    expect(theirs.body.items).toEqual([]);
    const mine = await call('GET', `/quotes?limit=200&q=${encodeURIComponent(String(q.number))}`, sales.token);
    expect((mine.body.items as Json[]).map((x) => x.id)).toEqual([q.id]);
    expect((await call('GET', `/quotes/${q.id}`, admin.token)).status).toBe(200);
  });

  it('pages the list by cursor and filters by status', async () => {
    const first = await call('GET', '/quotes?limit=2', admin.token);
    expect((first.body.items as Json[]).length).toBe(2);
    const second = await call('GET', `/quotes?limit=2&cursor=${first.body.nextCursor}`, admin.token);
    const ids = new Set([...(first.body.items as Json[]), ...(second.body.items as Json[])].map((q) => q.id));
    expect(ids.size).toBe(4);
    const accepted = await call('GET', '/quotes?status=accepted', admin.token);
    expect((accepted.body.items as Json[]).every((q) => q.status === 'accepted')).toBe(true);
    expect((accepted.body.items as Json[]).length).toBe(2);
  });
});
