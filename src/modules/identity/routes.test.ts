import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { activitiesModule } from '../activities/index.ts';
import { customersModule } from '../customers/index.ts';
import { identityModule } from './index.ts';

let t: TestApp;
let salesA: { userId: string; token: string };
let salesB: { userId: string; token: string };
let marketing: { userId: string; token: string };

beforeAll(async () => {
  for (const m of [customersModule, activitiesModule, identityModule]) registerErrors(m.errors ?? {});
  t = await createTestApp([customersModule, activitiesModule, identityModule]);
  salesA = await t.userWithToken('sales');
  salesB = await t.userWithToken('sales');
  marketing = await t.userWithToken('marketing');
});
afterAll(() => t.close());

type Problem = { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };
type Resolution = {
  customer: { id: string; phone: string | null; displayName: string };
  created: boolean;
  matchedBy: { rule: string; value: string } | null;
  conflicts: unknown[];
};

const upsert = (body: unknown, token: string, headers: Record<string, string> = {}) =>
  t.app.request('/api/v1/customers/upsert', jsonRequest('POST', body, bearer(token, headers)));

describe('POST /api/v1/customers/upsert', () => {
  it('creates (201), then matches (200) the same person by phone in another format', async () => {
    const first = await upsert(
      { identifiers: [{ kind: 'phone', value: '081-444-5555' }], profile: { firstName: 'ปรีชา' } },
      salesA.token,
    );
    expect(first.status).toBe(201);
    const created = (await first.json()) as Resolution;
    expect(created).toMatchObject({ created: true, matchedBy: null, conflicts: [] });
    expect(created.customer).toMatchObject({ phone: '+66814445555', displayName: 'ปรีชา' });
    const second = await upsert({ identifiers: [{ kind: 'phone', value: '+66814445555' }] }, salesA.token);
    expect(second.status).toBe(200);
    const matched = (await second.json()) as Resolution;
    expect(matched.customer.id).toBe(created.customer.id);
    expect(matched.matchedBy).toMatchObject({ rule: 'phone', value: '+66814445555' });
    const timeline = await t.app.request(`/api/v1/customers/${created.customer.id}/timeline?kind=identity_match`, {
      headers: bearer(salesA.token, { 'accept-language': 'en' }),
    });
    const page = (await timeline.json()) as { items: { summary: { en: string } }[] };
    expect(page.items.map((i) => i.summary.en)).toEqual([
      'Matched by phone +6681… (via api)',
      'New profile created (via api)',
    ]);
  });

  it('replays a retry with the same Idempotency-Key instead of resolving twice', async () => {
    const body = { identifiers: [{ kind: 'email', value: 'idem@example.com' }] };
    const a = await upsert(body, salesA.token, { 'idempotency-key': 'upsert-1' });
    const b = await upsert(body, salesA.token, { 'idempotency-key': 'upsert-1' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(((await b.json()) as Resolution).customer.id).toBe(((await a.json()) as Resolution).customer.id);
  });

  it('gives per-field errors (identifiers.N.value) in the caller’s language', async () => {
    const res = await upsert(
      {
        identifiers: [
          { kind: 'email', value: 'x@' },
          { kind: 'phone', value: '123' },
        ],
      },
      salesA.token,
      { 'accept-language': 'th' },
    );
    expect(res.status).toBe(400);
    const p = (await res.json()) as Problem;
    expect(p.code).toBe('validation_failed');
    expect(p.errors?.map((e) => e.path)).toEqual(['identifiers.0.value', 'identifiers.1.value']);
    expect(p.errors?.[0]?.message).toBe('อีเมลไม่ถูกต้อง');
  });

  it('refuses a match outside the caller’s scope with 409 customer_exists_elsewhere', async () => {
    await upsert({ identifiers: [{ kind: 'line', value: 'U-only-a' }], profile: { firstName: 'ของเอ' } }, salesA.token);
    const res = await upsert({ identifiers: [{ kind: 'line', value: 'U-only-a' }] }, salesB.token, {
      'accept-language': 'en',
    });
    expect(res.status).toBe(409);
    const p = (await res.json()) as Problem;
    expect(p.code).toBe('customer_exists_elsewhere');
    expect(p.detail).toMatch(/already a customer/);
    expect(JSON.stringify(p)).not.toContain('ของเอ');
    const th = await upsert({ identifiers: [{ kind: 'line', value: 'U-only-a' }] }, salesB.token, {
      'accept-language': 'th',
    });
    expect(((await th.json()) as Problem).detail).toMatch(/เป็นลูกค้าอยู่แล้ว/);
  });

  it('is 403 for a role that may not create customers', async () => {
    const res = await upsert({ identifiers: [{ kind: 'pos', value: '1' }] }, marketing.token);
    expect(res.status).toBe(403);
  });
});
