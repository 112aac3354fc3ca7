import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import {
  type E2eSession,
  scoredDemo,
  screenshotOnFailure,
  setUpOwner,
  startE2eSession,
} from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

// The analytics dashboard and the profile's recommendations on demo data (a year of
// orders with products), scored by `sampan analytics recompute` before the server starts.
const owner = { name: 'Malee Owner', email: 'owner@cafe.example', password: 'correct horse battery' };
const CHARTS = [
  'chart-rfm-grid',
  'chart-segments',
  'chart-segment-history',
  'chart-clv',
  'chart-palive',
  'chart-cohorts',
];

let session: E2eSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];

describe('analytics dashboard', () => {
  beforeAll(async () => {
    session = await startE2eSession({
      name: 'analytics',
      locale: 'th-TH',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
      startTimeoutMs: 240_000,
      // Demo customers with a year of orders, scored before the server takes the data directory
      // (made once per day and code version, and shared with the other files that use it).
      prepared: scoredDemo,
    });
    ({ server, context, page, pageErrors } = session);
    await setUpOwner(session, { ...owner, locale: 'th', companyName: 'ร้านกาแฟบ้านสวน', demo: false });
  }, 360_000);

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'analytics-failed'));

  afterAll(() => session?.close());

  it('draws every chart and the KPI tiles in Thai, and a chart’s data downloads as CSV', async () => {
    await page.goto(`${server.url}/analytics`);
    await page.getByTestId('analytics-dashboard').getByText('การวิเคราะห์').first().waitFor();
    const revenue = page.getByTestId('kpi-revenueSatang').getByTestId('kpi-value');
    await expect.poll(() => revenue.innerText(), { timeout: 30_000 }).toMatch(/฿[\d,]+\.\d\d/);
    expect(await page.getByTestId('kpi-customers').getByTestId('kpi-value').innerText()).toMatch(/^[\d,]+$/);
    for (const id of [...CHARTS, 'chart-holdout']) {
      await page.getByTestId(id).locator('canvas').first().waitFor({ timeout: 60_000 });
    }
    await page.getByTestId('model-card').getByText('BG/NBD').waitFor();

    const download = page.waitForEvent('download');
    await page.getByTestId('chart-cohorts').getByRole('button', { name: 'ดาวน์โหลดข้อมูลเป็น CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('เดือนที่ซื้อครั้งแรก');
    expect(lines.length).toBeGreaterThan(2);
    // Month 0 of a cohort is the whole cohort: retention 1.
    const first = lines[1]?.split(',') ?? [];
    expect(first[2]).toBe('0');
    expect(first[1]).toBe(first[3]);
    expect(first[4]).toBe('1.0000');
    await screenshot(page, 'analytics-dashboard-th');
  });

  it('reads the same in English, filters by segment and opens a segment’s customers', async () => {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('analytics-dashboard').getByText('Customer acquisition cost').waitFor();
    await expect
      .poll(() => page.getByTestId('kpi-revenueSatang').getByTestId('kpi-value').innerText())
      .toMatch(/THB\s[\d,]+\.\d\d/);
    for (const id of CHARTS) await page.getByTestId(id).locator('canvas').first().waitFor();
    await screenshot(page, 'analytics-dashboard-en');
    await page.getByPlaceholder('All segments').click();
    await page.getByRole('option', { name: 'Champions' }).click();
    await expect
      .poll(async () => {
        const rows = await page.getByTestId('top-customers-table').locator('tbody tr').allInnerTexts();
        return rows.length > 0 && rows.every((r) => r.includes('Champions'));
      })
      .toBe(true);
    await page.getByTestId('open-segment').click();
    await page.getByRole('option', { name: 'Loyal', exact: true }).click();
    await page.waitForURL(/\/customers\?rfmSegment=loyal/);
    await page.getByTestId('customers-table').locator('tbody tr[data-customer-id]').first().waitFor();
  });

  it('opens the customers of an RFM grid cell when the cell is clicked', async () => {
    const res = await context.request.get(`${server.url}/api/v1/analytics/scores/overview`);
    const { grid } = (await res.json()) as { grid: { r: number; f: number; customers: number }[] };
    const cell = [...grid].sort((a, b) => b.customers - a.customers || b.r - a.r)[0];
    if (!cell) throw new Error('no scored customers');
    await page.goto(`${server.url}/analytics`);
    await page.getByTestId('chart-rfm-grid').locator('canvas').first().waitFor();
    await page
      .getByTestId('chart-rfm-grid')
      .getByText(/Click a cell|คลิกช่อง/)
      .waitFor();
    // The chart's own box (its canvases are stacked inside it; the top one takes the pointer).
    const canvas = page.getByTestId('chart-rfm-grid').locator('div[role="img"]');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the RFM grid has no box');
    // The plot area of RfmGridChart: grid left 56, right 16, top 16, bottom 80; F across, R up (5 at the top).
    const cellW = (box.width - 72) / 5;
    const cellH = (box.height - 96) / 5;
    await canvas.click({ position: { x: 56 + (cell.f - 0.5) * cellW, y: 16 + (5 - cell.r + 0.5) * cellH } });
    await page.waitForURL(new RegExp(`/customers\\?rfmR=${cell.r}&rfmF=${cell.f}$`));
    const table = page.getByTestId('customers-table');
    await table.locator('tbody tr[data-customer-id]').first().waitFor();
    // The filter panel opens by itself and names the cell.
    await expect.poll(() => page.getByTestId('filter-rfm-r').inputValue()).toBe(String(cell.r));
    expect(await page.getByTestId('filter-rfm-f').inputValue()).toBe(String(cell.f));
    const api = await context.request.get(`${server.url}/api/v1/customers?rfmR=${cell.r}&rfmF=${cell.f}&limit=200`);
    const inCell = ((await api.json()) as { items: { id: string }[] }).items.map((c) => c.id);
    expect(inCell).toHaveLength(Math.min(cell.customers, 200));
    const shown = await table
      .locator('tbody tr[data-customer-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-customer-id')));
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(inCell).toContain(id);
    await screenshot(page, 'analytics-rfm-cell-customers-en');
  });

  it('narrows the score charts to customers of one order source, and says so', async () => {
    const whole = await context.request.get(`${server.url}/api/v1/analytics/scores/overview`);
    const all = ((await whole.json()) as { scored: number }).scored;
    await page.goto(`${server.url}/analytics`);
    await page.getByTestId('chart-rfm-grid').locator('canvas').first().waitFor();
    const overview = page.waitForResponse((r) => r.url().includes('/api/v1/analytics/scores/overview?source=line'));
    await page.getByPlaceholder('All sources').click();
    await page.getByRole('option', { name: 'LINE', exact: true }).click();
    const body = (await (await overview).json()) as { scored: number; source: string };
    // Demo orders: one in ten through LINE, so some customers bought there, not all.
    expect(body.source).toBe('line');
    expect(body.scored).toBeGreaterThan(0);
    expect(body.scored).toBeLessThan(all);
    await page.getByTestId('chart-segments').locator('canvas').first().waitFor();
    await page.getByTestId('scores-source-note').getByText('bought through').waitFor();
    await page.getByTestId('history-all-sources').waitFor();
    await screenshot(page, 'analytics-dashboard-source-line-en');
  });

  it('shows recommended products with their reason on a profile', async () => {
    const list = await context.request.get(`${server.url}/api/v1/customers?limit=100`);
    const { items } = (await list.json()) as { items: { id: string }[] };
    let found: string | undefined;
    for (const { id } of items) {
      const res = await context.request.get(`${server.url}/api/v1/customers/${id}/recommendations?limit=5`);
      const body = (await res.json()) as { basis: string; items: { reason: { kind: string } }[] };
      if (body.basis === 'purchases' && body.items[0]?.reason.kind === 'bought_with') {
        found = id;
        break;
      }
    }
    expect(found).toBeDefined();
    await page.goto(`${server.url}/customers/${found}`);
    const card = page.getByTestId('customer-recommendations');
    await card.getByText('Recommended products').waitFor();
    expect(await card.getByTestId('recommendation').count()).toBeGreaterThan(0);
    expect(await card.innerText()).toContain('Bought with');
    await screenshot(page, 'analytics-recommendations-en');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('ไทย', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await card.getByText('สินค้าแนะนำ').waitFor();
    expect(await card.innerText()).toContain('ซื้อคู่กับ');
    await screenshot(page, 'analytics-recommendations-th');
    expect(pageErrors).toEqual([]);
  });
});
