import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { activitiesModule } from '../activities/index.ts';
import { customersModule } from '../customers/index.ts';
import { dealsModule } from '../deals/index.ts';
import { identityModule } from '../identity/index.ts';
import { leadsModule } from './index.ts';

let t: TestApp;
type User = { userId: string; token: string };
let admin: User;
let s1: User;
let s2: User;
type Json = Record<string, unknown>;

const call = async (method: string, path: string, token: string, body?: unknown) => {
  const res = await t.app.request(
    `/api/v1${path}`,
    jsonRequest(method, body, bearer(token, { 'accept-language': 'en' })),
  );
  return { status: res.status, body: (await res.json()) as Json };
};
const lead = async (token: string, body: Json) => (await call('POST', '/leads', token, body)).body;

beforeAll(async () => {
  const modules = [customersModule, activitiesModule, identityModule, dealsModule, leadsModule];
  for (const m of modules) registerErrors(m.errors ?? {});
  t = await createTestApp(modules);
  [admin, s1, s2] = await Promise.all([t.userWithToken('admin'), t.userWithToken('sales'), t.userWithToken('sales')]);
});
afterAll(() => t.close());

describe('possible duplicates of a lead', () => {
  it('are open leads and customers with the same normalised email or phone, on the lead and in the list', async () => {
    const customer = (
      await call('POST', '/customers', admin.token, { firstName: 'วิภา', lastName: 'ค้าขาย', phone: '081-777-0001' })
    ).body;
    const first = await lead(admin.token, { firstName: 'อนันต์', email: 'anan@example.com', phone: '0817770002' });
    // Same email in capitals, and the customer's phone written the international way.
    const second = await lead(admin.token, {
      firstName: 'อนันต์',
      lastName: 'ซ้ำ',
      email: 'ANAN@example.com',
      phone: '+66 81 777 0001',
    });
    const alone = await lead(admin.token, { firstName: 'ไม่ซ้ำ', email: 'unique@example.com' });

    expect(second.duplicates).toEqual([
      { kind: 'lead', id: first.id, name: 'อนันต์', matchedBy: ['email'] },
      { kind: 'customer', id: customer.id, name: 'วิภา ค้าขาย', matchedBy: ['phone'] },
    ]);
    expect(alone.duplicates).toEqual([]);
    const got = (await call('GET', `/leads/${String(first.id)}`, admin.token)).body;
    expect(got.duplicates).toEqual([{ kind: 'lead', id: second.id, name: 'อนันต์ ซ้ำ', matchedBy: ['email'] }]);

    const list = (await call('GET', '/leads?limit=50', admin.token)).body.items as Json[];
    const byId = new Map(list.map((l) => [l.id, l.duplicates]));
    expect(byId.get(second.id)).toHaveLength(2);
    expect(byId.get(alone.id)).toEqual([]);
  });

  it('no longer name a lead once it is disqualified, and a converted lead has none', async () => {
    const a = await lead(admin.token, { firstName: 'ก', email: 'gone@example.com' });
    const b = await lead(admin.token, { firstName: 'ข', email: 'gone@example.com' });
    expect((await call('GET', `/leads/${String(b.id)}`, admin.token)).body.duplicates).toHaveLength(1);
    await call('POST', `/leads/${String(a.id)}/status`, admin.token, { status: 'disqualified', reason: 'ซ้ำ' });
    expect((await call('GET', `/leads/${String(b.id)}`, admin.token)).body.duplicates).toEqual([]);
    const converted = (await call('POST', `/leads/${String(b.id)}/convert`, admin.token, {})).body;
    expect(converted).toMatchObject({ status: 'converted', duplicates: [] });
  });

  it("name only what the caller may see: a salesperson is not told of another's lead", async () => {
    const mine = await lead(s1.token, { firstName: 'ของ s1', phone: '0869990001' });
    const theirs = await lead(s2.token, { firstName: 'ของ s2', phone: '0869990001' });
    expect(mine.duplicates).toEqual([]);
    expect(theirs.duplicates).toEqual([]);
    const asAdmin = (await call('GET', `/leads/${String(mine.id)}`, admin.token)).body;
    expect(asAdmin.duplicates).toEqual([{ kind: 'lead', id: theirs.id, name: 'ของ s2', matchedBy: ['phone'] }]);
  });
});
