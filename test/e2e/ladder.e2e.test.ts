import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, thaiFontLoaded } from './support/browser.ts';
import { type E2eSession, screenshotOnFailure, setUpOwner, startE2eSession } from './support/e2e-session.ts';
import type { RunningServer } from './support/sampan-server.ts';

const owner = { name: 'Somsri Owner', email: 'owner@ladder.example', password: 'correct horse battery' };

let session: E2eSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let profileUrl = '';
let pageErrors: string[] = [];

/** No i18n key of the ladder namespace may leak into the page as text. */
async function expectNoRawKeys(where: string): Promise<void> {
  const text = (await page.locator('main').innerText()) ?? '';
  expect(
    text.match(/\b(?:stages|stageHints|overview|profile|rules|sources|matched)\.[a-z][A-Za-z_.]*\b/g),
    where,
  ).toBeNull();
}

async function switchLanguage(label: 'ไทย' | 'English'): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
  await page.locator('header').getByText(label, { exact: true }).click();
  expect((await saved).status()).toBe(200);
}

async function count(stage: string): Promise<number> {
  return Number((await page.getByTestId(`ladder-count-${stage}`).innerText()).replace(/[^0-9]/g, ''));
}

describe('relationship ladder in a browser', () => {
  beforeAll(async () => {
    session = await startE2eSession({ name: 'ladder', locale: 'th-TH' });
    ({ server, context, page, pageErrors } = session);
    await setUpOwner(session, { ...owner, locale: 'th', companyName: 'ร้านกาแฟบ้านสวน', demo: true });
  });

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'ladder-failed'));

  afterAll(() => session?.close());

  it('refuses rules that make no sense with a Thai message on the field, and keeps the old ones', async () => {
    await page.goto(`${server.url}/admin/ladder-rules`);
    const repeat = page.getByTestId('repeat-min');
    await repeat.waitFor();
    expect(await thaiFontLoaded(page)).toBe(true);
    await repeat.fill('1');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/ladder/rules') && r.request().method() === 'PUT',
    );
    await page.getByTestId('rules-save').click();
    expect((await refused).status()).toBe(400);
    await page.getByText('ลูกค้าซื้อซ้ำต้องมีจำนวนการซื้อมากกว่าลูกค้าซื้อครั้งแรก').waitFor();
    await screenshot(page, 'ladder-01-rules-invalid-th');
    const stored = await (await context.request.get(`${server.url}/api/v1/ladder/rules`)).json();
    expect(stored.updatedAt).toBeNull();
  });

  it('saves tuned rules (VIP customers are supporters) and recomputes everyone', async () => {
    await page.getByTestId('repeat-min').fill('2');
    const vip = page.getByTestId('rule-supporter').getByPlaceholder('พิมพ์แท็กแล้วกด Enter');
    await vip.fill('VIP');
    await vip.press('Enter');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/ladder/rules') && r.request().method() === 'PUT',
    );
    await page.getByTestId('rules-save').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('rules-saved').waitFor();
    const recomputed = page.waitForResponse((r) => r.url().endsWith('/api/v1/ladder/recompute'));
    await page.getByTestId('ladder-recompute').click();
    expect((await recomputed).status()).toBe(200);
    await page.getByTestId('rules-recomputed').waitFor();
    await expectNoRawKeys('the rules page');
    await screenshot(page, 'ladder-02-rules-th');
  });

  it('shows counts per stage as a ladder, each linking to its customers', async () => {
    await page.locator('nav').getByText('บันไดความสัมพันธ์', { exact: true }).click();
    await page.waitForURL(/\/customers\/ladder$/);
    await page.getByTestId('ladder-rung-partner').waitFor();
    const partners = await count('partner');
    const supporters = await count('supporter');
    expect(partners).toBeGreaterThan(0);
    expect(supporters).toBeGreaterThan(0);
    expect((await count('prospect')) + partners + supporters).toBeLessThanOrEqual(200);
    await expectNoRawKeys('the ladder page');
    await screenshot(page, 'ladder-03-overview-th');
    await page.getByTestId('ladder-rung-supporter').getByRole('link').click();
    await page.waitForURL(/\/customers\?ladderStage=supporter$/);
  });

  it('shows the stage on the profile and lets staff set it by hand with a reason', async () => {
    const list = await (await context.request.get(`${server.url}/api/v1/customers?tag=VIP&limit=1`)).json();
    const id = list.items[0].id as string;
    profileUrl = `${server.url}/customers/${id}`;
    await page.goto(profileUrl);
    const badge = page.getByTestId('ladder-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('data-stage')).toMatch(/supporter|partner/);
    await badge.click();
    await page.getByTestId('ladder-history').waitFor();

    // A reason is required: nothing changes without one.
    const refused = page.waitForResponse((r) => r.url().endsWith('/ladder/override') && r.request().method() === 'PUT');
    await page.getByTestId('ladder-save').click();
    expect((await refused).status()).toBe(400);

    await page.getByTestId('ladder-stage-select').click();
    await page.getByRole('option', { name: 'พันธมิตร' }).click();
    await page.getByTestId('ladder-reason').fill('เซ็นสัญญาเป็นตัวแทนจำหน่ายแล้ว');
    const saved = page.waitForResponse((r) => r.url().endsWith('/ladder/override') && r.request().method() === 'PUT');
    await page.getByTestId('ladder-save').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('ladder-override').getByText('เซ็นสัญญาเป็นตัวแทนจำหน่ายแล้ว').waitFor();
    await screenshot(page, 'ladder-04-profile-override-th');
    await page.keyboard.press('Escape');
    await page.getByTestId('ladder-badge').getByText('กำหนดโดยพนักงาน', { exact: false }).waitFor();
    expect(await page.getByTestId('ladder-badge').getAttribute('data-stage')).toBe('partner');
    await screenshot(page, 'ladder-04b-profile-header-th');
  });

  it('shows the ladder, the rules and the profile in English', async () => {
    await switchLanguage('English');
    await page.getByTestId('ladder-badge').getByText('Partner', { exact: false }).waitFor();
    await page.getByTestId('ladder-badge').click();
    await page.getByText('Back to the rules').waitFor();
    await screenshot(page, 'ladder-05-profile-en');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/customers/ladder`);
    await page.getByText('Relationship ladder', { exact: true }).first().waitFor();
    await page.getByTestId('ladder-rung-partner').waitFor();
    await expectNoRawKeys('the English ladder page');
    await screenshot(page, 'ladder-06-overview-en');
    await page.goto(`${server.url}/admin/ladder-rules`);
    await page.getByTestId('rules-save').waitFor();
    await expectNoRawKeys('the English rules page');
    await screenshot(page, 'ladder-07-rules-en');
    expect(pageErrors).toEqual([]);
  });
});
