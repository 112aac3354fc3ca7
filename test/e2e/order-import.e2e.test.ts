import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, thaiFontLoaded } from './support/browser.ts';
import { ensureWebFresh } from './support/fresh-web-build.ts';
import { type RunningServer, startSampan } from './support/sampan-server.ts';

const owner = { name: 'Malee Owner', email: 'owner@orders-import.example', password: 'correct horse battery' };

/**
 * Four order lines: a two-line order for an existing customer written with another phone
 * format, a one-line order for a new customer (by email), and a line with a bad amount.
 */
const CSV = [
  'เบอร์โทร,อีเมล,ชื่อลูกค้า,เลขที่คำสั่งซื้อ,วันที่,ชื่อสินค้า,จำนวน,ยอดเงิน',
  '+66 81 234 5678,,,INV-001,2026-04-13 10:30,ลาเต้เย็น,2,130.00',
  '081-234-5678,,,INV-001,2026-04-13 10:30,ครัวซองต์,1,"1,055.50"',
  ',new@orders.example,คุณใหม่ ซื้อบ่อย,INV-002,14/04/2569,ชาไทย,1,45',
  ',bad@orders.example,,INV-003,2026-04-15,ชาเขียว,1,สี่สิบ',
].join('\r\n');

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dataDir: string;
let csrf = '';
let customerId = '';
const pageErrors: string[] = [];

describe('import orders in a browser', () => {
  beforeAll(async () => {
    ensureWebFresh();
    dataDir = mkdtempSync(path.join(tmpdir(), 'sampan-e2e-order-import-'));
    server = await startSampan(dataDir, 240_000);
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'th-TH',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const setup = await context.request.post(`${server.url}/api/v1/setup`, {
      data: { ...owner, locale: 'th', companyName: 'ร้านกาแฟบ้านสวน', demo: false },
    });
    expect(setup.status()).toBe(201);
    csrf = ((await setup.json()) as { csrfToken: string }).csrfToken;
    const created = await context.request.post(`${server.url}/api/v1/customers`, {
      data: { firstName: 'สมชาย', lastName: 'ใจดี', phone: '0812345678' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(created.status()).toBe(201);
    customerId = ((await created.json()) as { id: string }).id;
  }, 360_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await screenshot(page, `order-import-failed-${name}`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.lock`, { force: true });
    }
  });

  it('imports an orders file in Thai with its columns mapped, a preview and live progress', async () => {
    await page.goto(server.url);
    await page.locator('nav [data-nav="customerImport"]').click();
    await page.getByTestId('import-kind').getByText('คำสั่งซื้อ', { exact: true }).click();
    await page.getByRole('heading', { name: 'นำเข้าคำสั่งซื้อ' }).waitFor();
    await page.getByTestId('import-orders-format').waitFor();
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${CSV}`, 'utf8'),
    });
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    await expect.poll(() => mapping.getByRole('combobox', { name: /เลขที่คำสั่งซื้อ$/ }).inputValue()).toBe('เลขที่คำสั่งซื้อ');
    await expect.poll(() => mapping.getByRole('combobox', { name: /ยอดเงิน$/ }).inputValue()).toBe('ยอดเงิน (บาท)');
    const rows = page.getByTestId('import-preview-rows');
    await expect.poll(() => rows.locator('tr[data-outcome="create"]').count()).toBe(3);
    await expect.poll(() => rows.locator('tr[data-outcome="reject"]').count()).toBe(1);
    expect(await rows.locator('tr[data-outcome="reject"]').innerText()).toContain('ไม่ใช่จำนวนเงิน');
    expect(await thaiFontLoaded(page)).toBe(true);
    await screenshot(page, 'order-import-01-preview-th');

    await page.getByTestId('import-next').click();
    await page.getByText('เมื่อไม่พบลูกค้า').waitFor();
    await screenshot(page, 'order-import-02-options-th');
    await page.getByTestId('import-start').click();
    const progress = page.locator('[data-testid="import-progress"][data-status="completed"]');
    await progress.waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByTestId('import-progress-bar').getAttribute('data-percent')).toBe('100');
    expect(await page.getByTestId('import-created').textContent()).toBe('3');
    expect(await page.getByTestId('import-rejected').textContent()).toBe('1');
    await screenshot(page, 'order-import-03-result-th');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-rejections-link').click(),
    ]);
    const report = readFileSync((await download.path()) ?? '', 'utf8');
    expect(report).toContain('สี่สิบ');
    expect(report).toMatch(/(^|\n)\uFEFF?"?5"?,/);
  });

  it("shows the imported order on the customer's Orders tab", async () => {
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByRole('tab', { name: 'คำสั่งซื้อ' }).click();
    const panel = page.getByTestId('customer-orders');
    await panel.getByRole('row', { name: /INV-001/ }).waitFor();
    expect(await panel.innerText()).toContain('1,185.50');
    await screenshot(page, 'order-import-04-profile-orders-th');
  });

  it('shows the same in English', async () => {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('tab', { name: 'Orders' }).click();
    await page
      .getByTestId('customer-orders')
      .getByRole('row', { name: /INV-001/ })
      .waitFor();
    await screenshot(page, 'order-import-05-profile-orders-en');
    await page.locator('nav [data-nav="customerImport"]').click();
    await page.getByTestId('import-kind').getByText('Orders', { exact: true }).click();
    await page.getByRole('heading', { name: 'Import orders' }).waitFor();
    await page.getByTestId('imports-table').getByText('orders.csv').waitFor();
    await screenshot(page, 'order-import-06-page-en');
    expect(pageErrors).toEqual([]);
  });
});
