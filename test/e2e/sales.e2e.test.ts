import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, thaiFontLoaded } from './support/browser.ts';
import { type E2eSession, screenshotOnFailure, setUpOwner, startE2eSession } from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

const owner = { name: 'Malee Owner', email: 'owner@sales.example', password: 'correct horse battery' };

let session: E2eSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let csrf = '';
let customerId = '';
let pageErrors: string[] = [];

async function post(pathname: string, data: unknown) {
  const res = await context.request.post(`${server.url}/api/v1${pathname}`, {
    data,
    headers: { 'x-csrf-token': csrf },
  });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}

describe('products and orders in a browser', () => {
  beforeAll(async () => {
    session = await startE2eSession({ name: 'sales', locale: 'th-TH' });
    ({ server, context, page, pageErrors } = session);
    csrf = (await setUpOwner(session, { ...owner, locale: 'th', companyName: 'ร้านกาแฟบ้านสวน' })).csrfToken;
  });

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'sales-failed'));

  afterAll(() => session?.close());

  it('adds a product in Thai, refusing a price that is not baht', async () => {
    await page.goto(`${server.url}/sales/products`);
    await page.getByRole('button', { name: 'เพิ่มสินค้า' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('รหัสสินค้า').fill('LATTE-16');
    await modal.getByLabel('ชื่อ (ไทย)').fill('ลาเต้เย็น 16 ออนซ์');
    await modal.getByLabel('ชื่อ (อังกฤษ)').fill('Iced latte 16 oz');
    await modal.getByLabel('ราคา').fill('65.999');
    await modal.getByText('กรอกราคาเป็นบาท ทศนิยมไม่เกิน 2 ตำแหน่ง').waitFor();
    expect(await modal.getByRole('button', { name: 'บันทึก' }).isDisabled()).toBe(true);
    await modal.getByLabel('ราคา').fill('65');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/products') && r.request().method() === 'POST');
    await modal.getByRole('button', { name: 'บันทึก' }).click();
    expect((await saved).status()).toBe(201);
    const row = page.getByTestId('products-table').getByRole('row', { name: /LATTE-16/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('65.00');
    expect(await thaiFontLoaded(page)).toBe(true);
    await screenshot(page, 'sales-products-th');
  });

  it('shows an order posted by a POS on the orders page, then pays it, delivers it and refunds part', async () => {
    const customer = await post('/customers', { firstName: 'สมชาย', lastName: 'ใจดี', phone: '081-234-5678' });
    expect(customer.status).toBe(201);
    customerId = String(customer.body.id);
    const order = await post('/orders', {
      source: 'pos',
      externalId: 'POS-2026-0001',
      customer: { identifiers: [{ kind: 'phone', value: '+66812345678' }] },
      lines: [{ sku: 'LATTE-16', quantity: 2 }],
    });
    expect(order.status).toBe(201);
    expect(order.body.customerId).toBe(customer.body.id);

    await page.goto(`${server.url}/sales/orders`);
    const row = page.getByTestId('orders-table').getByRole('row', { name: /POS-2026-0001/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('สมชาย');
    await row.click();
    const detail = page.getByTestId('order-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('130.00');
    await page.getByRole('button', { name: 'บันทึกว่าชำระแล้ว' }).click();
    await detail.getByText('ชำระเงินแล้ว', { exact: true }).waitFor();
    await page.getByLabel('ผู้ให้บริการขนส่ง').fill('Kerry Express');
    await page.getByLabel('เลขพัสดุ').fill('KEX123');
    await page.getByRole('button', { name: 'บันทึกว่าจัดส่งแล้ว' }).click();
    await detail.getByText(/Kerry Express/).waitFor();
    await screenshot(page, 'sales-order-th');

    await page.getByRole('button', { name: 'คืนเงิน' }).click();
    const modal = page.getByRole('dialog', { name: 'คืนเงิน' });
    await modal.getByLabel('ยอดคืนเงิน (บาท)').fill('200');
    await modal.getByLabel('เหตุผล').fill('แก้วแตก');
    const refused = page.waitForResponse((r) => r.url().includes('/refunds'));
    await modal.getByRole('button', { name: 'คืนเงิน' }).click();
    expect((await refused).status()).toBe(422);
    await modal.getByText(/มากกว่ายอดที่ยังคืนได้/).waitFor();
    await modal.getByLabel('ยอดคืนเงิน (บาท)').fill('65');
    const done = page.waitForResponse((r) => r.url().includes('/refunds'));
    await modal.getByRole('button', { name: 'คืนเงิน' }).click();
    expect((await done).status()).toBe(200);
    await detail.getByText('คืนเงินบางส่วน', { exact: true }).waitFor();
    expect(await detail.innerText()).toContain('แก้วแตก');

    // The customer's profile shows the order and what they spent after the refund.
    await page.goto(`${server.url}/customers/${customer.body.id}`);
    await page.getByRole('tab', { name: 'คำสั่งซื้อ' }).click();
    const panel = page.getByTestId('customer-orders');
    await panel.getByRole('row', { name: /POS-2026-0001/ }).waitFor();
    expect(await page.locator('main').innerText()).toContain('฿65.00');
    await screenshot(page, 'sales-profile-orders-th');
  });

  it('shows the same pages in English', async () => {
    await page.goto(`${server.url}/sales/orders?status=partially_refunded`);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    const row = page.getByTestId('orders-table').getByRole('row', { name: /POS-2026-0001/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/partly refunded/i);
    await screenshot(page, 'sales-orders-en');
    await page.goto(`${server.url}/sales/products`);
    await page
      .getByTestId('products-table')
      .getByRole('row', { name: /LATTE-16/ })
      .waitFor();
    expect(await page.locator('main').innerText()).toContain('Iced latte 16 oz');
    await screenshot(page, 'sales-products-en');
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByRole('tab', { name: 'Orders' }).click();
    await page
      .getByTestId('customer-orders')
      .getByRole('row', { name: /POS-2026-0001/ })
      .waitFor();
    expect(await page.locator('main').innerText()).toMatch(/Spent \(after refunds\)/);
    await screenshot(page, 'sales-profile-orders-en');
    expect(pageErrors).toEqual([]);
  });
});
