import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../src/modules/quotes/extract-pdf-text.ts';
import { screenshot, thaiFontLoaded } from './support/browser.ts';
import { type E2eSession, screenshotOnFailure, setUpOwner, startE2eSession } from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

const owner = { name: 'สุดา ขายเก่ง', email: 'owner@quotes.example', password: 'correct horse battery' };

let session: E2eSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let csrf = '';
let customerId = '';
let quoteUrl = '';
let quoteNumber = '';
let pageErrors: string[] = [];
const nfkc = (s: string) => s.normalize('NFKC');

async function post(pathname: string, data: unknown) {
  const res = await context.request.post(`${server.url}/api/v1${pathname}`, {
    data,
    headers: { 'x-csrf-token': csrf },
  });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}

describe('quotes in a browser', () => {
  beforeAll(async () => {
    session = await startE2eSession({
      name: 'quotes',
      locale: 'th-TH',
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    ({ server, context, page, pageErrors } = session);
    csrf = (await setUpOwner(session, { ...owner, locale: 'th', companyName: 'บริษัท กาแฟบ้านสวน จำกัด' })).csrfToken;
    const latte = await post('/products', {
      sku: 'LATTE',
      nameTh: 'ลาเต้เย็น',
      nameEn: 'Iced latte',
      unitPriceSatang: 6500,
    });
    expect(latte.status).toBe(201);
    const list = await post('/price-lists', {
      nameTh: 'ราคาตัวแทน',
      customerType: 'reseller',
      items: [{ productId: latte.body.id, unitPriceSatang: 5000 }],
    });
    expect(list.status).toBe(201);
    const customer = await post('/customers', {
      firstName: 'ร้านค้าส่งบ้านสวน',
      customerType: 'reseller',
      phone: '0812345678',
    });
    expect(customer.status).toBe(201);
    customerId = String(customer.body.id);
  });

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'quotes-failed'));

  afterAll(() => session?.close());

  it("builds a quote from the profile at the customer's price list, with a discount and a free line", async () => {
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByText('ร้านค้าส่งบ้านสวน').first().waitFor();
    // The profile's cards load after it and may re-render the tabs: click until the panel shows.
    await expect
      .poll(async () => {
        await page.getByRole('tab', { name: 'คำสั่งซื้อ' }).click();
        return page.getByTestId('customer-quotes').isVisible();
      })
      .toBe(true);
    await page.getByRole('link', { name: 'สร้างใบเสนอราคา' }).click();
    await page.getByRole('heading', { name: 'สร้างใบเสนอราคา' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: /^ลูกค้า/ }).inputValue()).toBe('ร้านค้าส่งบ้านสวน');

    await page.getByRole('combobox', { name: 'สินค้า 1', exact: true }).click();
    const priced = page.waitForResponse((r) => r.url().includes('/api/v1/products/price'));
    await page.getByRole('option', { name: /LATTE/ }).click();
    expect((await priced).status()).toBe(200);
    const price = page.getByLabel('ราคาต่อหน่วย (฿) 1', { exact: true });
    await expect.poll(() => price.inputValue()).toBe('50');
    await page.getByText('ราคาตามรายการราคาของลูกค้า').waitFor();
    await page.getByLabel('จำนวน 1', { exact: true }).fill('10');
    await page.getByLabel('ส่วนลด (฿) 1', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'เพิ่มรายการอิสระ' }).click();
    await page.getByLabel('คำอธิบาย (ไทย) 2', { exact: true }).fill('ค่าจัดส่งน้ำหนักเกิน');
    await page.getByLabel('ราคาต่อหน่วย (฿) 2', { exact: true }).fill('107');
    await page.getByLabel('เงื่อนไข').fill('ชำระเงินภายใน 30 วัน');
    // 10 × 50 − 20 + 107 = 587 baht, VAT included.
    await expect.poll(() => page.getByTestId('quote-totals').innerText()).toContain('587.00');
    expect(await thaiFontLoaded(page)).toBe(true);
    await screenshot(page, 'quotes-editor-th');

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/quotes') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'บันทึกฉบับร่าง' }).click();
    const created = await saved;
    expect(created.status()).toBe(201);
    const body = (await created.json()) as { id: string; number: string; totalSatang: number };
    expect(body.totalSatang).toBe(58_700);
    quoteNumber = body.number;
    expect(quoteNumber).toMatch(/^Q-20\d\d-0001$/);
    await page.getByTestId('quote-status').getByText('ฉบับร่าง').waitFor();
    quoteUrl = page.url();
    expect(quoteUrl).toContain(`/sales/quotes/${body.id}`);
  });

  it('previews the PDF on the quote page and downloads it with the Thai text in it', async () => {
    const preview = page.getByTestId('quote-pdf');
    await preview.waitFor();
    const src = String(await preview.getAttribute('src'));
    expect(src).toMatch(/\/api\/v1\/quotes\/[0-9a-f-]+\/pdf#/);
    const inline = await context.request.get(`${server.url}${src.split('#')[0]}`);
    expect(inline.headers()['content-type']).toBe('application/pdf');
    expect(inline.headers()['content-disposition']).toMatch(/^inline/);
    await screenshot(page, 'quotes-page-th');

    await page.getByRole('button', { name: 'บันทึกว่าส่งแล้ว' }).click();
    await page.getByTestId('quote-status').getByText('ส่งแล้ว').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'ดาวน์โหลด PDF' }).click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+Sarabun-Regular/);
    const [text = ''] = await extractPdfText(bytes);
    for (const s of [
      'ใบเสนอราคา',
      quoteNumber,
      'บริษัท กาแฟบ้านสวน จำกัด',
      'ร้านค้าส่งบ้านสวน',
      'ลาเต้เย็น',
      'ค่าจัดส่งน้ำหนักเกิน',
      '587.00',
      '(ห้าร้อยแปดสิบเจ็ดบาทถ้วน)',
      'ชำระเงินภายใน 30 วัน',
    ])
      expect(nfkc(text), s).toContain(nfkc(s));
  });

  it('accepts the quote, and the order appears', async () => {
    const accepted = page.waitForResponse((r) => r.url().endsWith('/accept'));
    await page.getByRole('button', { name: 'ตอบรับ → สร้างคำสั่งซื้อ' }).click();
    expect((await accepted).status()).toBe(200);
    await page.getByTestId('quote-status').getByText('ตอบรับแล้ว').waitFor();
    await page.getByTestId('quote-order').waitFor();
    await screenshot(page, 'quotes-accepted-th');
    await page.getByRole('link', { name: 'เปิดคำสั่งซื้อ' }).click();
    const detail = page.getByTestId('order-detail');
    await detail.waitFor();
    const text = await detail.innerText();
    expect(text).toContain(quoteNumber);
    expect(text).toContain('587.00');
    await page.goto(`${server.url}/sales/quotes`);
    const row = page.getByTestId('quotes-table').getByRole('row', { name: new RegExp(quoteNumber) });
    await row.waitFor();
    expect(await row.innerText()).toContain('ตอบรับแล้ว');
    await screenshot(page, 'quotes-list-th');
  });

  it("lists a deal's quotes in the deal drawer", async () => {
    const deal = await post('/deals', { customerId, title: 'เปิดสาขาใหม่' });
    expect(deal.status).toBe(201);
    const quote = await post('/quotes', {
      customerId,
      dealId: deal.body.id,
      lines: [{ descriptionTh: 'ออกแบบร้าน', quantity: 1, unitPriceSatang: 1_500_000 }],
    });
    expect(quote.status).toBe(201);
    await page.goto(`${server.url}/sales/deals?deal=${String(deal.body.id)}`);
    const panel = page.getByRole('dialog').getByTestId('customer-quotes');
    await panel.getByRole('row', { name: new RegExp(String(quote.body.number)) }).waitFor();
    expect(await panel.innerText()).not.toContain(quoteNumber);
    await screenshot(page, 'quotes-deal-drawer-th');
  });

  it('shows the quote page in English', async () => {
    await page.goto(quoteUrl);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('quote-status').getByText('Accepted').waitFor();
    expect(await page.locator('main').innerText()).toContain('Order created from this quote');
    await screenshot(page, 'quotes-page-en');
    expect(pageErrors).toEqual([]);
  });
});
