import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, thaiFontLoaded } from './support/browser.ts';
import { type E2eSession, screenshotOnFailure, setUpOwner, startE2eSession } from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

const owner = { name: 'Malee Owner', email: 'owner@deals.example', password: 'correct horse battery' };
// The stages migration 0009 seeds in the default pipeline.
const LEAD_IN = '00000000-0000-4000-8000-00000000d101';
const PROPOSAL = '00000000-0000-4000-8000-00000000d103';
const LOST = '00000000-0000-4000-8000-00000000d106';

let session: E2eSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let csrf = '';
let customerId = '';
let chairs = '';
let tables = '';
let pageErrors: string[] = [];

type Json = Record<string, unknown>;
async function api(method: 'get' | 'post', pathname: string, data?: unknown) {
  const res = await context.request[method](`${server.url}/api/v1${pathname}`, {
    ...(data === undefined ? {} : { data }),
    headers: { 'x-csrf-token': csrf },
  });
  return { status: res.status(), body: (await res.json()) as Json };
}

const column = (stageId: string) => page.locator(`[data-testid="board-column"][data-stage-id="${stageId}"]`);
const card = (dealId: string) => page.locator(`[data-testid="deal-card"][data-deal-id="${dealId}"]`);

/** Drags with the real mouse: press on the card, move in steps (dnd-kit needs movement), release over the target. */
async function drag(from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag source or target is not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 150), { steps: 20 });
  await page.mouse.up();
}

describe('the pipeline board in a browser', () => {
  beforeAll(async () => {
    session = await startE2eSession({ name: 'deals', locale: 'th-TH', viewport: { width: 1800, height: 900 } });
    ({ server, context, page, pageErrors } = session);
    csrf = (await setUpOwner(session, { ...owner, locale: 'th', companyName: 'ร้านเฟอร์นิเจอร์บ้านสวน' })).csrfToken;
    const customer = await api('post', '/customers', { firstName: 'สมชาย', lastName: 'ใจดี', phone: '081-234-5678' });
    customerId = String(customer.body.id);
    const a = await api('post', '/deals', {
      customerId,
      title: 'เก้าอี้สำนักงาน 20 ตัว',
      valueSatang: 4_800_000,
      expectedCloseOn: '2026-12-25',
    });
    const b = await api('post', '/deals', { customerId, title: 'โต๊ะประชุม', valueSatang: 1_500_000 });
    expect([a.status, b.status]).toEqual([201, 201]);
    const desk = await api('post', '/products', {
      sku: 'DESK-S',
      nameTh: 'โต๊ะยืนทำงาน',
      nameEn: 'Standing desk',
      unitPriceSatang: 1_290_000,
    });
    expect(desk.status).toBe(201);
    chairs = String(a.body.id);
    tables = String(b.body.id);
  });

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'deals-failed'));

  afterAll(() => session?.close());

  it('drags a deal from Lead in to Proposal with the mouse, and the move is kept with its history', async () => {
    await page.goto(`${server.url}/sales/board`);
    await card(chairs).waitFor();
    expect(await column(LEAD_IN).getByTestId('column-count').innerText()).toBe('2 ดีล');
    const moved = page.waitForResponse((r) => r.url().endsWith(`/deals/${chairs}/move`));
    await drag(card(chairs), column(PROPOSAL));
    const res = await moved;
    expect(res.status()).toBe(200);
    expect(JSON.parse(res.request().postData() ?? '{}')).toEqual({ stageId: PROPOSAL });
    await column(PROPOSAL).locator(`[data-deal-id="${chairs}"]`).waitFor();
    await column(LEAD_IN).getByTestId('column-count').getByText('1 ดีล').waitFor();
    // Persisted: the API says so, with a second stage-history row.
    const deal = await api('get', `/deals/${chairs}`);
    expect(deal.body).toMatchObject({ stageId: PROPOSAL, status: 'open', weightedSatang: 2_400_000 });
    const history = deal.body.history as Json[];
    expect(history.map((h) => h.stageNameEn)).toEqual(['Lead in', 'Proposal']);
    expect(history[0]?.leftAt).toBe(history[1]?.movedAt);
    // Still there after a reload.
    await page.reload();
    await column(PROPOSAL).locator(`[data-deal-id="${chairs}"]`).waitFor();
    expect(await column(PROPOSAL).innerText()).toContain('฿48,000.00');
    expect(await thaiFontLoaded(page)).toBe(true);
    await screenshot(page, 'deals-board-th');
  });

  it('asks why when a deal is dropped on Lost, and the deal page shows the history with time in stage', async () => {
    const lost = page.waitForResponse((r) => r.url().endsWith(`/deals/${tables}/move`));
    await drag(card(tables), column(LOST));
    const dialog = page.getByRole('dialog', { name: 'ทำไมจึงปิดการขายไม่ได้' });
    await dialog.waitFor();
    await dialog.getByLabel('เหตุผลที่ปิดไม่ได้').fill('ลูกค้าเลื่อนงบไปปีหน้า');
    await dialog.getByRole('button', { name: 'บันทึกว่าปิดไม่ได้' }).click();
    expect((await lost).status()).toBe(200);
    const after = await api('get', `/deals/${tables}`);
    expect(after.body).toMatchObject({ status: 'lost', stageId: LOST, lostReason: 'ลูกค้าเลื่อนงบไปปีหน้า' });
    // A lost deal leaves the board's open columns.
    await card(tables).waitFor({ state: 'detached' });

    await card(chairs).click();
    const detail = page.getByTestId('deal-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('deal-stage').innerText()).toBe('เสนอราคา');
    const rows = detail.getByTestId('deal-history').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toContain('ลูกค้าเป้าหมาย');
    expect(await rows.nth(1).innerText()).toMatch(/เสนอราคา[\s\S]*ปัจจุบัน/);
    await screenshot(page, 'deals-drawer-th');
  });

  it('shows the board, the deals list and the profile tab in English', async () => {
    await page.goto(`${server.url}/sales/deals`);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    const row = page.getByTestId('deals-table').getByRole('row', { name: /โต๊ะประชุม/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Lost');
    await screenshot(page, 'deals-list-en');
    await page.goto(`${server.url}/sales/board`);
    await card(chairs).waitFor();
    expect(await column(PROPOSAL).innerText()).toMatch(/Proposal[\s\S]*1 deal/);
    await card(chairs).click();
    await page.getByTestId('deal-detail').getByText('Stage history').waitFor();
    await screenshot(page, 'deals-drawer-en');
    await page.keyboard.press('Escape');
    await screenshot(page, 'deals-board-en');
    await page.goto(`${server.url}/customers/${customerId}`);
    await page.getByRole('tab', { name: 'Deals' }).click();
    await page
      .getByTestId('customer-deals')
      .getByRole('row', { name: /เก้าอี้สำนักงาน/ })
      .waitFor();
    // A new deal from the profile, valued from a product picked in the form.
    await page.getByRole('button', { name: 'New deal' }).click();
    const modal = page.getByRole('dialog', { name: 'New deal' });
    await modal.getByLabel('Title').fill('Standing desks');
    await modal.getByRole('button', { name: 'Add product' }).click();
    await modal.getByPlaceholder('Product').click();
    await page.getByRole('option', { name: /Standing desk/ }).click();
    await modal.getByLabel('Qty').fill('3');
    await screenshot(page, 'deals-new-en');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/deals') && r.request().method() === 'POST');
    await modal.getByRole('button', { name: 'Create deal' }).click();
    const body = (await (await created).json()) as Json;
    expect(body).toMatchObject({ title: 'Standing desks', valueSatang: 3 * 1_290_000, stageNameEn: 'Lead in' });
    const detail = page.getByTestId('deal-detail');
    await detail.getByText('Standing desk', { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page
      .getByTestId('customer-deals')
      .getByRole('row', { name: /Standing desks/ })
      .waitFor();
    await screenshot(page, 'deals-profile-en');
    expect(pageErrors).toEqual([]);
  });
});
