import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, thaiFontLoaded } from './support/browser.ts';
import { ensureWebFresh } from './support/fresh-web-build.ts';
import { type RunningServer, startSampan } from './support/sampan-server.ts';

const owner = { name: 'Malee Owner', email: 'owner@leads.example', password: 'correct horse battery' };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dataDir: string;
let csrf = '';
let salesId = '';
let leadId = '';
const pageErrors: string[] = [];

type Json = Record<string, unknown>;
async function api(method: 'get' | 'post', pathname: string, data?: unknown) {
  const res = await context.request[method](`${server.url}/api/v1${pathname}`, {
    ...(data === undefined ? {} : { data }),
    headers: { 'x-csrf-token': csrf },
  });
  return { status: res.status(), body: (await res.json()) as Json };
}

describe('leads in a browser', () => {
  beforeAll(async () => {
    ensureWebFresh();
    dataDir = mkdtempSync(path.join(tmpdir(), 'sampan-e2e-leads-'));
    server = await startSampan(dataDir);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'th-TH' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const setup = await context.request.post(`${server.url}/api/v1/setup`, {
      data: { ...owner, locale: 'th', companyName: 'ร้านกาแฟบ้านสวน' },
    });
    expect(setup.status()).toBe(201);
    csrf = ((await setup.json()) as { csrfToken: string }).csrfToken;
    const sales = await api('post', '/users', {
      email: 'somsri@leads.example',
      name: 'สมศรี ขายเก่ง',
      password: 'another good password',
      role: 'sales',
    });
    expect(sales.status).toBe(201);
    salesId = String(sales.body.id);
    const rule = await api('post', '/leads/assignment-rules', {
      name: 'ทีมขาย',
      kind: 'round_robin',
      userIds: [salesId],
    });
    expect(rule.status).toBe(201);
    for (const body of [
      { name: 'กรุงเทพฯ', kind: 'fit', field: 'province', operator: 'equals', values: ['กรุงเทพมหานคร'], points: 30 },
      { name: 'คลิกอีเมล', kind: 'behaviour', eventKind: 'email_click', points: 20, halfLifeDays: 14 },
    ]) {
      expect((await api('post', '/leads/scoring-rules', body)).status).toBe(201);
    }
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) {
      const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await screenshot(page, `leads-failed-${name}`).catch(() => undefined);
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

  it('creates a lead that the rules assign, logs an email click, shows the score with its reasons, and converts it', async () => {
    await page.goto(`${server.url}/sales/leads`);
    await page.getByTestId('lead-new').click();
    const modal = page.getByRole('dialog', { name: 'เพิ่มลีด' });
    await modal.getByLabel('ชื่อ', { exact: true }).fill('ประเสริฐ');
    await modal.getByLabel('นามสกุล').fill('รุ่งเรือง');
    await modal.getByLabel('บริษัท').fill('บริษัท กาแฟดี จำกัด');
    await modal.getByLabel('อีเมล').fill('Prasert@KafaeDee.co.th');
    await modal.getByLabel('เบอร์โทร').fill('081-555-0101');
    await modal.getByLabel('จังหวัด').fill('กรุงเทพมหานคร');
    await screenshot(page, 'leads-new-th');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/leads') && r.request().method() === 'POST');
    await modal.getByRole('button', { name: 'บันทึก' }).click();
    const body = (await (await created).json()) as Json;
    expect(body).toMatchObject({ ownerId: salesId, phone: '+66815550101', email: 'prasert@kafaedee.co.th', score: 30 });
    leadId = String(body.id);

    const detail = page.getByTestId('lead-detail');
    await detail.waitFor();
    await detail.getByText('สมศรี ขายเก่ง (มอบหมายตามกฎ)').waitFor();
    await detail.getByTestId('lead-score-reason').filter({ hasText: 'กรุงเทพฯ' }).waitFor();

    await detail.getByTestId('lead-event-kind').click();
    await page.getByRole('option', { name: 'คลิกลิงก์ในอีเมล' }).click();
    await detail.getByLabel('รายละเอียด (ไม่บังคับ)').fill('/pricing');
    const logged = page.waitForResponse(
      (r) => r.url().endsWith(`/leads/${leadId}/events`) && r.request().method() === 'POST',
    );
    await detail.getByTestId('lead-event-log').click();
    expect((await logged).status()).toBe(201);
    const reasons = detail.getByTestId('lead-score-reasons');
    await reasons.getByTestId('lead-score-reason').filter({ hasText: 'คลิกอีเมล' }).waitFor();
    expect(await reasons.getByTestId('lead-score').innerText()).toBe('50');
    await detail.getByTestId('lead-events').getByText('/pricing').waitFor();
    expect(await thaiFontLoaded(page)).toBe(true);
    await screenshot(page, 'leads-drawer-th');

    await detail.getByTestId('lead-convert').click();
    const convert = page.getByRole('dialog', { name: 'แปลงเป็นลูกค้า' });
    await convert.getByLabel('มูลค่า (บาท)').fill('45000');
    await screenshot(page, 'leads-convert-th');
    const converted = page.waitForResponse((r) => r.url().endsWith(`/leads/${leadId}/convert`));
    await convert.getByTestId('lead-convert-confirm').click();
    const done = (await (await converted).json()) as Json;
    expect(done).toMatchObject({ status: 'converted', convertedCustomerId: expect.any(String) });
    await detail.getByTestId('lead-status').getByText('เป็นลูกค้าแล้ว').waitFor();
    await detail.getByTestId('lead-converted').getByText('เปิดโปรไฟล์ลูกค้า').waitFor();
    const deal = await api('get', `/deals/${done.convertedDealId}`);
    expect(deal.body).toMatchObject({ valueSatang: 4_500_000, ownerId: salesId });
    const timeline = await api('get', `/customers/${done.convertedCustomerId}/timeline?limit=50`);
    expect((timeline.body.items as Json[]).filter((a) => a.refType === 'lead').length).toBe(2);
    await screenshot(page, 'leads-converted-th');
  });

  it('shows the lead rules page and the list in English', async () => {
    await page.goto(`${server.url}/sales/lead-setup`);
    await page.getByTestId('assignment-rules').getByText('ทีมขาย').waitFor();
    await screenshot(page, 'leads-setup-th');
    await page.getByRole('tab', { name: 'กฎการให้คะแนน' }).click();
    await page.getByTestId('scoring-rules').getByText('คลิกอีเมล').waitFor();
    await screenshot(page, 'leads-scoring-th');
    await page.getByRole('tab', { name: 'คะแนนจากการเรียนรู้' }).click();
    await page.getByTestId('score-model').getByText('ยังไม่เคยฝึกโมเดล').waitFor();
    const refused = page.waitForResponse((r) => r.url().endsWith('/leads/score-model/train'));
    await page.getByTestId('model-train').click();
    expect((await refused).status()).toBe(422);
    await page.getByTestId('score-model').getByRole('alert').waitFor();
    await screenshot(page, 'leads-model-th');

    await page.goto(`${server.url}/sales/leads`);
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    const row = page.getByTestId('leads-table').getByRole('row', { name: /ประเสริฐ/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/converted/i);
    await page.getByRole('link', { name: 'Leads' }).waitFor();
    await screenshot(page, 'leads-list-en');
    await row.click();
    await page.getByTestId('lead-detail').getByText('Why this score').waitFor();
    await screenshot(page, 'leads-drawer-en');
    expect(pageErrors).toEqual([]);
  });
});
