import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { customersModule } from './index.ts';
import { customFieldDefinitions } from './schema.ts';

let t: TestApp;
let sales: { userId: string; token: string };
let other: { userId: string; token: string };
let customerId: string;

beforeAll(async () => {
  registerErrors(customersModule.errors ?? {});
  t = await createTestApp([customersModule]);
  sales = await t.userWithToken('sales');
  other = await t.userWithToken('sales');
  await t.testDb.database.db
    .insert(customFieldDefinitions)
    .values({ key: 'points', labelTh: 'แต้ม', labelEn: 'Points', type: 'number' });
  const res = await t.app.request(
    '/api/v1/customers',
    jsonRequest(
      'POST',
      { firstName: 'ประภา', phone: '081-555-0001', tags: ['vip', 'gold'], customFields: { points: 120 } },
      bearer(sales.token),
    ),
  );
  expect(res.status).toBe(201);
  customerId = ((await res.json()) as { id: string }).id;
});
afterAll(() => t.close());

describe('identities over HTTP', () => {
  it('adds (201), lists, marks bounced, makes primary and deletes (204)', async () => {
    const base = `/api/v1/customers/${customerId}/identities`;
    const added = await t.app.request(
      base,
      jsonRequest('POST', { kind: 'email', value: 'Prapa@Example.com' }, bearer(sales.token)),
    );
    expect(added.status).toBe(201);
    const identity = (await added.json()) as { id: string; value: string; isPrimary: boolean };
    expect(identity).toMatchObject({ value: 'prapa@example.com', isPrimary: false });
    const again = await t.app.request(
      base,
      jsonRequest('POST', { kind: 'email', value: 'prapa@example.com' }, bearer(sales.token)),
    );
    expect(again.status).toBe(200);
    const list = (await (await t.app.request(base, { headers: bearer(sales.token) })).json()) as {
      items: { kind: string; isPrimary: boolean }[];
    };
    expect(list.items.map((i) => [i.kind, i.isPrimary])).toEqual([
      ['email', false],
      ['phone', true],
    ]);
    const patched = await t.app.request(
      `${base}/${identity.id}`,
      jsonRequest('PATCH', { status: 'bounced', statusReason: 'mailbox full', isPrimary: true }, bearer(sales.token)),
    );
    expect(patched.status).toBe(200);
    const profile = (await (
      await t.app.request(`/api/v1/customers/${customerId}`, { headers: bearer(sales.token) })
    ).json()) as { email: string };
    expect(profile.email).toBe('prapa@example.com');
    const deleted = await t.app.request(`${base}/${identity.id}`, { method: 'DELETE', headers: bearer(sales.token) });
    expect(deleted.status).toBe(204);
    const after = (await (
      await t.app.request(`/api/v1/customers/${customerId}`, { headers: bearer(sales.token) })
    ).json()) as { email: string | null };
    expect(after.email).toBeNull();
  });

  it('answers 409 identifier_in_use in Thai or English, and 404 for another owner', async () => {
    const res = await t.app.request(
      '/api/v1/customers',
      jsonRequest(
        'POST',
        { firstName: 'ซ้ำ', phone: '+66815550001' },
        { ...bearer(other.token), 'accept-language': 'th' },
      ),
    );
    expect(res.status).toBe(409);
    const body = (await res.json()) as { code: string; detail: string; errors: { path: string }[] };
    expect(body.code).toBe('identifier_in_use');
    expect(body.detail).toMatch(/^เบอร์โทรนี้เป็นของลูกค้ารายอื่นแล้ว/);
    expect(body.detail).not.toContain(customerId);
    expect(body.errors).toEqual([expect.objectContaining({ path: 'phone' })]);
    const hidden = await t.app.request(`/api/v1/customers/${customerId}/identities`, { headers: bearer(other.token) });
    expect(hidden.status).toBe(404);
  });

  it('passes repeated tags, cf.* and sort through the query string', async () => {
    const get = async (qs: string) => {
      const r = await t.app.request(`/api/v1/customers?${qs}`, { headers: bearer(sales.token) });
      return { status: r.status, body: (await r.json()) as { items?: { id: string }[]; errors?: { path: string }[] } };
    };
    expect((await get('tag=vip&tag=gold')).body.items?.map((c) => c.id)).toEqual([customerId]);
    expect((await get('tag=vip&tag=silver')).body.items).toEqual([]);
    expect((await get('cf.points.gte=100&sort=name_asc')).body.items?.map((c) => c.id)).toEqual([customerId]);
    expect((await get('cf.points.gte=121')).body.items).toEqual([]);
    expect((await get('q=ประภา')).body.items?.map((c) => c.id)).toEqual([customerId]);
    const bad = await get('cf.points=lots');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'cf.points' })]);
  });
});
