import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { createTeam } from '../../core/auth/create-team.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { customersModule } from './index.ts';

let t: TestApp;
let salesA: { userId: string; token: string };
let salesB: { userId: string; token: string };
let viewer: { userId: string; token: string };
let customerOfB: string;

beforeAll(async () => {
  registerErrors(customersModule.errors ?? {});
  t = await createTestApp([customersModule]);
  const team = await createTeam(t.testDb.database.db, systemActor('cli'), { name: 'ทีมขายกรุงเทพ' });
  salesA = await t.userWithToken('sales', { teamId: team.id });
  salesB = await t.userWithToken('sales', { teamId: team.id });
  viewer = await t.userWithToken('viewer');
  const res = await t.app.request(
    '/api/v1/customers',
    jsonRequest('POST', { firstName: 'วิชัย', phone: '0991112222' }, bearer(salesB.token)),
  );
  customerOfB = ((await res.json()) as { id: string }).id;
});
afterAll(() => t.close());

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as {
    status: number;
    code: string;
    detail: string;
    errors?: { path: string; message: string }[];
  };
}

describe('customers HTTP API', () => {
  it('refuses callers without a token (401)', async () => {
    const res = await t.app.request('/api/v1/customers');
    expect(res.status).toBe(401);
    expect((await problem(res)).code).toBe('unauthenticated');
  });

  it('creates a customer (201) owned by the caller, with the phone in E.164', async () => {
    const res = await t.app.request(
      '/api/v1/customers',
      jsonRequest(
        'POST',
        { firstName: 'สมชาย', lastName: 'ใจดี', phone: '081-234-5678', email: 'A@B.co' },
        bearer(salesA.token),
      ),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      displayName: 'สมชาย ใจดี',
      phone: '+66812345678',
      email: 'a@b.co',
      ownerId: salesA.userId,
    });
    expect(Object.keys(body).sort()).toEqual(
      [
        'id',
        'kind',
        'displayName',
        'firstName',
        'lastName',
        'firstNameEn',
        'lastNameEn',
        'nickname',
        'email',
        'phone',
        'lineId',
        'province',
        'district',
        'postcode',
        'addressLine',
        'source',
        'tags',
        'ownerId',
        'teamId',
        'createdAt',
        'updatedAt',
        'customerType',
        'status',
        'mergedIntoId',
        'gender',
        'birthday',
        'language',
        'occupation',
        'incomeBand',
        'interests',
        'subDistrict',
        'taxId',
        'industry',
        'companySize',
        'website',
        'customFields',
        'referredById',
        'lastContactedAt',
      ].sort(),
    );
    const list = await t.app.request('/api/v1/customers?q=0812345678&limit=10', { headers: bearer(salesA.token) });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: { id: string }[]; nextCursor: string | null };
    expect(page.items.map((c) => c.id)).toEqual([body.id]);
  });

  it('answers 403 forbidden to a role without the permission (viewer creating)', async () => {
    const res = await t.app.request('/api/v1/customers', jsonRequest('POST', { firstName: 'ก' }, bearer(viewer.token)));
    expect(res.status).toBe(403);
    expect((await problem(res)).code).toBe('forbidden');
  });

  it("answers 404 on another owner's customer, for read and change", async () => {
    const get = await t.app.request(`/api/v1/customers/${customerOfB}`, { headers: bearer(salesA.token) });
    expect(get.status).toBe(404);
    expect((await problem(get)).code).toBe('not_found');
    const patch = await t.app.request(
      `/api/v1/customers/${customerOfB}`,
      jsonRequest('PATCH', { nickname: 'x' }, bearer(salesA.token)),
    );
    expect(patch.status).toBe(404);
    const own = await t.app.request(`/api/v1/customers/${customerOfB}`, { headers: bearer(salesB.token) });
    expect(own.status).toBe(200);
    const seen = await t.app.request(`/api/v1/customers/${customerOfB}`, { headers: bearer(viewer.token) });
    expect(seen.status).toBe(200);
  });

  it('answers 400 with field errors in Thai or English', async () => {
    const send = (lang: string) =>
      t.app.request(
        '/api/v1/customers',
        jsonRequest('POST', { firstName: 'ก', phone: '081-234' }, bearer(salesA.token, { 'accept-language': lang })),
      );
    const th = await send('th');
    expect(th.status).toBe(400);
    const thai = await problem(th);
    expect(thai.code).toBe('validation_failed');
    expect(thai.detail).toBe('ข้อมูลบางช่องไม่ถูกต้อง');
    expect(thai.errors).toEqual([
      { path: 'phone', message: expect.stringMatching(/^เบอร์โทรไม่ถูกต้อง: เบอร์มือถือไทยมี 10 หลัก/) },
    ]);
    const english = await problem(await send('en'));
    expect(english.errors).toEqual([{ path: 'phone', message: expect.stringMatching(/10 digits/) }]);
  });

  it('answers 403 with the module’s own code when sales picks another owner', async () => {
    const res = await t.app.request(
      '/api/v1/customers',
      jsonRequest(
        'POST',
        { firstName: 'ก', ownerId: salesB.userId },
        bearer(salesA.token, { 'accept-language': 'en' }),
      ),
    );
    expect(res.status).toBe(403);
    const body = await problem(res);
    expect(body.code).toBe('customer_owner_forbidden');
    expect(body.detail).toMatch(/may not choose the owner/);
  });

  it('updates with PATCH and paginates with the cursor', async () => {
    const patch = await t.app.request(
      `/api/v1/customers/${customerOfB}`,
      jsonRequest('PATCH', { nickname: 'บีม' }, bearer(salesB.token)),
    );
    expect(patch.status).toBe(200);
    expect(((await patch.json()) as { nickname: string }).nickname).toBe('บีม');
    const first = (await (
      await t.app.request('/api/v1/customers?limit=1', { headers: bearer(viewer.token) })
    ).json()) as {
      items: unknown[];
      nextCursor: string;
    };
    expect(first.items).toHaveLength(1);
    const second = await t.app.request(`/api/v1/customers?limit=1&cursor=${first.nextCursor}`, {
      headers: bearer(viewer.token),
    });
    expect(second.status).toBe(200);
    const bad = await t.app.request('/api/v1/customers?cursor=nonsense', { headers: bearer(viewer.token) });
    expect((await problem(bad)).code).toBe('validation_failed');
  });

  it('documents the routes in the OpenAPI document', async () => {
    const res = await t.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/customers', '/api/v1/customers/{id}']));
  });
});
