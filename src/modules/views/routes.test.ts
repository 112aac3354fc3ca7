import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { auditLog } from '../../core/audit/schema.ts';
import { createTeam } from '../../core/auth/create-team.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { viewErrors } from './errors.ts';
import { viewRoutes } from './routes.ts';
import { savedViews } from './schema.ts';
import type { SavedView } from './view-input.ts';

type User = { userId: string; token: string };
let t: TestApp;
let db: Db;
let salesA: User;
let salesA2: User;
let salesB: User;
let admin: User;
let viewer: User;

async function call(method: string, path: string, user: User, body?: unknown, locale = 'en'): Promise<Response> {
  return t.app.request(`/api/v1${path}`, jsonRequest(method, body, bearer(user.token, { 'accept-language': locale })));
}
async function views(user: User): Promise<SavedView[]> {
  const res = await call('GET', '/views', user);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: SavedView[] }).items;
}
async function count(): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(savedViews);
  return row?.n ?? 0;
}

beforeAll(async () => {
  registerErrors(viewErrors);
  t = await createTestApp([{ name: 'views', routes: viewRoutes }]);
  db = t.testDb.database.db;
  const cli = systemActor('cli');
  const teamA = (await createTeam(db, cli, { name: 'ทีม A' })).id;
  const teamB = (await createTeam(db, cli, { name: 'ทีม B' })).id;
  salesA = await t.userWithToken('sales', { teamId: teamA });
  salesA2 = await t.userWithToken('sales', { teamId: teamA });
  salesB = await t.userWithToken('sales', { teamId: teamB });
  admin = await t.userWithToken('admin');
  viewer = await t.userWithToken('viewer');
});
afterAll(() => t.close());

describe('saved views API', () => {
  let privateId = '';
  let sharedId = '';

  it('saves a view with filters, sort and columns (201) and audits it', async () => {
    const res = await call('POST', '/views', salesA, {
      name: ' ลูกค้านำเข้า ',
      filters: { source: 'import', tag: ['vip', 'ขายส่ง'], 'cf.member_level': 'gold' },
      sort: 'name_asc',
      columns: ['name', 'phone', 'tags'],
    });
    expect(res.status).toBe(201);
    const view = (await res.json()) as SavedView;
    expect(view).toMatchObject({
      name: 'ลูกค้านำเข้า',
      filters: { source: 'import', tag: ['vip', 'ขายส่ง'], 'cf.member_level': 'gold' },
      sort: 'name_asc',
      columns: ['name', 'phone', 'tags'],
      shared: false,
      mine: true,
      editable: true,
    });
    privateId = view.id;
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, view.id));
    expect(audits.map((a) => a.action)).toEqual(['create']);

    const shared = await call('POST', '/views', salesA, { name: 'ทีมเรา', filters: { ownerId: 'none' }, shared: true });
    expect(shared.status).toBe(201);
    sharedId = ((await shared.json()) as SavedView).id;
  });

  it('shows own views and the team-shared ones, not other teams’ or private ones', async () => {
    expect((await views(salesA)).map((v) => v.name)).toEqual(['ทีมเรา', 'ลูกค้านำเข้า']);
    const mate = await views(salesA2);
    expect(mate.map((v) => v.id)).toEqual([sharedId]);
    expect(mate[0]).toMatchObject({ mine: false, editable: false });
    expect(await views(salesB)).toEqual([]);
    // Admins see every shared view (to look after them), never others' private ones.
    expect((await views(admin)).map((v) => v.id)).toEqual([sharedId]);
  });

  it('lets only the owner or an admin rename or delete; others get a clear error and nothing changes', async () => {
    const mate = await call('PATCH', `/views/${sharedId}`, salesA2, { name: 'ของฉัน' }, 'th');
    expect(mate.status).toBe(403);
    expect(((await mate.json()) as { code: string; detail: string }).detail).toContain('ผู้ดูแลระบบ');
    expect((await call('DELETE', `/views/${sharedId}`, salesA2)).status).toBe(403);
    // Another team's user cannot even see it.
    expect((await call('PATCH', `/views/${sharedId}`, salesB, { name: 'x' })).status).toBe(404);
    expect((await call('DELETE', `/views/${privateId}`, admin)).status).toBe(404);

    const renamed = await call('PATCH', `/views/${sharedId}`, salesA, { name: 'ทีม A ไม่มีผู้ดูแล' });
    expect(renamed.status).toBe(200);
    expect((await renamed.json()) as SavedView).toMatchObject({ name: 'ทีม A ไม่มีผู้ดูแล', filters: { ownerId: 'none' } });
    const byAdmin = await call('PATCH', `/views/${sharedId}`, admin, { sort: 'updated_desc' });
    expect(byAdmin.status).toBe(200);
    expect((await byAdmin.json()) as SavedView).toMatchObject({ sort: 'updated_desc', mine: false, editable: true });
  });

  it('refuses bad input with field errors and saves nothing', async () => {
    const before = await count();
    const cases: [unknown, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x', filters: { ownerId: 'somebody' } }, 'filters.ownerId'],
      [{ name: 'x', filters: { createdFrom: '2026-13-01' } }, 'filters.createdFrom'],
      [{ name: 'x', filters: { limit: '5' } }, 'filters.limit'],
      [{ name: 'x', sort: 'random' }, 'sort'],
      [{ name: 'x', columns: ['password'] }, 'columns.0'],
      [{ name: 'x', extra: true }, '(body)'],
    ];
    for (const [body, path] of cases) {
      const res = await call('POST', '/views', salesA, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const problem = (await res.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path).join(' '), JSON.stringify(body)).toContain(path);
    }
    const dup = await call('POST', '/views', salesA, { name: 'ลูกค้านำเข้า' });
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { code: string }).code).toBe('view_name_taken');
    expect(await count()).toBe(before);
    expect((await call('PATCH', `/views/${privateId}`, salesA, { name: 'ทีม A ไม่มีผู้ดูแล' })).status).toBe(409);
  });

  it('a viewer may keep views too (read access); an unknown id is not found', async () => {
    expect((await call('POST', '/views', viewer, { name: 'ดูอย่างเดียว' })).status).toBe(201);
    expect((await call('DELETE', '/views/00000000-0000-4000-8000-000000000000', viewer)).status).toBe(404);
  });

  it('deletes a view for its owner (204)', async () => {
    expect((await call('DELETE', `/views/${privateId}`, salesA)).status).toBe(204);
    expect((await views(salesA)).map((v) => v.id)).toEqual([sharedId]);
  });
});
