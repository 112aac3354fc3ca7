import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { createApp } from '../../core/http/create-app.ts';
import { customersModule } from '../customers/index.ts';
import { consentPages } from './consent-page.ts';
import { consentModule } from './index.ts';
import { consentRecords } from './schema.ts';

type App = ReturnType<typeof createApp>;
let t: TestApp;
let app: App;
let sales: { userId: string; token: string };
let otherSales: { userId: string; token: string };
let viewer: { userId: string; token: string };
let admin: { userId: string; token: string };
let customerId: string;

beforeAll(async () => {
  registerErrors(customersModule.errors ?? {});
  registerErrors(consentModule.errors ?? {});
  t = await createTestApp([customersModule, consentModule]);
  // The same app as the server builds it, with the module's public page mounted.
  app = createApp(
    t.deps,
    [customersModule, consentModule].flatMap((m) => (m.routes ? [m.routes] : [])),
    [consentPages(t.deps)],
  );
  sales = await t.userWithToken('sales');
  otherSales = await t.userWithToken('sales');
  viewer = await t.userWithToken('viewer');
  admin = await t.userWithToken('admin');
  const res = await app.request(
    '/api/v1/customers',
    jsonRequest('POST', { firstName: 'มาลี', email: 'malee@example.com', phone: '0812345678' }, bearer(sales.token)),
  );
  customerId = ((await res.json()) as { id: string }).id;
});
afterAll(() => t.close());

const post = (path: string, body: unknown, token: string, lang = 'en') =>
  app.request(path, jsonRequest('POST', body, bearer(token, { 'accept-language': lang })));
const get = (path: string, token?: string) => app.request(path, token ? { headers: bearer(token) } : {});
const recordsOf = async (id: string) =>
  t.testDb.database.db.select().from(consentRecords).where(eq(consentRecords.customerId, id));

describe('consent HTTP API', () => {
  it('records a grant (201) and shows it in the matrix, the contact answers and the history', async () => {
    const res = await post(
      `/api/v1/customers/${customerId}/consents`,
      { purpose: 'marketing', channel: 'email', status: 'granted', source: 'form', note: 'signup form' },
      sales.token,
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      purpose: 'marketing',
      channel: 'email',
      status: 'granted',
      textVersion: 1,
    });
    const view = await get(`/api/v1/customers/${customerId}/consents`, viewer.token);
    expect(view.status).toBe(200);
    const body = (await view.json()) as {
      purposes: {
        code: string;
        channels: Record<string, { status: string } | null>;
        contact: Record<string, { allowed: boolean }>;
      }[];
      history: unknown[];
    };
    const marketing = body.purposes.find((p) => p.code === 'marketing');
    expect(marketing?.channels.email?.status).toBe('granted');
    expect(marketing?.channels.sms).toBeNull();
    expect(marketing?.contact.email?.allowed).toBe(true);
    expect(marketing?.contact.sms?.allowed).toBe(false);
    expect(body.purposes.find((p) => p.code === 'service_updates')?.contact.sms?.allowed).toBe(true);
    expect(body.history).toHaveLength(1);
  });

  it('refuses bad input field by field, in Thai and English, and writes nothing', async () => {
    const before = (await recordsOf(customerId)).length;
    const bad = await post(
      `/api/v1/customers/${customerId}/consents`,
      { purpose: 'marketing', channel: 'fax', status: 'maybe' },
      sales.token,
    );
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['channel', 'status']);
    const unknown = await post(
      `/api/v1/customers/${customerId}/consents`,
      { purpose: 'astrology', channel: 'email', status: 'granted' },
      sales.token,
      'th',
    );
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: { path: string; message: string }[] }).errors).toEqual([
      { path: 'purpose', message: 'ไม่มีวัตถุประสงค์การขอความยินยอม "astrology" ที่ใช้งานอยู่' },
    ]);
    const version = await post(
      `/api/v1/customers/${customerId}/consents`,
      { purpose: 'marketing', channel: 'email', status: 'granted', textVersion: 9 },
      sales.token,
    );
    expect(((await version.json()) as { errors: { path: string; message: string }[] }).errors[0]?.path).toBe(
      'textVersion',
    );
    expect(await recordsOf(customerId)).toHaveLength(before);
  });

  it('hides customers outside the caller’s scope (404) and refuses writes to read-only roles (403)', async () => {
    const hidden = await post(
      `/api/v1/customers/${customerId}/consents`,
      { purpose: 'marketing', channel: 'sms', status: 'granted' },
      otherSales.token,
    );
    expect(hidden.status).toBe(404);
    expect((await get(`/api/v1/customers/${customerId}/consents`, otherSales.token)).status).toBe(404);
    const readOnly = await post(`/api/v1/customers/${customerId}/consents/withdraw`, {}, viewer.token);
    expect(readOnly.status).toBe(403);
    expect((await get(`/api/v1/customers/${customerId}/consents`)).status).toBe(401);
  });

  it('lets admins create purposes and publish new text versions; others may only read them', async () => {
    const purpose = {
      code: 'newsletter',
      nameTh: 'จดหมายข่าว',
      nameEn: 'Newsletter',
      textTh: 'รับข่าวสาร',
      textEn: 'Get news',
    };
    expect((await post('/api/v1/consent/purposes', purpose, sales.token)).status).toBe(403);
    const created = await post('/api/v1/consent/purposes', purpose, admin.token);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ code: 'newsletter', currentVersion: 1, lawfulBasis: 'consent' });
    expect((await post('/api/v1/consent/purposes', purpose, admin.token)).status).toBe(409);
    const badCode = await post('/api/v1/consent/purposes', { ...purpose, code: 'Bad Code' }, admin.token);
    expect(badCode.status).toBe(400);
    const v2 = await post(
      '/api/v1/consent/purposes/newsletter/versions',
      { textTh: 'รับข่าวสารรายเดือน', textEn: 'Monthly news' },
      admin.token,
    );
    expect(v2.status).toBe(201);
    expect(await v2.json()).toMatchObject({ currentVersion: 2, textEn: 'Monthly news' });
    const list = (await (await get('/api/v1/consent/purposes', viewer.token)).json()) as {
      items: { code: string; currentVersion: number; textTh: string | null }[];
    };
    expect(list.items.map((p) => p.code)).toEqual(
      expect.arrayContaining(['marketing', 'profiling', 'third_party_sharing', 'service_updates', 'newsletter']),
    );
    expect(list.items.find((p) => p.code === 'newsletter')).toMatchObject({
      currentVersion: 2,
      textTh: 'รับข่าวสารรายเดือน',
    });
    // A record names the version agreed to: an old one is still accepted, it was published.
    const old = await post(
      `/api/v1/customers/${customerId}/consents`,
      { purpose: 'newsletter', channel: 'email', status: 'granted', textVersion: 1 },
      sales.token,
    );
    expect(((await old.json()) as { textVersion: number }).textVersion).toBe(1);
  });
});

describe('withdrawal by signed link (public)', () => {
  let path: string;
  let apiPath: string;

  beforeAll(async () => {
    await post(
      `/api/v1/customers/${customerId}/consents`,
      { purpose: 'marketing', channel: 'sms', status: 'granted' },
      sales.token,
    );
    const res = await post(
      `/api/v1/customers/${customerId}/consents/link`,
      { purpose: 'marketing', channel: 'sms' },
      sales.token,
    );
    expect(res.status).toBe(200);
    ({ path, apiPath } = (await res.json()) as { path: string; apiPath: string });
    expect(path).toMatch(/^\/consent\/[\w-]+\.[\w-]{43}$/);
  });

  it('shows what would be withdrawn without signing in, with the contact masked', async () => {
    const res = await get(apiPath);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      purpose: { code: 'marketing', nameTh: 'การตลาดและโปรโมชั่น', nameEn: 'Marketing and promotions' },
      channel: 'sms',
      contact: '••••••••5678',
      withdrawn: false,
    });
  });

  it('refuses a tampered or truncated token (404, coded) and writes nothing', async () => {
    const before = (await recordsOf(customerId)).length;
    const token = apiPath.split('/').pop() ?? '';
    const [payload = '', sig = ''] = token.split('.');
    const forged = Buffer.from(JSON.stringify([1, customerId, 'profiling', 'sms'])).toString('base64url');
    // The signature's first character carries six whole bits, so changing it always changes
    // the signature (the last one carries only four: some other characters mean the same).
    const altered = `${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`;
    for (const bad of [`${forged}.${sig}`, `${payload}.${altered}`, `${payload}.${sig.slice(0, -2)}`, payload, 'x']) {
      const res = await app.request(`/api/v1/public/consent/${bad}`, { method: 'POST' });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('consent_link_invalid');
    }
    expect(await recordsOf(customerId)).toHaveLength(before);
  });

  it('withdraws on POST (source link), idempotently, even from a browser holding a staff session', async () => {
    const res = await app.request(apiPath, { method: 'POST', headers: { cookie: 'sampan_session=whatever' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { withdrawn: boolean }).withdrawn).toBe(true);
    const link = (await recordsOf(customerId)).filter((r) => r.source === 'link');
    expect(link.map((r) => `${r.channel}:${r.status}`)).toEqual(['sms:withdrawn']);
    expect(link[0]?.actorUserId).toBeNull();
    expect((await app.request(apiPath, { method: 'POST' })).status).toBe(200);
    expect((await recordsOf(customerId)).filter((r) => r.source === 'link')).toHaveLength(1);
    expect(((await (await get(apiPath)).json()) as { withdrawn: boolean }).withdrawn).toBe(true);
  });

  it('serves a bilingual HTML page that works without JavaScript', async () => {
    await post(
      `/api/v1/customers/${customerId}/consents`,
      { purpose: 'profiling', channel: 'any', status: 'granted' },
      sales.token,
    );
    const res = await post(
      `/api/v1/customers/${customerId}/consents/link`,
      { purpose: 'profiling', channel: 'any' },
      sales.token,
    );
    const page = ((await res.json()) as { path: string }).path;
    const form = await app.request(page);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('ถอนความยินยอม');
    expect(html).toContain('Withdraw consent');
    expect(html).toContain('Analytics and profiling');
    expect(html).toContain(`action="${page}"`);
    expect(html).not.toContain('malee@example.com');
    const done = await app.request(page, { method: 'POST' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Consent withdrawn');
    const invalid = await app.request('/consent/not-a-token');
    expect(invalid.status).toBe(404);
    expect(await invalid.text()).toContain('ลิงก์ไม่ถูกต้อง');
  });
});
