import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { type E2eSession, runSampan, screenshotOnFailure, setUpOwner, startE2eSession } from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

const owner = { name: 'Malee Owner', email: 'owner@cafe.example', password: 'correct horse battery' };
const DEMO_CUSTOMERS = 2000;

let session: E2eSession;
let server: RunningServer;
let page: Page;
let api: APIRequestContext;
let csrf = '';
let ownerId = '';
let pageErrors: string[] = [];

interface Listed {
  id: string;
  displayName: string;
  tags: string[];
  ownerId: string | null;
}

async function listApi(query: string): Promise<{ items: Listed[]; nextCursor: string | null }> {
  const response = await api.get(`${server.url}/api/v1/customers?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { items: Listed[]; nextCursor: string | null };
}

async function matching(filter: Record<string, string>): Promise<number> {
  const response = await post('/customers/bulk/preview', { filter });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { matched: number }).matched;
}

const UNOWNED = [
  ['กนกพร', 'ใจงาม'],
  ['ขวัญใจ', 'สุขสันต์'],
  ['คมสันต์', 'ดีเลิศ'],
  ['จิราพร', 'แก้วใส'],
  ['ชนิดา', 'ทองคำ'],
];
const TOTAL = DEMO_CUSTOMERS + UNOWNED.length;

async function post(path: string, data: unknown) {
  const send = () => api.post(`${server.url}/api/v1${path}`, { data, headers: { 'x-csrf-token': csrf } });
  // A kept-alive connection the server closed while idle (after a long bulk change) is retried once.
  return send().catch((error: Error) => (/ECONNRESET/.test(error.message) ? send() : Promise.reject(error)));
}

const rows = () => page.getByTestId('customers-table').locator('tbody tr');

async function openList(query = ''): Promise<void> {
  const loaded = page.waitForResponse((r) => r.url().includes('/api/v1/customers?') && r.request().method() === 'GET');
  await page.goto(`${server.url}/customers${query}`);
  expect((await loaded).status()).toBe(200);
  await rows().first().waitFor();
}

async function switchLanguage(label: 'ไทย' | 'English'): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
  await page.locator('header').getByText(label, { exact: true }).click();
  expect((await saved).status()).toBe(200);
}

describe('customer list: virtual scrolling, URL filters, saved views and bulk actions', () => {
  beforeAll(async () => {
    session = await startE2eSession({
      name: 'list',
      locale: 'th-TH',
      acceptDownloads: true,
      startTimeoutMs: 240_000,
      // 2,000 demo customers, loaded by the command line before the server takes the data directory.
      prepare: (dataDir) => {
        runSampan(dataDir, ['demo', '--customers', String(DEMO_CUSTOMERS)]);
      },
    });
    api = session.context.request;
    ({ server, page, pageErrors } = session);
    ({ csrfToken: csrf, userId: ownerId } = await setUpOwner(session, {
      ...owner,
      locale: 'th',
      companyName: 'ร้านกาแฟบ้านสวน',
      demo: false,
    }));
    // The demo gives every customer an owner; a few unowned ones come from the "no owner" links.
    for (const [firstName, lastName] of UNOWNED) {
      const created = await post('/customers', { firstName, lastName, ownerId: null, source: 'import' });
      expect(created.status()).toBe(201);
    }
  }, 360_000);

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'failed-list', 1));

  afterAll(() => session?.close());

  it('scrolls through 2,000 customers with only a screenful of rows in the page', async () => {
    await openList();
    await screenshot(page, 'l01-customer-list-th');
    // The oldest customer is the last row of the default sort (newest first).
    const [oldest] = (await listApi('sort=created_asc&limit=1')).items;
    expect(oldest).toBeDefined();

    const scroller = page.getByTestId('customers-scroll');
    const loaded = page.getByTestId('customers-loaded');
    for (let i = 0; i < 80; i += 1) {
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      await page.waitForTimeout(150);
      if ((await loaded.getAttribute('data-complete')) === 'true') break;
      expect(await rows().count(), 'rows in the DOM while scrolling').toBeLessThan(120);
    }
    expect(await loaded.getAttribute('data-complete')).toBe('true');
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const last = page.locator(`[data-customer-id="${oldest?.id}"]`);
    await last.waitFor();
    expect(await last.getAttribute('aria-rowindex')).toBe(String(TOTAL + 1));
    const domRows = await rows().count();
    expect(domRows).toBeGreaterThan(5);
    expect(domRows).toBeLessThan(100);
    expect(await page.getByTestId('customers-table').getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    await screenshot(page, 'l02-scrolled-to-the-end-th');
  });

  it('reads its filters from the URL and writes them back', async () => {
    expect(await matching({ ownerId: 'none' })).toBe(UNOWNED.length);
    await openList('?ownerId=none');
    await expect.poll(() => page.getByTestId('filter-owner').inputValue()).toBe('ยังไม่มีผู้ดูแล');
    expect(await rows().first().locator('[role="cell"]').nth(6).innerText()).toBe('—');

    const sorted = page.waitForResponse(
      (r) => r.url().includes('/api/v1/customers?') && new URL(r.url()).searchParams.get('sort') === 'name_asc',
    );
    await page.getByTestId('customer-sort').click();
    await page.getByRole('option', { name: 'ชื่อ ก–ฮ' }).click();
    await sorted;
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('name_asc');
    expect(new URL(page.url()).searchParams.get('ownerId')).toBe('none');

    // A link from the data-quality pages.
    await openList('?source=import');
    await expect.poll(() => rows().count()).toBe(UNOWNED.length);
    // A filter that lives under 'More filters' opens that panel by itself, showing what is set.
    await expect.poll(() => page.getByRole('combobox', { name: 'ช่องทางที่มา' }).inputValue()).not.toBe('');
  });

  it('saves the filters as a view, opens it again, renames and deletes it', async () => {
    await openList('?ownerId=none&sort=name_asc');
    await page.getByTestId('views-menu').click();
    await page.getByTestId('view-save-new').click();
    const form = page.getByTestId('view-form');
    await form.locator('input[name="viewName"]').fill('ยังไม่มีผู้ดูแล ก-ฮ');
    await form.locator('input[name="viewShared"]').check();
    await screenshot(page, 'l03-save-view-th');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/views') && r.request().method() === 'POST');
    await form.getByTestId('view-form-save').click();
    expect((await created).status()).toBe(201);
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).not.toBeNull();
    await page.getByTestId('views-menu').getByText('ยังไม่มีผู้ดูแล ก-ฮ').waitFor();

    // Back to the plain list, then pick the view: its filters and sort come back.
    await openList();
    expect(await page.getByTestId('filter-owner').inputValue()).toBe('');
    await page.getByTestId('views-menu').click();
    await page.getByTestId('view-item').filter({ hasText: 'ยังไม่มีผู้ดูแล ก-ฮ' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ownerId')).toBe('none');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name_asc');
    await expect.poll(() => page.getByTestId('filter-owner').inputValue()).toBe('ยังไม่มีผู้ดูแล');

    await page.getByTestId('views-menu').click();
    await screenshot(page, 'l04-views-menu-th');
    await page.getByTestId('view-rename').click();
    await page.getByTestId('view-form').locator('input[name="viewName"]').fill('ลูกค้าไร้ผู้ดูแล');
    await page.getByTestId('view-form').getByTestId('view-form-save').click();
    await page.getByTestId('views-menu').getByText('ลูกค้าไร้ผู้ดูแล').waitFor();
    const views = (await (await api.get(`${server.url}/api/v1/views`)).json()) as {
      items: { name: string; filters: Record<string, unknown>; sort: string; shared: boolean }[];
    };
    expect(views.items).toEqual([
      expect.objectContaining({ name: 'ลูกค้าไร้ผู้ดูแล', filters: { ownerId: 'none' }, sort: 'name_asc', shared: true }),
    ]);

    await page.getByTestId('views-menu').click();
    await page.getByTestId('view-delete').click();
    await page.getByTestId('view-delete-confirm').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBeNull();
    const after = (await (await api.get(`${server.url}/api/v1/views`)).json()) as { items: unknown[] };
    expect(after.items).toEqual([]);
  });

  it('tags and assigns picked customers in bulk', async () => {
    await openList('?ownerId=none&sort=name_asc');
    const picked: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const row = rows().nth(i);
      picked.push((await row.getAttribute('data-customer-id')) ?? '');
      await row.getByTestId('select-row').check();
    }
    await page.getByTestId('bulk-count').getByText('เลือกแล้ว 3 ราย').waitFor();
    await page.getByTestId('bulk-add-tag').click();
    await page.getByTestId('bulk-tag-input').fill('งานแสดงสินค้า');
    const tagged = page.waitForResponse((r) => r.url().endsWith('/api/v1/customers/bulk'));
    await page.getByTestId('bulk-tag-apply').click();
    expect(await (await tagged).json()).toMatchObject({ changed: 3, skipped: 0 });
    await screenshot(page, 'l05-bulk-tagged-th');
    const withTag = await listApi(`tag=${encodeURIComponent('งานแสดงสินค้า')}&limit=50`);
    expect(withTag.items.map((c) => c.id).sort()).toEqual([...picked].sort());

    // The picked rows exported by the server (audited), in the page's language.
    await page.getByTestId('bulk-export').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('bulk-export-csv').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff); // a BOM, so Excel reads the Thai
    const lines = csv.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^รหัสลูกค้า,/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual([...picked].sort());

    await page.getByTestId('bulk-owner').click();
    await page.getByRole('option', { name: 'ฉัน', exact: true }).click();
    const assigned = page.waitForResponse((r) => r.url().endsWith('/api/v1/customers/bulk'));
    await page.getByTestId('bulk-assign').click();
    expect(await (await assigned).json()).toMatchObject({ action: 'assign_owner', changed: 3 });
    const mine = await listApi(`tag=${encodeURIComponent('งานแสดงสินค้า')}&ownerId=me&limit=50`);
    expect(mine.items.map((c) => c.ownerId)).toEqual([ownerId, ownerId, ownerId]);
    // Assigned customers leave the "no owner" list.
    await expect.poll(() => page.locator(`[data-customer-id="${picked[0]}"]`).count()).toBe(0);
  });

  it('selects all customers matching the filter, beyond the loaded rows, and tags them', async () => {
    await openList();
    await page.getByTestId('select-loaded').check();
    const banner = page.getByTestId('select-all-banner');
    await banner.getByText(`เลือกลูกค้าทั้ง ${TOTAL} รายที่ตรงกับตัวกรอง`).waitFor();
    await banner.getByTestId('select-all-matching').click();
    await page.getByTestId('bulk-count').getByText(`เลือกแล้ว ${TOTAL} ราย`).waitFor();
    await page.getByTestId('bulk-add-tag').click();
    await page.getByTestId('bulk-tag-input').fill('ลูกค้าเดิม');
    const tagged = page.waitForResponse((r) => r.url().endsWith('/api/v1/customers/bulk'), { timeout: 60_000 });
    await page.getByTestId('bulk-tag-apply').click();
    expect(await (await tagged).json()).toMatchObject({ matched: TOTAL, changed: TOTAL });
    expect(await matching({ tag: 'ลูกค้าเดิม' })).toBe(TOTAL);
    await page.getByTestId('select-all-banner').getByText('เลือกลูกค้าทั้ง', { exact: false }).waitFor();
    await screenshot(page, 'l06-bulk-all-matching-th');
  });

  it('shows a company with its buying centre, and a person’s likely duplicates with the merge screen', async () => {
    const create = async (data: Record<string, unknown>) => {
      const response = await post('/customers', data);
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const company = await create({
      kind: 'company',
      customerType: 'business',
      displayName: 'บริษัท สวนกาแฟดอยช้าง จำกัด',
      industry: 'ค้าส่งเมล็ดกาแฟ',
      website: 'doichang.example',
      phone: '02-123-4567',
      province: 'เชียงราย',
    });
    const somsri = await create({
      firstName: 'สมศรี',
      lastName: 'มีสุขสันต์',
      birthday: '1985-04-12',
      phone: '081-222-3333',
    });
    await create({ firstName: 'สมศรี', lastName: 'มีสุขสันต์', birthday: '1985-04-12', email: 'somsri.m@example.com' });
    const prasert = await create({ firstName: 'ประเสริฐ', lastName: 'ใจดีงาม' });
    for (const [personId, role, jobTitle] of [
      [somsri, 'decision_maker', 'กรรมการผู้จัดการ'],
      [prasert, 'buyer', 'ฝ่ายจัดซื้อ'],
    ]) {
      expect((await post(`/customers/${company}/contacts`, { personId, role, jobTitle })).status()).toBe(201);
    }

    await page.goto(`${server.url}/customers/${company}`);
    const overview = page.getByTestId('company-overview');
    await overview.getByText('ค้าส่งเมล็ดกาแฟ').waitFor();
    const centre = page.getByTestId('buying-centre');
    await centre.locator('[data-role="decision_maker"]').getByText('สมศรี มีสุขสันต์').waitFor();
    await centre.locator('[data-role="buyer"]').getByText('ประเสริฐ ใจดีงาม').waitFor();
    await screenshot(page, 'l09-company-page-th');

    await centre.getByRole('link', { name: /สมศรี มีสุขสันต์/ }).click();
    await page.waitForURL(`${server.url}/customers/${somsri}`);
    await page.getByTestId('person-companies').getByText('บริษัท สวนกาแฟดอยช้าง จำกัด', { exact: false }).waitFor();
    const duplicate = page.getByTestId('profile-duplicate').filter({ hasText: 'สมศรี มีสุขสันต์' });
    await duplicate.getByText('ชื่อและวันเกิดตรงกัน').waitFor();
    await screenshot(page, 'l10-profile-duplicates-th');
    await duplicate.getByTestId('profile-duplicate-merge').click();
    await page.getByRole('dialog').getByTestId('merge-compare').waitFor();
    await screenshot(page, 'l11-profile-merge-compare-th');
    await page.keyboard.press('Escape');

    await switchLanguage('English');
    await page.getByTestId('profile-duplicates').getByText('Possible duplicates (1)').waitFor();
    await page.getByTestId('person-companies').getByText('Works with').waitFor();
    await screenshot(page, 'l12-profile-duplicates-en');
    await page.goto(`${server.url}/customers/${company}`);
    await page.getByTestId('buying-centre').getByText('Decision maker').waitFor();
    await screenshot(page, 'l13-company-page-en');
    await switchLanguage('ไทย');
  });

  it('shows the list in English too, with no page errors', async () => {
    await openList('?ownerId=me');
    await switchLanguage('English');
    await page.getByTestId('views-menu').getByText('Views').waitFor();
    await rows().first().getByTestId('select-row').check();
    await page.getByTestId('bulk-count').getByText('1 selected').waitFor();
    await screenshot(page, 'l07-customer-list-bulk-en');
    await page.getByTestId('views-menu').click();
    await page.getByTestId('view-save-new').click();
    await page.getByTestId('view-form').locator('input[name="viewName"]').fill('Mine');
    await screenshot(page, 'l08-save-view-en');
    await page.keyboard.press('Escape');
    await switchLanguage('ไทย');
    expect(pageErrors).toEqual([]);
  });
});
