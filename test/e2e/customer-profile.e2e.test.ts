import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, thaiFontLoaded } from './support/browser.ts';
import { type E2eSession, screenshotOnFailure, setUpOwner, startE2eSession } from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

const owner = { name: 'Malee Owner', email: 'owner@khao-hom.example', password: 'correct horse battery' };
const customer = {
  firstName: 'วิมลรัตน์',
  lastName: 'ศรีสุวรรณ',
  firstNameEn: 'Wimonrat',
  lastNameEn: 'Srisuwan',
  phoneTyped: '089-765-4321',
  email: 'wimonrat@example.com',
};
const displayName = `${customer.firstName} ${customer.lastName}`;

let session: E2eSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let profileUrl = '';
let pageErrors: string[] = [];

async function expectNoHorizontalOverflow(where: string): Promise<void> {
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow, `${where} is wider than the window`).toBeLessThanOrEqual(0);
}

/** No i18n key may leak into the page as text (e.g. "profile.tabs.timeline"). */
async function expectNoRawKeys(where: string): Promise<void> {
  const text = (await page.locator('main').innerText()) ?? '';
  const leaked = text.match(
    /\b(?:list|form|profile|identities|timeline|consent|privacy|customFields|contacts)\.[a-z]+[A-Za-z.]*\b/g,
  );
  expect(leaked, `${where} shows untranslated keys`).toBeNull();
}

async function search(text: string): Promise<void> {
  const searched = page.waitForResponse(
    (r) => r.url().includes('/api/v1/customers?') && new URL(r.url()).searchParams.get('q') === text.trim(),
  );
  await page.getByTestId('customer-search').fill(text);
  expect((await searched).status()).toBe(200);
}

describe('customer list and 360° profile in a browser', () => {
  beforeAll(async () => {
    session = await startE2eSession({ name: 'profile', locale: 'th-TH', clipboard: true });
    ({ server, context, page, pageErrors } = session);
  });

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'profile-failed', 1));

  afterAll(() => session?.close());

  it('sets up a business with demo customers and opens the list in Thai', async () => {
    // The first-run test covers the setup page itself; here the owner is made through the API.
    await setUpOwner(session, { ...owner, locale: 'th', companyName: 'ข้าวหอมการค้า', demo: true });
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customers-table').locator('tbody tr a').first().waitFor();
    expect(await thaiFontLoaded(page)).toBe(true);
    await expectNoHorizontalOverflow('the customer list');
    await screenshot(page, 'p01-customers-th');
  });

  it('refuses a bad phone with a Thai message on the field, then adds the customer', async () => {
    await page.getByRole('button', { name: 'เพิ่มลูกค้า' }).click();
    const form = page.getByTestId('customer-form');
    await form.locator('input[name="firstName"]').fill(customer.firstName);
    await form.locator('input[name="lastName"]').fill(customer.lastName);
    await form.locator('input[name="firstNameEn"]').fill(customer.firstNameEn);
    await form.locator('input[name="lastNameEn"]').fill(customer.lastNameEn);
    await form.locator('input[name="email"]').fill(customer.email);
    await form.locator('input[name="phone"]').fill('08-12');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/customers') && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: 'สร้าง', exact: true }).click();
    expect((await refused).status()).toBe(400);
    // The phone field itself says what is wrong, in Thai.
    const phoneError = form
      .locator('input[name="phone"]')
      .locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]');
    await phoneError.getByText('เบอร์โทรไม่ถูกต้อง', { exact: false }).waitFor();
    await screenshot(page, 'p02-new-customer-bad-phone-th');

    // Nothing was written.
    const none = await context.request.get(
      `${server.url}/api/v1/customers?q=${encodeURIComponent(customer.firstNameEn)}`,
    );
    expect((await none.json()).items).toEqual([]);

    await form.locator('input[name="phone"]').fill(customer.phoneTyped);
    await form.getByRole('button', { name: 'สร้าง', exact: true }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    profileUrl = page.url();
    await page.getByTestId('profile-name').getByText(displayName).waitFor();
  });

  it('finds her by a Thai name typed without spaces and by the phone in another format', async () => {
    await page.goto(`${server.url}/customers`);
    const rows = page.getByTestId('customers-table').locator('tbody tr');

    await search(`${customer.firstName}${customer.lastName}`);
    await rows.filter({ hasText: displayName }).first().waitFor();
    expect(await rows.count()).toBe(1);
    await screenshot(page, 'p03-search-thai-no-spaces-th');

    await search('+66 89 765 4321');
    await rows.filter({ hasText: displayName }).first().waitFor();
    expect(await rows.count()).toBe(1);
    // Shown the Thai way, whatever way it was typed.
    await rows.first().getByText(customer.phoneTyped).waitFor();
    await screenshot(page, 'p04-search-phone-th');

    await rows.first().getByRole('link', { name: displayName }).click();
    await page.waitForURL(profileUrl);
  });

  it('logs a note that appears on the timeline', async () => {
    const log = page.getByTestId('log-activity');
    await log.locator('input[name="subject"]').fill('โทรสอบถามเรื่องข้าวหอมมะลิ');
    await log.locator('textarea[name="body"]').fill('ลูกค้าสนใจสั่งข้าวหอมมะลิ 50 กิโลกรัม ทุกเดือน');
    const logged = page.waitForResponse((r) => r.url().endsWith('/activities') && r.request().method() === 'POST');
    await log.getByRole('button', { name: 'บันทึก', exact: true }).click();
    expect((await logged).status()).toBe(201);
    const entry = page.getByTestId('timeline-entry').filter({ hasText: 'โทรสอบถามเรื่องข้าวหอมมะลิ' });
    await entry.waitFor();
    await entry.getByText('ลูกค้าสนใจสั่งข้าวหอมมะลิ 50 กิโลกรัม ทุกเดือน').waitFor();
    await entry.getByText(`โดย ${owner.name}`, { exact: false }).waitFor();
    await expectNoHorizontalOverflow('the profile');
    await expectNoRawKeys('the profile timeline');
    await screenshot(page, 'p05-profile-timeline-th');
  });

  it('records consent for marketing by email, then withdraws it in one click', async () => {
    await page.getByRole('tab', { name: 'ความยินยอม (PDPA)' }).click();
    const matrix = page.getByTestId('consent-matrix');
    const cell = matrix.locator('tr[data-purpose="marketing"] td[data-channel="email"]');
    await cell.waitFor();
    expect(await cell.getAttribute('data-status')).toBe('none');

    await page.getByTestId('consent-record').click();
    const dialog = page.getByTestId('consent-form');
    await dialog.getByRole('combobox', { name: 'วัตถุประสงค์' }).click();
    await page.getByRole('option', { name: 'การตลาด', exact: false }).first().click();
    await dialog.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await matrix.locator('tr[data-purpose="marketing"] td[data-channel="email"][data-status="granted"]').waitFor();
    await screenshot(page, 'p06-consent-granted-th');

    await cell.getByRole('button', { name: 'ถอนความยินยอม', exact: true }).click();
    await matrix.locator('tr[data-purpose="marketing"] td[data-channel="email"][data-status="withdrawn"]').waitFor();
    const history = page.getByTestId('consent-history').locator('tbody tr');
    await expect.poll(() => history.count()).toBe(2);
    await history.first().getByText('ถอนแล้ว').waitFor();
    await expectNoRawKeys('the consent panel');
    await screenshot(page, 'p07-consent-withdrawn-th');

    // Both changes are on the timeline too.
    await page.getByRole('tab', { name: 'ไทม์ไลน์' }).click();
    await expect.poll(() => page.locator('[data-testid="timeline-entry"][data-kind="consent"]').count()).toBe(2);
  });

  it('shows the profile and the list in English', async () => {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('tab', { name: 'Timeline' }).waitFor();
    await page.getByTestId('timeline-entry').filter({ hasText: 'Consent' }).first().waitFor();
    await expectNoRawKeys('the English timeline');
    await screenshot(page, 'p10-profile-timeline-en');

    for (const [tab, name] of [
      ['Details', 'p11-profile-details-en'],
      ['Identities', 'p12-profile-identities-en'],
      ['Consent (PDPA)', 'p13-profile-consent-en'],
      ['Data requests', 'p14-profile-privacy-en'],
    ] as const) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.waitForLoadState('networkidle');
      await expectNoRawKeys(`the ${tab} tab`);
      await expectNoHorizontalOverflow(`the ${tab} tab`);
      await screenshot(page, name);
    }
    await page.getByRole('tab', { name: 'Identities', exact: true }).click();
    await page.getByTestId('identities-table').getByText('089-765-4321').waitFor();
    await page.getByTestId('identities-table').getByText(customer.email).waitFor();

    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customers-table').locator('tbody tr a').first().waitFor();
    await page.getByTestId('more-filters').click();
    await expectNoRawKeys('the English list');
    await screenshot(page, 'p15-customers-filters-en');
  });

  it('lets an admin define a custom field that the profile form then offers', async () => {
    await page.locator('nav [data-nav="customFields"]').click();
    await page.getByTestId('custom-fields-table').waitFor();
    await page.getByRole('button', { name: 'New field' }).click();
    const form = page.getByTestId('custom-field-form');
    await form.locator('input[name="key"]').fill('member_level');
    await form.locator('input[name="labelTh"]').fill('ระดับสมาชิก');
    await form.locator('input[name="labelEn"]').fill('Member level');
    await form.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'One choice' }).click();
    // A select field without options is refused by the server, on the options.
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await form.getByText('a select field needs at least one option').waitFor();
    await form.getByRole('button', { name: 'Add option' }).click();
    await form.getByPlaceholder('Code').fill('gold');
    await form.getByPlaceholder('Thai').fill('ทอง');
    await form.getByPlaceholder('English').fill('Gold');
    await screenshot(page, 'p20-custom-field-create-en');
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByTestId('custom-fields-table').getByText('Member level').waitFor();
    await expectNoRawKeys('the custom fields page');
    await screenshot(page, 'p21-custom-fields-en');

    await page.goto(profileUrl);
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByTestId('customer-form');
    await edit.getByRole('combobox', { name: 'Member level' }).click();
    await page.getByRole('option', { name: 'Gold' }).click();
    const saved = page.waitForResponse((r) => r.url() === profileUrl.replace('/customers/', '/api/v1/customers/'));
    await edit.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('tab', { name: 'Details', exact: true }).click();
    await page.getByTestId('profile-details').getByText('Member level').waitFor();
    await page.getByTestId('profile-details').getByText('Gold', { exact: true }).waitFor();
  });

  it('downloads the PDPA data export, then erases the customer after a typed confirmation', async () => {
    await page.getByRole('tab', { name: 'Data requests', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download data (JSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^customer-[0-9a-f-]{36}\.json$/);

    await page.getByTestId('privacy-panel').getByRole('button', { name: 'Erase personal data' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Erase personal data' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByTestId('erase-confirm').fill('ERASE');
    await screenshot(page, 'p22-erase-confirm-en');
    await confirm.click();
    await page.getByText("This customer's personal data was erased (PDPA).").waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Edit' }).count()).toBe(0);

    const found = await context.request.get(
      `${server.url}/api/v1/customers?q=${encodeURIComponent(customer.firstNameEn)}`,
    );
    expect((await found.json()).items).toEqual([]);
    await screenshot(page, 'p23-erased-en');
  });

  it("hides what a sales user may not do, and does not show other people's customers", async () => {
    const me = await context.request.get(`${server.url}/api/v1/auth/me`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const created = await context.request.post(`${server.url}/api/v1/users`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: {
        email: 'sales@khao-hom.example',
        name: 'Somsak Sales',
        password: 'another good password',
        role: 'sales',
        locale: 'en',
      },
    });
    expect(created.status()).toBe(201);

    const salesContext = await session.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const sales = await salesContext.newPage();
    sales.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      const login = await salesContext.request.post(`${server.url}/api/v1/auth/login`, {
        data: { email: 'sales@khao-hom.example', password: 'another good password' },
      });
      expect(login.status()).toBe(200);

      // The owner's customer is outside a sales user's scope: the page says so, nothing leaks.
      await sales.goto(profileUrl);
      await sales.getByTestId('profile-not-found').waitFor();

      // Sales may add customers but sees no owner filter (they only see their own).
      await sales.goto(`${server.url}/customers`);
      await sales.getByRole('button', { name: 'New customer' }).waitFor();
      expect(await sales.getByTestId('filter-owner').count()).toBe(0);

      // Custom fields are read-only for them.
      await sales.goto(`${server.url}/admin/custom-fields`);
      await sales.getByTestId('custom-fields-table').getByText('Member level').waitFor();
      expect(await sales.getByRole('button', { name: 'New field' }).count()).toBe(0);
      expect(await sales.getByRole('button', { name: 'Archive' }).count()).toBe(0);
      await screenshot(sales, 'p30-custom-fields-sales-en');
    } finally {
      await salesContext.close();
    }
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
