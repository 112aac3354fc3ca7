import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, thaiFontLoaded } from './support/browser.ts';
import { type E2eSession, screenshotOnFailure, setUpOwner, startE2eSession } from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

// The sales dashboard and the pipelines admin screen on a few deals and orders made through
// the API: charts drawn, a chart's CSV downloaded and read, a quota set in the UI, a stage
// deleted with its deals moved.
const owner = { name: 'Malee Owner', email: 'owner@sales.example', password: 'correct horse battery' };
const NEGOTIATION = '00000000-0000-4000-8000-00000000d104';
const QUALIFIED = '00000000-0000-4000-8000-00000000d102';

let session: E2eSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let csrf = '';
let salesId = '';
let pageErrors: string[] = [];

type Json = Record<string, unknown>;
async function api(method: 'get' | 'post' | 'patch', pathname: string, data?: unknown) {
  const res = await context.request[method](`${server.url}/api/v1${pathname}`, {
    ...(data === undefined ? {} : { data }),
    headers: { 'x-csrf-token': csrf },
  });
  return { status: res.status(), body: (await res.json()) as Json };
}

/** Today in Bangkok, so the deals closed "now" fall in the dashboard's default quarter. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
const year = Number(today.slice(0, 4));

describe('the sales dashboard in a browser', () => {
  beforeAll(async () => {
    session = await startE2eSession({
      name: 'sales-dashboard',
      locale: 'th-TH',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    ({ server, context, page, pageErrors } = session);
    csrf = (await setUpOwner(session, { ...owner, locale: 'th', companyName: 'ร้านเฟอร์นิเจอร์บ้านสวน', demo: false }))
      .csrfToken;
    const team = await api('post', '/teams', { name: 'ทีมขายภาคกลาง' });
    const sales = await api('post', '/users', {
      email: 'somsri@sales.example',
      name: 'สมศรี ขายเก่ง',
      password: 'correct horse battery',
      role: 'sales',
      teamId: team.body.id,
    });
    expect(sales.status).toBe(201);
    salesId = String(sales.body.id);
    const customer = await api('post', '/customers', { firstName: 'สมชาย', lastName: 'ใจดี', phone: '081-234-5678' });
    const customerId = String(customer.body.id);
    const deal = async (title: string, valueSatang: number, ownerId?: string) => {
      const res = await api('post', '/deals', {
        customerId,
        title,
        valueSatang,
        expectedCloseOn: today,
        ...(ownerId ? { ownerId } : {}),
      });
      expect(res.status).toBe(201);
      return String(res.body.id);
    };
    const won1 = await deal('เก้าอี้สำนักงาน 20 ตัว', 4_800_000, salesId);
    const won2 = await deal('โต๊ะประชุม', 1_500_000);
    const lost1 = await deal('ตู้เอกสาร', 900_000, salesId);
    const lost2 = await deal('โซฟารับแขก', 2_000_000);
    const hot = await deal('ชุดห้องทำงานผู้บริหาร', 6_000_000, salesId);
    await deal('ชั้นวางของ', 300_000, salesId);
    expect((await api('post', `/deals/${won1}/won`, {})).status).toBe(200);
    expect((await api('post', `/deals/${won2}/won`, {})).status).toBe(200);
    expect((await api('post', `/deals/${lost1}/lost`, { reason: 'ราคาสูงกว่าคู่แข่ง' })).status).toBe(200);
    expect((await api('post', `/deals/${lost2}/lost`, { reason: 'ราคาสูงกว่าคู่แข่ง' })).status).toBe(200);
    expect((await api('post', `/deals/${hot}/move`, { stageId: NEGOTIATION })).status).toBe(200);
    for (const [orderedAt, price] of [
      [`${year}-01-15T10:00:00+07:00`, 1_200_000],
      [`${today}T09:00:00+07:00`, 3_500_000],
      [`${year - 1}-01-20T10:00:00+07:00`, 800_000],
    ] as const) {
      const order = await api('post', '/orders', {
        customerId,
        orderedAt,
        status: 'paid',
        lines: [{ name: 'เฟอร์นิเจอร์', unitPriceSatang: price }],
      });
      expect(order.status).toBe(201);
    }
  }, 120_000);

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'sales-dashboard-failed'));

  afterAll(() => session?.close());

  it('draws the KPI tiles and every chart in Thai, and a chart’s data downloads as CSV', async () => {
    await page.goto(`${server.url}/sales`);
    const won = page.getByTestId('sales-kpi-won').getByTestId('kpi-value');
    await expect.poll(() => won.innerText(), { timeout: 30_000 }).toBe('฿63,000.00');
    expect(await page.getByTestId('sales-kpi-closeRate').getByTestId('kpi-value').innerText()).toBe('50%');
    for (const id of ['chart-forecast', 'chart-revenue', 'chart-pipeline', 'chart-winloss'])
      await page.getByTestId(id).locator('canvas').first().waitFor({ timeout: 30_000 });

    const download = page.waitForEvent('download');
    await page.getByTestId('chart-winloss').getByRole('button', { name: 'ดาวน์โหลดข้อมูลเป็น CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).trim().split('\r\n')).toEqual([
      'ผล / เหตุผล,จำนวนดีล,มูลค่า',
      'ปิดได้,2,63000',
      'ราคาสูงกว่าคู่แข่ง,2,29000',
    ]);
    expect(await thaiFontLoaded(page)).toBe(true);
    await screenshot(page, 'sales-dashboard-th');
  });

  it('sets a quota in the dialog, and the forecast and per-owner table show attainment against it', async () => {
    await page.getByTestId('set-quota').click();
    const dialog = page.getByRole('dialog', { name: 'กำหนดเป้ายอดขาย' });
    await dialog.waitFor();
    await dialog.getByTestId('quota-who').click();
    await page.getByRole('option', { name: 'สมศรี ขายเก่ง' }).click();
    await dialog.getByTestId('quota-amount').fill('96,000');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/quotas') && r.request().method() === 'POST');
    await dialog.getByTestId('quota-save').click();
    const res = await saved;
    expect(res.status()).toBe(201);
    expect(JSON.parse(res.request().postData() ?? '{}')).toMatchObject({ userId: salesId, amountSatang: 9_600_000 });
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('owners-table').getByRole('row', { name: /สมศรี ขายเก่ง/ });
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toMatch(/฿96,000\.00[\s\S]*50%/);
    await screenshot(page, 'sales-dashboard-quota-th');
  });

  it('reads the same in English', async () => {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('heading', { name: 'Forecast against quota' }).waitFor();
    await page.getByTestId('chart-forecast').locator('canvas').first().waitFor();
    await screenshot(page, 'sales-dashboard-en');
  });

  it('deletes a pipeline stage on the admin screen, moving its deals to the chosen stage', async () => {
    const deal = await api('get', '/deals?status=open&limit=50');
    const onQualified = (deal.body.items as Json[]).find((d) => d.title === 'ชั้นวางของ');
    expect((await api('post', `/deals/${String(onQualified?.id)}/move`, { stageId: QUALIFIED })).status).toBe(200);
    await page.goto(`${server.url}/admin/pipelines`);
    const row = page.getByTestId('stage-row').filter({ hasText: 'Qualified' });
    await row.waitFor();
    await screenshot(page, 'pipelines-admin-en');
    await row.getByRole('button', { name: 'Delete stage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete stage "Qualified"' });
    await dialog.waitFor();
    // The nearest open stage is offered first.
    expect(await dialog.getByTestId('delete-move-to').inputValue()).toMatch(/^(Lead in|Proposal)/);
    await dialog.getByTestId('delete-move-to').click();
    await page.getByRole('option', { name: 'Proposal (50%)' }).click();
    await screenshot(page, 'pipelines-admin-delete-en');
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE');
    await dialog.getByTestId('delete-confirm').click();
    const res = await deleted;
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ movedDeals: 1 });
    await row.waitFor({ state: 'detached' });
    const moved = await api('get', `/deals/${String(onQualified?.id)}`);
    expect(moved.body).toMatchObject({ stageNameEn: 'Proposal' });
    expect(pageErrors).toEqual([]);
  });

  it('shows a salesperson only their own figures, without the pickers managers have', async () => {
    const own = await session.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'th-TH' });
    try {
      const login = await own.request.post(`${server.url}/api/v1/auth/login`, {
        data: { email: 'somsri@sales.example', password: 'correct horse battery' },
      });
      expect(login.status()).toBe(200);
      const mine = await own.newPage();
      await mine.goto(`${server.url}/sales`);
      const won = mine.getByTestId('sales-kpi-won').getByTestId('kpi-value');
      // Her one won deal (48,000), not the owner's (15,000).
      await expect.poll(() => won.innerText(), { timeout: 30_000 }).toBe('฿48,000.00');
      await mine.getByTestId('chart-forecast').locator('canvas').first().waitFor();
      expect(await mine.getByTestId('who-select').count()).toBe(0);
      expect(await mine.getByTestId('set-quota').count()).toBe(0);
      const rows = mine.getByTestId('owners-table').locator('tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().innerText()).toMatch(/สมศรี ขายเก่ง[\s\S]*฿96,000\.00[\s\S]*50%/);
      await screenshot(mine, 'sales-dashboard-own-th');
    } finally {
      await own.close();
    }
  });
});
