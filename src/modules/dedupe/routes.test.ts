import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { customersModule } from '../customers/index.ts';
import { businessModules } from '../index.ts';
import { makeProfile } from './dedupe-fixtures.ts';
import { dedupeModule, duplicateListModule } from './index.ts';

let t: TestApp;
let admin: { userId: string; token: string };
let sales: { userId: string; token: string };
let a: string;
let b: string;

beforeAll(async () => {
  registerErrors(customersModule.errors ?? {});
  registerErrors(dedupeModule.errors ?? {});
  // The order of modules/index.ts: the duplicate list before the customers routes.
  t = await createTestApp([duplicateListModule, customersModule, dedupeModule]);
  admin = await t.userWithToken('admin');
  sales = await t.userWithToken('sales');
  const owner = {
    principal: { type: 'user' as const, userId: admin.userId, teamId: null, role: 'admin' as const, label: 'admin' },
    source: 'api' as const,
  };
  a = await makeProfile(t.testDb.database.db, owner, { displayName: 'นางสาวสุนีย์ แสงทอง', birthday: '1992-12-12' });
  b = await makeProfile(
    t.testDb.database.db,
    owner,
    { displayName: 'สุนีย์ แสงทอง', birthday: '1992-12-12' },
    { activities: 3 },
  );
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

describe('dedupe HTTP API', () => {
  it('is wired before the customers routes in the server', () => {
    const order = businessModules().map((m) => m.name);
    expect(order.indexOf('customer-duplicates')).toBeLessThan(order.indexOf('customers'));
    expect(order).toContain('dedupe');
  });

  it('lists duplicate pairs (not mistaken for GET /customers/{id})', async () => {
    const res = await t.app.request('/api/v1/customers/duplicates?minScore=80', { headers: bearer(admin.token) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: { customerIds: string[]; score: number; reasons: { code: string; th: string }[] }[];
      nextCursor: string | null;
    };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.customerIds).toEqual([a, b].sort());
    expect(body.items[0]?.reasons[0]).toMatchObject({ code: 'same_name_birthday', th: 'ชื่อและวันเกิดตรงกัน' });
    expect(body.nextCursor).toBeNull();
    const bad = await t.app.request('/api/v1/customers/duplicates?limit=0', { headers: bearer(admin.token) });
    expect(bad.status).toBe(400);
    expect((await problem(bad)).errors?.[0]?.path).toBe('limit');
  });

  it('refuses merging a profile into itself, in Thai and in English', async () => {
    const th = await t.app.request(
      '/api/v1/customers/merge',
      jsonRequest('POST', { survivorId: a, mergedIds: [a] }, bearer(admin.token)),
    );
    expect(th.status).toBe(400);
    const p = await problem(th);
    expect(p.code).toBe('merge_into_itself');
    expect(p.detail).toBe('ไม่สามารถรวมโปรไฟล์เข้ากับตัวเองได้');
    const en = await t.app.request(
      '/api/v1/customers/merge',
      jsonRequest('POST', { survivorId: a, mergedIds: [a] }, bearer(admin.token, { 'accept-language': 'en' })),
    );
    expect((await problem(en)).detail).toBe('A profile cannot be merged into itself.');
    const forbidden = await t.app.request(
      '/api/v1/customers/merge',
      jsonRequest('POST', { survivorId: a, mergedIds: [b] }, bearer(sales.token)),
    );
    expect(forbidden.status).toBe(403);
  });

  it('merges, lists the merge, undoes it, and refuses a second undo', async () => {
    const res = await t.app.request(
      '/api/v1/customers/merge',
      jsonRequest('POST', { survivorId: a, mergedIds: [b] }, bearer(admin.token)),
    );
    expect(res.status).toBe(200);
    const merged = (await res.json()) as { mergeId: string; moved: Record<string, number>; survivor: { id: string } };
    expect(merged.survivor.id).toBe(a);
    expect(merged.moved.activities).toBe(3);
    const again = await t.app.request(
      '/api/v1/customers/merge',
      jsonRequest('POST', { survivorId: a, mergedIds: [b] }, bearer(admin.token)),
    );
    expect(again.status).toBe(409);
    expect((await problem(again)).code).toBe('merge_profile_inactive');

    const list = await t.app.request(`/api/v1/customers/${b}/merges`, { headers: bearer(admin.token) });
    expect(list.status).toBe(200);
    const merges = (await list.json()) as { items: { id: string; canUndo: boolean }[] };
    expect(merges.items).toEqual([expect.objectContaining({ id: merged.mergeId, canUndo: true })]);

    const undo = await t.app.request(
      `/api/v1/customers/merges/${merged.mergeId}/undo`,
      jsonRequest('POST', undefined, bearer(admin.token)),
    );
    expect(undo.status).toBe(200);
    const undone = (await undo.json()) as { restored: { id: string }[]; keptFields: string[] };
    expect(undone.restored.map((r) => r.id)).toEqual([b]);
    const twice = await t.app.request(
      `/api/v1/customers/merges/${merged.mergeId}/undo`,
      jsonRequest('POST', undefined, bearer(admin.token)),
    );
    expect(twice.status).toBe(409);
    expect((await problem(twice)).code).toBe('unmerge_already_undone');
  });

  it('dismisses a pair', async () => {
    const res = await t.app.request(
      '/api/v1/customers/duplicates/dismiss',
      jsonRequest('POST', { customerIds: [b, a], reason: 'คนละคน' }, bearer(admin.token)),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ customerIds: [a, b].sort(), reason: 'คนละคน' });
    const list = await t.app.request('/api/v1/customers/duplicates', { headers: bearer(admin.token) });
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
