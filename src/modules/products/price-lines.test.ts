import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from '../../core/db/database.ts';
import { type LineToPrice, lineTotals, type PricingContext, priceLines } from './price-lines.ts';
import { priceListItems, priceLists, products } from './schema.ts';

let testDb: TestDatabase;
let db: Db;
const ids: Record<string, string> = {};

const retail = { type: 'person', tags: [] };
const vip = { type: 'person', tags: ['vip'] };
const ctx = (over: Partial<PricingContext> = {}): PricingContext => ({
  currency: 'THB',
  group: retail,
  on: '2026-06-15',
  ...over,
});
const line = (over: Partial<LineToPrice>): LineToPrice => ({ quantity: 1, discountSatang: 0, ...over });

async function priced(lines: LineToPrice[], c: PricingContext = ctx()) {
  const result = await priceLines(db, lines, c);
  if (!result.ok) throw new Error(`expected priced lines, got ${JSON.stringify(result.problem)}`);
  return result.lines;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  const rows = await db
    .insert(products)
    .values([
      { sku: 'CF-LATTE', nameTh: 'ลาเต้', nameEn: 'Latte', unitPriceSatang: 6500, currency: 'THB' },
      { sku: 'SV-SETUP', nameTh: 'ติดตั้ง', unitPriceSatang: 1999, currency: 'THB', vatMode: 'excluded' },
      { sku: 'BK-GUIDE', nameTh: 'หนังสือ', unitPriceSatang: 35000, currency: 'THB', vatMode: 'exempt' },
      { sku: 'US-MUG', nameTh: 'แก้ว', unitPriceSatang: 1200, currency: 'USD' },
    ])
    .returning();
  for (const p of rows) ids[p.sku] = p.id;
  const lists = await db
    .insert(priceLists)
    .values([
      { nameTh: 'วีไอพี', currency: 'THB', customerTag: 'vip', priority: 1 },
      { nameTh: 'โปรหมดอายุ', currency: 'THB', priority: 9, validTo: '2026-01-31' },
    ])
    .returning();
  const [vipList, expired] = lists;
  if (!vipList || !expired) throw new Error('price lists not created');
  await db.insert(priceListItems).values([
    { priceListId: vipList.id, productId: ids['CF-LATTE'] as string, minQuantity: 1, unitPriceSatang: 6000 },
    { priceListId: vipList.id, productId: ids['CF-LATTE'] as string, minQuantity: 10, unitPriceSatang: 5500 },
    { priceListId: expired.id, productId: ids['CF-LATTE'] as string, minQuantity: 1, unitPriceSatang: 100 },
  ]);
});
afterAll(() => testDb.cleanup());

describe('priceLines: the one line-pricing rule of orders and quotes', () => {
  it('takes VAT out of an included price: ฿65.00 × 2 = ฿121.50 net + ฿8.50 VAT', async () => {
    const [l] = await priced([line({ productId: ids['CF-LATTE'], quantity: 2 })]);
    expect(l).toMatchObject({
      lineNo: 1,
      sku: 'CF-LATTE',
      unitPriceSatang: 6500,
      vatMode: 'included',
      vatRateBp: 700,
      grossSatang: 13000,
      vatSatang: 850,
      netSatang: 12150,
    });
    expect(l?.product?.nameEn).toBe('Latte');
  });

  it('adds VAT on top of an excluded price, rounding half up to whole satang', async () => {
    // 3 × ฿19.99 = ฿59.97; 7% is 419.79 satang → 420.
    const [setup, half] = await priced([
      line({ sku: 'sv-setup', quantity: 3 }),
      line({ quantity: 1, unitPriceSatang: 50, vatMode: 'excluded' }),
    ]);
    expect(setup).toMatchObject({ productId: ids['SV-SETUP'], netSatang: 5997, vatSatang: 420, grossSatang: 6417 });
    // 7% of 50 satang is 3.5 satang: rounds half up to 4.
    expect(half).toMatchObject({ productId: null, sku: null, netSatang: 50, vatSatang: 4, grossSatang: 54 });
  });

  it('applies the discount before VAT, and refuses a discount larger than its line', async () => {
    const [l] = await priced([line({ productId: ids['CF-LATTE'], quantity: 2, discountSatang: 1000 })]);
    // ฿130.00 − ฿10.00 = ฿120.00 gross; VAT 8,400,000 / 10,700 = 785.05 → 785.
    expect(l).toMatchObject({ discountSatang: 1000, grossSatang: 12000, vatSatang: 785, netSatang: 11215 });
    const refused = await priceLines(
      db,
      [line({ productId: ids['CF-LATTE'] }), line({ productId: ids['CF-LATTE'], quantity: 2, discountSatang: 13001 })],
      ctx(),
    );
    expect(refused).toEqual({ ok: false, problem: { kind: 'discount_too_large', line: 2 } });
  });

  it('charges no VAT on an exempt product or a free exempt line', async () => {
    const lines = await priced([
      line({ productId: ids['BK-GUIDE'] }),
      line({ unitPriceSatang: 1234, vatMode: 'exempt', quantity: 2 }),
    ]);
    expect(lines.map((l) => [l.vatMode, l.netSatang, l.vatSatang, l.grossSatang])).toEqual([
      ['exempt', 35000, 0, 35000],
      ['exempt', 2468, 0, 2468],
    ]);
  });

  it("uses the customer's price list that day, its volume step, and a given price over both", async () => {
    const unit = async (group: PricingContext['group'], quantity: number, on = '2026-06-15', given?: number) =>
      (await priced([line({ productId: ids['CF-LATTE'], quantity, unitPriceSatang: given })], ctx({ group, on })))[0]
        ?.unitPriceSatang;
    expect(await unit(retail, 1)).toBe(6500);
    expect(await unit(vip, 1)).toBe(6000);
    expect(await unit(vip, 10)).toBe(5500);
    // The higher-priority list ran out on 31 January; before that it wins for everyone.
    expect(await unit(retail, 1, '2026-01-31')).toBe(100);
    expect(await unit(vip, 10, '2026-06-15', 4000)).toBe(4000);
  });

  it('refuses a product priced in another currency, naming both currencies', async () => {
    const result = await priceLines(db, [line({ productId: ids['CF-LATTE'] }), line({ sku: 'US-MUG' })], ctx());
    expect(result).toEqual({
      ok: false,
      problem: { kind: 'currency_mismatch', line: 2, sku: 'US-MUG', productCurrency: 'USD', documentCurrency: 'THB' },
    });
    const inUsd = await priced([line({ sku: 'US-MUG', quantity: 2 })], ctx({ currency: 'USD' }));
    expect(inUsd[0]?.grossSatang).toBe(2400);
  });

  it('refuses an unknown product by id or by SKU with the line number', async () => {
    const missing = randomUUID();
    expect(await priceLines(db, [line({ productId: missing })], ctx())).toEqual({
      ok: false,
      problem: { kind: 'unknown_product', line: 1, product: missing },
    });
    expect(await priceLines(db, [line({ productId: ids['CF-LATTE'] }), line({ sku: 'NOPE-1' })], ctx())).toEqual({
      ok: false,
      problem: { kind: 'unknown_product', line: 2, product: 'NOPE-1' },
    });
  });

  it('totals the lines so that net + VAT is what is paid', async () => {
    const lines = await priced([
      line({ productId: ids['CF-LATTE'], quantity: 2, discountSatang: 1000 }),
      line({ sku: 'SV-SETUP', quantity: 3 }),
      line({ productId: ids['BK-GUIDE'] }),
    ]);
    const totals = lineTotals(lines);
    expect(totals).toEqual({
      subtotalSatang: 13000 + 5997 + 35000,
      discountSatang: 1000,
      netSatang: 11215 + 5997 + 35000,
      vatSatang: 785 + 420,
      totalSatang: 12000 + 6417 + 35000,
    });
    expect(totals.netSatang + totals.vatSatang).toBe(totals.totalSatang);
  });
});
