import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, thaiFontLoaded } from './support/browser.ts';
import { type E2eSession, screenshotOnFailure, setUpOwner, startE2eSession } from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

const owner = { name: 'Malee Owner', email: 'owner@leads.example', password: 'correct horse battery' };

let session: E2eSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let csrf = '';
let salesId = '';
let leadId = '';
let pageErrors: string[] = [];

type Json = Record<string, unknown>;
async function api(method: 'get' | 'post' | 'patch', pathname: string, data?: unknown) {
  const res = await context.request[method](`${server.url}/api/v1${pathname}`, {
    ...(data === undefined ? {} : { data }),
    headers: { 'x-csrf-token': csrf },
  });
  return { status: res.status(), body: (await res.json()) as Json };
}

describe('leads in a browser', () => {
  beforeAll(async () => {
    session = await startE2eSession({ name: 'leads', locale: 'th-TH', viewport: { width: 1600, height: 900 } });
    ({ server, context, page, pageErrors } = session);
    csrf = (await setUpOwner(session, { ...owner, locale: 'th', companyName: 'ร้านกาแฟบ้านสวน' })).csrfToken;
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

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'leads-failed'));

  afterAll(() => session?.close());

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

  it('imports leads from a CSV with progress, flags the duplicate of a customer and attaches it on conversion', async () => {
    expect((await api('patch', '/auth/me', { locale: 'th' })).status).toBe(200);
    const customer = await api('post', '/customers', { firstName: 'วิไล', lastName: 'ใจงาม', phone: '089-123-4567' });
    expect(customer.status).toBe(201);
    const csv = [
      'ชื่อ,บริษัท,อีเมล,เบอร์โทร,จังหวัด,ที่มา',
      'วิไล ใจงาม,ร้านวิไลผ้าไหม,wilai@example.com,+66 89 123 4567,เชียงใหม่,อีเวนต์',
      'ประเสริฐ ซ้ำ,บริษัท กาแฟดี จำกัด,prasert@kafaedee.co.th,,,',
      'เบอร์ ผิด,ร้านเบอร์ผิด,wrong@example.com,12345,,',
      'อรุณ สดใส,,arun@example.com,02-123-4567,กรุงเทพมหานคร,แนะนำ',
    ].join('\n');
    await page.goto(`${server.url}/sales/leads`);
    await page.getByTestId('lead-import').click();
    const modal = page.getByRole('dialog', { name: 'นำเข้าลีดจากไฟล์ CSV' });
    const previewed = page.waitForResponse((r) => /\/imports\/[^/]+\/preview$/.test(r.url()));
    await modal.getByTestId('import-file-input').setInputFiles({
      name: 'leads.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    expect((await previewed).status()).toBe(200);
    const preview = modal.getByTestId('lead-import-preview');
    await preview
      .locator('tr[data-outcome="reject"]')
      .getByText(/เบอร์โทรไม่ถูกต้อง/)
      .waitFor();
    expect(await preview.locator('tr[data-outcome="create"]').count()).toBe(2);
    expect(await preview.locator('tr[data-outcome="skip"]').count()).toBe(1);
    await screenshot(page, 'leads-import-preview-th');
    await modal.getByTestId('lead-import-start').click();
    const progress = modal.locator('[data-testid="lead-import-progress"][data-status="completed"]');
    await progress.waitFor({ timeout: 60_000 });
    expect(await modal.getByTestId('lead-import-created').innerText()).toBe('2');
    expect(await modal.getByTestId('lead-import-skipped').innerText()).toBe('1');
    expect(await modal.getByTestId('lead-import-rejected').innerText()).toBe('1');
    await modal.getByTestId('lead-import-rejections').waitFor();
    await screenshot(page, 'leads-import-done-th');
    await modal.getByTestId('lead-import-done').click();

    const row = page.getByTestId('leads-table').getByRole('row', { name: /วิไล ใจงาม/ });
    await row.getByTestId('lead-duplicate-flag').waitFor();
    expect(await row.innerText()).toContain('เชียงใหม่');
    const arun = page.getByTestId('leads-table').getByRole('row', { name: /อรุณ สดใส/ });
    expect(await arun.getByTestId('lead-duplicate-flag').count()).toBe(0);
    await screenshot(page, 'leads-duplicate-flag-th');
    await row.click();
    const detail = page.getByTestId('lead-detail');
    const dupes = detail.getByTestId('lead-duplicates');
    await dupes.getByText('อาจซ้ำกับ').waitFor();
    expect(await dupes.getByTestId('lead-duplicate-link').getAttribute('href')).toBe(`/customers/${customer.body.id}`);
    await screenshot(page, 'leads-duplicate-drawer-th');

    await detail.getByTestId('lead-convert').click();
    const convert = page.getByRole('dialog', { name: 'แปลงเป็นลูกค้า' });
    await convert.getByLabel('ผูกกับ วิไล ใจงาม').waitFor();
    expect(await convert.getByLabel('ผูกกับ วิไล ใจงาม').isChecked()).toBe(true);
    await convert.getByText('เปิดดีลด้วย').click();
    const converted = page.waitForResponse((r) => /\/leads\/[^/]+\/convert$/.test(r.url()));
    await convert.getByTestId('lead-convert-confirm').click();
    expect(await (await converted).json()).toMatchObject({
      status: 'converted',
      convertedCustomerId: customer.body.id,
      duplicates: [],
    });
    expect(pageErrors).toEqual([]);
  });

  it('keeps the seller details of quotes on the settings page, checking the tax id', async () => {
    await page.goto(`${server.url}/admin/settings`);
    await page.getByTestId('seller-legal-name').fill('บริษัท กาแฟบ้านสวน จำกัด');
    await page.getByTestId('seller-address').fill('12 หมู่ 3 ตำบลแม่ริม อำเภอแม่ริม เชียงใหม่ 50180');
    await page.getByTestId('seller-tax-id').fill('0-1055-36000-31-4');
    await page.getByTestId('seller-branch-kind').click();
    await page.getByRole('option', { name: 'สำนักงานใหญ่' }).click();
    await page.getByTestId('seller-phone').fill('053 111 222');
    await page.getByTestId('seller-email').fill('sales@baansuan.co.th');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/settings') && r.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: 'บันทึก' }).click();
    expect((await refused).status()).toBe(400);
    await page.getByText('เลขตรวจสอบ (หลักสุดท้าย) ของเลขประจำตัวผู้เสียภาษีไม่ถูกต้อง', { exact: false }).first().waitFor();
    await screenshot(page, 'settings-seller-error-th');
    await page.getByTestId('seller-tax-id').fill('0-1055-36000-31-3');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/settings') && r.request().method() === 'PATCH');
    await page.getByRole('button', { name: 'บันทึก' }).click();
    expect((await saved).status()).toBe(200);
    const settings = await api('get', '/settings');
    expect(settings.body.seller).toEqual({
      legalName: 'บริษัท กาแฟบ้านสวน จำกัด',
      address: '12 หมู่ 3 ตำบลแม่ริม อำเภอแม่ริม เชียงใหม่ 50180',
      taxId: '0105536000313',
      branch: 'head_office',
      phone: '053 111 222',
      email: 'sales@baansuan.co.th',
    });
    await screenshot(page, 'settings-seller-th');
    expect(pageErrors).toEqual([]);
  });
});
