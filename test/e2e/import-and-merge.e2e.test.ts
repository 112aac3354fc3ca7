import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, thaiFontLoaded } from './support/browser.ts';
import { type E2eSession, screenshotOnFailure, setUpOwner, startE2eSession } from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

const owner = {
  companyName: 'Chiang Mai Tea House',
  name: 'Malee Owner',
  email: 'owner@tea-house.example',
  password: 'correct horse battery',
};

/**
 * Six rows: four good people, one with a phone number that is no phone (line 4), and a
 * planted duplicate of สมชาย ใจดี (line 7): same name, postcode and district, but a
 * different phone and email, so identity resolution keeps them apart and the finder
 * must find them.
 */
const CSV = [
  'ชื่อ,นามสกุล,เบอร์โทร,อีเมล,อำเภอ,จังหวัด,รหัสไปรษณีย์',
  'สมชาย,ใจดี,081-234-5678,somchai@example.com,วัฒนา,กรุงเทพมหานคร,10110',
  'Anong,Suksan,+66 89 111 2222,anong@example.com,เมืองเชียงใหม่,เชียงใหม่,50000',
  'ปรีชา,มั่นคง,12345,preecha@example.com,บางรัก,กรุงเทพมหานคร,10500',
  'วิภา,ทองดี,0823334444,wipa@example.com,หาดใหญ่,สงขลา,90110',
  'Kittisak,Boonma,0835556666,kittisak@example.com,เมืองขอนแก่น,ขอนแก่น,40000',
  'สมชาย,ใจดี,0897778888,somchai.j@example.net,วัฒนา,กรุงเทพมหานคร,10110',
].join('\r\n');

let session: E2eSession;
let server: RunningServer;
let page: Page;
let api: APIRequestContext;
let csrfToken = '';
let pageErrors: string[] = [];

async function switchLanguage(label: 'ไทย' | 'English'): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
  await page.locator('header').getByText(label, { exact: true }).click();
  expect((await saved).status()).toBe(200);
}

async function expectNoHorizontalOverflow(where: string): Promise<void> {
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow, `${where} is wider than the window`).toBeLessThanOrEqual(0);
}

interface CustomerStatus {
  id: string;
  displayName: string;
  status: string;
  mergedIntoId: string | null;
}

async function customer(id: string): Promise<CustomerStatus> {
  const response = await api.get(`${server.url}/api/v1/customers/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as CustomerStatus;
}

describe('import a CSV and merge a duplicate in a browser', () => {
  beforeAll(async () => {
    // A loaded machine (benchmarks beside us) can take minutes to start PGlite and its jobs.
    session = await startE2eSession({
      name: 'import',
      locale: 'en-US',
      acceptDownloads: true,
      startTimeoutMs: 240_000,
    });
    api = session.context.request;
    ({ server, page, pageErrors } = session);
    // First-run setup through the API: the browser context shares the session cookie it sets.
    csrfToken = (await setUpOwner(session, { ...owner, locale: 'en', demo: false })).csrfToken;
    expect(csrfToken).not.toBe('');
  }, 360_000);

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'failed-import'));

  afterAll(() => session?.close());

  it('previews the file with a suggested mapping and the bad row marked', async () => {
    await page.goto(server.url);
    await page.locator('nav [data-nav="customerImport"]').click();
    await page.getByText('Drop a CSV file here, or click to choose one').waitFor();
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${CSV}`, 'utf8'),
    });
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    await page.getByTestId('import-detected').getByText('Separator: comma').waitFor();
    // Thai headers are mapped to their fields without help.
    await expect
      .poll(() => mapping.getByRole('combobox', { name: 'Customer field for column เบอร์โทร' }).inputValue())
      .toBe('Phone');
    await expect
      .poll(() => mapping.getByRole('combobox', { name: 'Customer field for column อีเมล' }).inputValue())
      .toBe('Email');
    const rows = page.getByTestId('import-preview-rows');
    await expect.poll(() => rows.locator('tr[data-outcome="create"]').count()).toBe(5);
    await expect.poll(() => rows.locator('tr[data-outcome="reject"]').count()).toBe(1);
    await screenshot(page, 'import-01-preview-en');

    // Save the mapping as a template; it can be loaded again.
    await page.getByRole('button', { name: 'Save mapping' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Tea house CSV');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Mapping "Tea house CSV" saved.').waitFor();
    await page.getByTestId('import-template-load').click();
    await page.getByRole('option', { name: 'Tea house CSV' }).click();
    await expect
      .poll(() => mapping.getByRole('combobox', { name: 'Customer field for column อีเมล' }).inputValue())
      .toBe('Email');
    await expectNoHorizontalOverflow('the import preview');
  });

  it('imports with live progress to the end and offers the rejected row', async () => {
    await page.getByTestId('import-next').click();
    await page.getByText('When a row matches an existing customer').waitFor();
    await page.getByTestId('import-start').click();
    const progress = page.locator('[data-testid="import-progress"][data-status="completed"]');
    await progress.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('import-progress-bar').getAttribute('data-percent')).toBe('100');
    expect(await page.getByTestId('import-created').textContent()).toBe('5');
    expect(await page.getByTestId('import-updated').textContent()).toBe('0');
    expect(await page.getByTestId('import-rejected').textContent()).toBe('1');
    await page.getByTestId('import-processed').getByText('6 of 6 rows').waitFor();
    await screenshot(page, 'import-02-result-en');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-rejections-link').click(),
    ]);
    const file = await download.path();
    const report = readFileSync(file, 'utf8');
    // Line 4 of the file (the header is line 1) with its reason.
    expect(report).toMatch(/(^|\n)\uFEFF?"?4"?,/);
    expect(report).toContain('12345');
    // The import is listed with its counts.
    await page.getByTestId('imports-table').getByText('customers.csv').waitFor();
  });

  let pair: string[] = [];

  it('finds the planted duplicate, merges it and undoes the merge', async () => {
    await page.locator('nav [data-nav="duplicates"]').click();
    const card = page.getByTestId('duplicate-card').filter({ hasText: 'สมชาย ใจดี' }).first();
    await card.waitFor();
    await card.getByText('Same name, postcode and district').waitFor();
    await screenshot(page, 'merge-01-duplicates-en');

    await card.getByRole('button', { name: 'Compare and merge' }).click();
    const dialog = page.getByRole('dialog');
    const compare = dialog.getByTestId('merge-compare');
    await compare.waitFor();
    // Keep the second profile's phone on the survivor.
    const phoneRow = compare.locator('tr[data-field="phone"]');
    await phoneRow.getByText('+66897778888').click();
    await screenshot(page, 'merge-02-compare-en');
    const mergeResponse = page.waitForResponse((r) => r.url().endsWith('/api/v1/customers/merge'));
    await dialog.getByTestId('merge-confirm').click();
    const merged = (await (await mergeResponse).json()) as {
      survivor: { id: string; phone: string };
      mergedIds: string[];
    };
    pair = [merged.survivor.id, ...merged.mergedIds];
    expect(merged.survivor.phone).toBe('+66897778888');
    await page.getByTestId('merge-done').getByText('Merged into สมชาย ใจดี').waitFor();
    const gone = await customer(merged.mergedIds[0] ?? '');
    expect(gone.status).toBe('merged');
    expect(gone.mergedIntoId).toBe(merged.survivor.id);
    await screenshot(page, 'merge-03-merged-en');

    await page.getByTestId('merge-undo').click();
    await page.getByTestId('merge-done').getByText('The merge was undone').waitFor();
    for (const id of pair) expect((await customer(id)).status).toBe('active');
    // The pair is a candidate again.
    await page.getByTestId('duplicate-card').filter({ hasText: 'สมชาย ใจดี' }).first().waitFor();
  });

  it('shows the same pages in Thai', async () => {
    await switchLanguage('ไทย');
    await page.locator('nav [data-nav="customerImport"]').click();
    await page.getByText('ลากไฟล์ CSV มาวางที่นี่ หรือคลิกเพื่อเลือกไฟล์').waitFor();
    await page.getByTestId('imports-table').getByText('เสร็จสิ้น').waitFor();
    expect(await thaiFontLoaded(page)).toBe(true);
    await screenshot(page, 'import-03-page-th');

    await page.locator('nav [data-nav="duplicates"]').click();
    const card = page.getByTestId('duplicate-card').filter({ hasText: 'สมชาย ใจดี' }).first();
    await card.getByText('ชื่อ รหัสไปรษณีย์ และอำเภอ/เขตตรงกัน').waitFor();
    await card.getByRole('button', { name: 'เปรียบเทียบและรวม' }).click();
    await page.getByRole('dialog').getByTestId('merge-compare').waitFor();
    await screenshot(page, 'merge-04-compare-th');
    await page.keyboard.press('Escape');

    await page.locator('nav [data-nav="dataQuality"]').click();
    await page.getByTestId('quality-completeness').waitFor();
    await page.getByTestId('quality-consent-gaps-count').getByText('5').waitFor();
    await screenshot(page, 'quality-01-th');
    await expectNoHorizontalOverflow('the data quality page');
    // One click from a check to the customers it found.
    await page.getByTestId('quality-consent-gaps').getByText('ดูรายชื่อลูกค้าเหล่านี้').click();
    await page.getByTestId('quality-list').getByText('วิภา ทองดี').waitFor();
    expect(await page.getByTestId('quality-list').locator('tbody tr').count()).toBe(5);
    await screenshot(page, 'quality-02-list-th');
    expect(pageErrors).toEqual([]);
  });
});
