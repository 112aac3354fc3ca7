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

// The customer's value on the profile: demo customers with a year of orders, scored by
// `sampan analytics recompute` (BG/NBD, Gamma-Gamma, RFM) before the server starts.
const owner = { name: 'Malee Owner', email: 'owner@cafe.example', password: 'correct horse battery' };

let session: E2eSession;
let server: RunningServer;
let context: BrowserContext;
let page: Page;
let pageErrors: string[] = [];
let csrf: string;

interface Scores {
  valueGrade: string;
  valueGradeLabel: { en: string; th: string };
  rfm: { segmentLabel: { en: string; th: string } };
}

describe('customer value on the profile', () => {
  beforeAll(async () => {
    session = await startE2eSession({
      name: 'value',
      locale: 'th-TH',
      startTimeoutMs: 240_000,
      // Demo customers with a year of orders, scored before the server takes the data directory
      // (made once per day and code version, and shared with the other files that use it).
      prepared: scoredDemo,
    });
    ({ server, context, page, pageErrors } = session);
    csrf = (await setUpOwner(session, { ...owner, locale: 'th', companyName: 'ร้านกาแฟบ้านสวน', demo: false })).csrfToken;
  }, 360_000);

  afterEach((ctx) => screenshotOnFailure(page, ctx, 'value-failed'));

  afterAll(() => session?.close());

  /** A customer of the given grade and their scores, found through the API. */
  async function customerOfGrade(grade: string): Promise<{ id: string; scores: Scores }> {
    const list = await context.request.get(`${server.url}/api/v1/customers?limit=200`);
    const { items } = (await list.json()) as { items: { id: string }[] };
    for (const { id } of items) {
      const res = await context.request.get(`${server.url}/api/v1/customers/${id}/scores`);
      const { scores } = (await res.json()) as { scores: Scores | null };
      if (scores?.valueGrade === grade) return { id, scores };
    }
    throw new Error(`no customer of grade ${grade} among the first 200`);
  }

  it('shows grade, RFM segment and predicted value in Thai, and in English', async () => {
    const { id, scores } = await customerOfGrade('A');
    await page.goto(`${server.url}/customers/${id}`);
    const card = page.getByTestId('customer-scores');
    await card.getByText('มูลค่าลูกค้า').waitFor();
    await expect.poll(() => page.getByTestId('scores-grade').innerText()).toContain(scores.valueGradeLabel.th);
    expect(await page.getByTestId('scores-segment').innerText()).toContain(scores.rfm.segmentLabel.th);
    expect(await page.getByTestId('scores-clv').innerText()).toMatch(/฿[\d,]+\.\d\d/);
    // The header's Value is the same grade and predicted value.
    const clv = (await page.getByTestId('scores-clv').innerText()).match(/฿[\d,]+\.\d\d/)?.[0];
    expect(await page.getByTestId('profile-value').innerText()).toBe(`A · ${clv}`);
    await screenshot(page, 'value-profile-th');

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await card.getByText('Customer value').waitFor();
    expect(await page.getByTestId('scores-grade').innerText()).toContain(scores.valueGradeLabel.en);
    expect(await page.getByTestId('scores-clv').innerText()).toMatch(/THB\s[\d,]+\.\d\d/);
    expect(await page.getByTestId('scores-segment').innerText()).toContain(scores.rfm.segmentLabel.en);
    await screenshot(page, 'value-profile-en');
  });

  it('lists customers by value grade from the URL filter', async () => {
    const { id } = await customerOfGrade('A');
    await page.goto(`${server.url}/customers?valueGrade=A&sort=name_asc`);
    const table = page.getByTestId('customers-table');
    await table.locator('tbody tr').first().waitFor();
    const shown = await table
      .locator('tbody tr[data-customer-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-customer-id')));
    const api = await context.request.get(`${server.url}/api/v1/customers?valueGrade=A&limit=200`);
    const graded = ((await api.json()) as { items: { id: string }[] }).items.map((c) => c.id);
    expect(graded).toContain(id);
    expect(shown.length).toBeGreaterThan(0);
    for (const shownId of shown) expect(graded).toContain(shownId);
    // A link that sets a filter under "More filters" opens that panel.
    await expect.poll(() => page.getByTestId('filter-value-grade').inputValue()).toContain('A');
    expect(await page.getByTestId('filter-value-grade').isVisible()).toBe(true);
    await screenshot(page, 'value-list-grade-a-en');
  });

  it('says a one-purchase customer’s value is an estimate from similar customers, in Thai and English', async () => {
    const list = await context.request.get(`${server.url}/api/v1/customers?limit=200`);
    const { items } = (await list.json()) as { items: { id: string }[] };
    let once: string | undefined;
    let repeat: string | undefined;
    for (const { id } of items) {
      const res = await context.request.get(`${server.url}/api/v1/customers/${id}/scores`);
      const { scores } = (await res.json()) as { scores: { purchasePeriods: number } | null };
      if (scores?.purchasePeriods === 1) once ??= id;
      else if (scores) repeat ??= id;
      if (once && repeat) break;
    }
    if (!once || !repeat) throw new Error('the demo has no one-purchase or no repeat customer among the first 200');
    await page.goto(`${server.url}/customers/${repeat}`);
    await page.getByTestId('scores-grade').waitFor();
    expect(await page.getByTestId('scores-one-purchase').count()).toBe(0);
    await page.goto(`${server.url}/customers/${once}`);
    const note = page.getByTestId('scores-one-purchase');
    await note.getByText('only one purchase so far').waitFor();
    await page.getByTestId('customer-scores').scrollIntoViewIfNeeded();
    await screenshot(page, 'value-profile-one-purchase-en');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('ไทย', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await note.getByText('ยังซื้อเพียงครั้งเดียว').waitFor();
    await screenshot(page, 'value-profile-one-purchase-th');
    const back = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await page.locator('header').getByText('English', { exact: true }).click();
    expect((await back).status()).toBe(200);
  });

  it('explains that a customer who has not bought yet has no scores', async () => {
    const created = await context.request.post(`${server.url}/api/v1/customers`, {
      data: { firstName: 'ลูกค้าใหม่', lastName: 'ยังไม่ซื้อ' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`${server.url}/customers/${id}`);
    await page
      .getByTestId('customer-scores-empty')
      .getByText(/first paid order/)
      .waitFor();
    expect(await page.getByTestId('profile-value').innerText()).toBe('—');
    expect(pageErrors).toEqual([]);
  });
});
