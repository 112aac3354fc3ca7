import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { activitiesModule } from '../activities/index.ts';
import { customersModule } from '../customers/index.ts';
import { productsModule } from '../products/index.ts';
import { dealsModule } from './index.ts';
import { DEFAULT_PIPELINE_ID, SEEDED_STAGE_IDS as S } from './seeded-pipeline.ts';

let t: TestApp;
type User = { userId: string; token: string };
let admin: User;
let manager: User;
let sales: User;
let otherSales: User;
let mine: string;
let theirs: string;
let chair: string;

type Json = Record<string, unknown>;
const call = async (method: string, path: string, token: string, body?: unknown, headers: Json = {}) => {
  const res = await t.app.request(
    `/api/v1${path}`,
    jsonRequest(method, body, bearer(token, { 'accept-language': 'en', ...(headers as Record<string, string>) })),
  );
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
};
const count = async (sql: string) =>
  Number((await t.testDb.database.query<{ n: string }>(`select count(*)::text as n from ${sql}`))[0]?.n);
const counts = async () => ({
  deals: await count('deals'),
  history: await count('deal_stage_history'),
  products: await count('deal_products'),
  outbox: await count(`outbox where topic like 'deals.%'`),
  activities: await count(`activities where kind = 'deal'`),
});

beforeAll(async () => {
  const modules = [customersModule, activitiesModule, productsModule, dealsModule];
  for (const m of modules) registerErrors(m.errors ?? {});
  t = await createTestApp(modules);
  [admin, manager, sales, otherSales] = await Promise.all([
    t.userWithToken('admin'),
    t.userWithToken('manager'),
    t.userWithToken('sales'),
    t.userWithToken('sales'),
  ]);
  chair = String(
    (await call('POST', '/products', admin.token, { sku: 'CHAIR', nameTh: 'เก้าอี้', unitPriceSatang: 250_000 })).body.id,
  );
  mine = String((await call('POST', '/customers', sales.token, { firstName: 'สมชาย', phone: '+66811110001' })).body.id);
  theirs = String(
    (await call('POST', '/customers', otherSales.token, { firstName: 'สมหญิง', phone: '+66811110002' })).body.id,
  );
});
afterAll(() => t.close());

describe('pipelines', () => {
  it('come seeded with the default "Sales / การขาย" pipeline and six stages', async () => {
    const res = await call('GET', '/pipelines', sales.token);
    expect(res.status).toBe(200);
    const [p] = res.body.items as Json[];
    expect(p).toMatchObject({ id: DEFAULT_PIPELINE_ID, nameTh: 'การขาย', nameEn: 'Sales', isDefault: true });
    expect(((p as Json).stages as Json[]).map((s) => [s.nameEn, s.probability, s.kind])).toEqual([
      ['Lead in', 10, 'open'],
      ['Qualified', 25, 'open'],
      ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);
  });

  it('are created and changed by managers, not by salespeople', async () => {
    const body = {
      nameTh: 'งานโครงการ',
      nameEn: 'Projects',
      stages: [
        { nameTh: 'สำรวจ', nameEn: 'Survey', probability: 20 },
        { nameTh: 'ได้งาน', nameEn: 'Won', probability: 100, kind: 'won' },
      ],
    };
    const refused = await call('POST', '/pipelines', sales.token, body);
    expect(refused).toMatchObject({ status: 403, body: { code: 'pipeline_manage_forbidden' } });
    const noOpen = await call('POST', '/pipelines', manager.token, { ...body, stages: [body.stages[1]] });
    expect(noOpen).toMatchObject({ status: 422, body: { code: 'pipeline_needs_open_stage' } });
    const created = await call('POST', '/pipelines', manager.token, body);
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    const added = await call('POST', `/pipelines/${id}/stages`, manager.token, {
      nameTh: 'ไม่ได้งาน',
      nameEn: 'Lost',
      probability: 0,
      kind: 'lost',
    });
    expect(added).toMatchObject({ status: 201, body: { position: 2, kind: 'lost' } });
    const bad = await call('PATCH', `/pipelines/${id}/stages/${added.body.id}`, manager.token, { probability: 101 });
    expect(bad.status).toBe(400);
    const renamed = await call('PATCH', `/pipelines/${id}/stages/${added.body.id}`, manager.token, {
      nameEn: 'Not won',
    });
    expect(renamed.body.nameEn).toBe('Not won');
    expect((await call('PATCH', `/pipelines/${id}`, manager.token, { nameEn: 'Project work' })).body.nameEn).toBe(
      'Project work',
    );
  });
});

describe('deals', () => {
  let deal: Json;

  it('open on a customer at the first stage, valued from their products, on the timeline, once per Idempotency-Key', async () => {
    const before = await counts();
    const body = {
      customerId: mine,
      title: 'เก้าอี้สำนักงาน 10 ตัว',
      expectedCloseOn: '2026-12-31',
      products: [{ productId: chair, quantity: 10, unitPriceSatang: 240_000 }],
    };
    const res = await call('POST', '/deals', sales.token, body, { 'idempotency-key': 'deal-1' });
    expect(res.status).toBe(201);
    deal = res.body;
    expect(deal).toMatchObject({
      customerId: mine,
      customerName: 'สมชาย',
      pipelineId: DEFAULT_PIPELINE_ID,
      stageId: S.leadIn,
      stageNameEn: 'Lead in',
      status: 'open',
      valueSatang: 2_400_000,
      weightedSatang: 240_000,
      currency: 'THB',
      ownerId: sales.userId,
      expectedCloseOn: '2026-12-31',
    });
    expect((deal.products as Json[])[0]).toMatchObject({ sku: 'CHAIR', quantity: 10, totalSatang: 2_400_000 });
    expect((deal.history as Json[]).length).toBe(1);
    const retry = await call('POST', '/deals', sales.token, body, { 'idempotency-key': 'deal-1' });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(deal.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await counts()).toEqual({
      deals: before.deals + 1,
      history: before.history + 1,
      products: before.products + 1,
      outbox: before.outbox + 1,
      activities: before.activities + 1,
    });
    const timeline = await call('GET', `/customers/${mine}/timeline?kind=deal`, sales.token);
    expect((timeline.body.items as Json[]).find((a) => a.refId === deal.id)).toMatchObject({
      kind: 'deal',
      data: { action: 'created', amount: 2_400_000, status: 'open' },
    });
  });

  it('refuse bad input with a coded error and write nothing', async () => {
    const before = await counts();
    const negative = await call('POST', '/deals', sales.token, { customerId: mine, title: 'x', valueSatang: -1 });
    expect(negative).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    const unknownStage = await call('POST', '/deals', sales.token, {
      customerId: mine,
      title: 'x',
      stageId: '00000000-0000-4000-8000-000000000bad',
    });
    expect(unknownStage).toMatchObject({ status: 422, body: { code: 'deal_stage_unknown' } });
    const unknownProduct = await call('POST', '/deals', sales.token, {
      customerId: mine,
      title: 'x',
      products: [{ productId: '00000000-0000-4000-8000-000000000bad' }],
    });
    expect(unknownProduct).toMatchObject({ status: 422, body: { code: 'deal_unknown_product' } });
    const othersCustomer = await call('POST', '/deals', sales.token, { customerId: theirs, title: 'x' });
    expect(othersCustomer.status).toBe(404);
    const forOther = await call('POST', '/deals', sales.token, {
      customerId: mine,
      title: 'x',
      ownerId: otherSales.userId,
    });
    expect(forOther).toMatchObject({ status: 403, body: { code: 'deal_owner_not_allowed' } });
    const wonStage = await call('POST', '/deals', sales.token, { customerId: mine, title: 'x', stageId: S.won });
    expect(wonStage.status).toBe(400);
    const badValue = await call('PATCH', `/deals/${deal.id}`, sales.token, { valueSatang: -5 });
    expect(badValue.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('move along the stages with history and time in stage, and reorder in a column', async () => {
    const second = await call('POST', '/deals', sales.token, { customerId: mine, title: 'โต๊ะ', valueSatang: 100_000 });
    const q = await call('POST', `/deals/${deal.id}/move`, sales.token, { stageId: S.qualified });
    expect(q).toMatchObject({ status: 200, body: { stageId: S.qualified, status: 'open', weightedSatang: 600_000 } });
    await call('POST', `/deals/${second.body.id}/move`, sales.token, { stageId: S.qualified });
    // Put the second deal above the first.
    await call('POST', `/deals/${second.body.id}/move`, sales.token, { stageId: S.qualified, position: 0 });
    const board = await call('GET', `/pipelines/${DEFAULT_PIPELINE_ID}/board`, sales.token);
    const column = (board.body.columns as Json[]).find((c) => (c.stage as Json).id === S.qualified);
    expect(((column as Json).deals as Json[]).map((d) => d.title)).toEqual(['โต๊ะ', 'เก้าอี้สำนักงาน 10 ตัว']);
    const p = await call('POST', `/deals/${deal.id}/move`, sales.token, { stageId: S.proposal });
    const history = p.body.history as Json[];
    expect(history.map((h) => h.stageNameEn)).toEqual(['Lead in', 'Qualified', 'Proposal']);
    expect(history[0]).toMatchObject({ fromStageId: null, toStageId: S.leadIn, movedBy: sales.userId });
    expect(history[1]).toMatchObject({ fromStageId: S.leadIn, leftAt: history[2]?.movedAt });
    expect(history[2]?.leftAt).toBeNull();
    for (const h of history) expect(h.secondsInStage).toBeGreaterThanOrEqual(0);
    const viaHistory = await call('GET', `/deals/${deal.id}/history`, sales.token);
    expect((viaHistory.body.items as Json[]).length).toBe(3);
    expect(await count(`outbox where topic = 'deals.stage_changed' and aggregate_id = '${deal.id}'`)).toBe(2);
  });

  it('refuse a stage of another pipeline or an unknown stage, changing nothing', async () => {
    const projects = (await call('GET', '/pipelines', sales.token)).body.items as Json[];
    const other = projects.find((p) => p.id !== DEFAULT_PIPELINE_ID);
    const otherStage = String((((other as Json).stages as Json[])[0] as Json).id);
    const before = await counts();
    const res = await call('POST', `/deals/${deal.id}/move`, sales.token, { stageId: otherStage });
    expect(res).toMatchObject({ status: 422, body: { code: 'deal_stage_other_pipeline' } });
    expect(String(res.body.detail)).toContain('another pipeline');
    const th = await call(
      'POST',
      `/deals/${deal.id}/move`,
      sales.token,
      { stageId: otherStage },
      { 'accept-language': 'th' },
    );
    expect(String(th.body.detail)).toContain('ไปป์ไลน์อื่น');
    const unknown = await call('POST', `/deals/${deal.id}/move`, sales.token, {
      stageId: '00000000-0000-4000-8000-000000000bad',
    });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'deal_stage_unknown' } });
    expect((await call('GET', `/deals/${deal.id}`, sales.token)).body.stageId).toBe(S.proposal);
    expect(await counts()).toEqual(before);
  });

  it('cannot be seen or moved by another salesperson, and stay off their board and list', async () => {
    expect((await call('GET', `/deals/${deal.id}`, otherSales.token)).status).toBe(404);
    expect((await call('POST', `/deals/${deal.id}/move`, otherSales.token, { stageId: S.negotiation })).status).toBe(
      404,
    );
    expect((await call('PATCH', `/deals/${deal.id}`, otherSales.token, { title: 'mine now' })).status).toBe(404);
    expect((await call('POST', `/deals/${deal.id}/won`, otherSales.token, {})).status).toBe(404);
    const list = await call('GET', '/deals', otherSales.token);
    expect((list.body.items as Json[]).map((d) => d.id)).not.toContain(deal.id);
    const board = await call('GET', `/pipelines/${DEFAULT_PIPELINE_ID}/board`, otherSales.token);
    expect((board.body.columns as Json[]).reduce((n, c) => n + Number(c.count), 0)).toBe(0);
    // The manager (team scope) and admin (all) see it; the admin may reassign it.
    expect((await call('GET', `/deals/${deal.id}`, admin.token)).status).toBe(200);
  });

  it('are lost only with a reason, and won; reopened by moving back', async () => {
    const before = await counts();
    const noReason = await call('POST', `/deals/${deal.id}/move`, sales.token, { stageId: S.lost });
    expect(noReason).toMatchObject({ status: 422, body: { code: 'deal_lost_reason_required' } });
    const noReason2 = await call('POST', `/deals/${deal.id}/lost`, sales.token, {});
    expect(noReason2).toMatchObject({ status: 422, body: { code: 'deal_lost_reason_required' } });
    expect(await counts()).toEqual(before);
    const lost = await call('POST', `/deals/${deal.id}/lost`, sales.token, { reason: 'ราคาสูงกว่าคู่แข่ง' });
    expect(lost.body).toMatchObject({ status: 'lost', stageId: S.lost, lostReason: 'ราคาสูงกว่าคู่แข่ง' });
    expect(lost.body.lostAt).not.toBeNull();
    const reopened = await call('POST', `/deals/${deal.id}/move`, sales.token, { stageId: S.negotiation });
    expect(reopened.body).toMatchObject({ status: 'open', lostReason: null, lostAt: null });
    const won = await call('POST', `/deals/${deal.id}/won`, sales.token, {});
    expect(won.body).toMatchObject({ status: 'won', stageId: S.won, weightedSatang: 2_400_000 });
    const topics = await t.testDb.database.query<{ topic: string }>(
      `select topic from outbox where aggregate_id = '${deal.id}' order by id`,
    );
    expect(topics.map((r) => r.topic)).toEqual([
      'deals.created',
      'deals.stage_changed',
      'deals.stage_changed',
      'deals.stage_changed',
      'deals.lost',
      'deals.stage_changed',
      'deals.stage_changed',
      'deals.won',
    ]);
    const audit = await count(`audit_log where entity_type = 'deal' and entity_id = '${deal.id}'`);
    expect(audit).toBe(6);
  });

  it('are listed with filters and cursor pages', async () => {
    for (let i = 0; i < 3; i++)
      await call('POST', '/deals', sales.token, { customerId: mine, title: `ดีล ${i}`, valueSatang: 1000 * i });
    const first = await call('GET', `/deals?limit=2&status=open&customerId=${mine}`, sales.token);
    expect((first.body.items as Json[]).length).toBe(2);
    const next = await call(
      'GET',
      `/deals?limit=2&status=open&customerId=${mine}&cursor=${first.body.nextCursor}`,
      sales.token,
    );
    const all = [...(first.body.items as Json[]), ...(next.body.items as Json[])];
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    expect(all.map((d) => d.title)).toContain('โต๊ะ');
    const won = await call('GET', `/deals?status=won&ownerId=${sales.userId}`, sales.token);
    expect((won.body.items as Json[]).map((d) => d.id)).toEqual([deal.id]);
    const bad = await call('GET', '/deals?cursor=nonsense', sales.token);
    expect(bad.status).toBe(400);
  });

  it('fill the board with counts, value, weighted value and a cursor per stage', async () => {
    const board = await call('GET', `/pipelines/${DEFAULT_PIPELINE_ID}/board?perStage=2`, sales.token);
    expect(board.status).toBe(200);
    const lead = (board.body.columns as Json[]).find((c) => (c.stage as Json).id === S.leadIn) as Json;
    expect(lead.count).toBe(3);
    expect(lead.totals).toEqual([{ currency: 'THB', count: 3, valueSatang: 3000, weightedSatang: 300 }]);
    expect((lead.deals as Json[]).length).toBe(2);
    const more = await call(
      'GET',
      `/pipelines/${DEFAULT_PIPELINE_ID}/board/stages/${S.leadIn}?cursor=${lead.nextCursor}`,
      sales.token,
    );
    expect(more.status).toBe(200);
    expect((more.body.items as Json[]).length).toBe(1);
    expect(more.body.nextCursor).toBeNull();
    const wonColumn = (board.body.columns as Json[]).find((c) => (c.stage as Json).id === S.won) as Json;
    expect(wonColumn.count).toBe(0);
    const unknown = await call('GET', '/pipelines/00000000-0000-4000-8000-000000000bad/board', sales.token);
    expect(unknown.status).toBe(404);
  });

  it('change title, value, products and owner; an admin reassigns, the new owner then sees it', async () => {
    const created = await call('POST', '/deals', sales.token, { customerId: mine, title: 'ชุดรับแขก', valueSatang: 500 });
    const id = String(created.body.id);
    const changed = await call('PATCH', `/deals/${id}`, sales.token, {
      title: 'ชุดรับแขก 2 ชุด',
      expectedCloseOn: '2027-01-15',
      products: [{ productId: chair, quantity: 2 }],
    });
    expect(changed.body).toMatchObject({ title: 'ชุดรับแขก 2 ชุด', valueSatang: 500_000, expectedCloseOn: '2027-01-15' });
    expect((changed.body.products as Json[]).map((p) => [p.quantity, p.unitPriceSatang])).toEqual([[2, 250_000]]);
    const cleared = await call('PATCH', `/deals/${id}`, sales.token, { products: [], valueSatang: 100 });
    expect(cleared.body).toMatchObject({ products: [], valueSatang: 100 });
    expect((await call('GET', `/deals/${id}`, otherSales.token)).status).toBe(404);
    // A manager sees their team's deals; this one has no team, so the deal is not theirs to see.
    expect((await call('PATCH', `/deals/${id}`, manager.token, { ownerId: otherSales.userId })).status).toBe(404);
    const reassigned = await call('PATCH', `/deals/${id}`, admin.token, { ownerId: otherSales.userId });
    expect(reassigned).toMatchObject({ status: 200, body: { ownerId: otherSales.userId } });
    expect((await call('GET', `/deals/${id}`, otherSales.token)).status).toBe(200);
    // The customer's owner still sees the business on their customer (orders' rule).
    expect((await call('GET', `/deals/${id}`, sales.token)).status).toBe(200);
    const audit = await t.testDb.database.query<{ changes: Json }>(
      `select changes from audit_log where entity_id = '${id}' and action = 'update' order by id`,
    );
    expect(audit.map((a) => Object.keys(a.changes).sort())).toEqual([
      ['expectedCloseOn', 'products', 'title', 'valueSatang'],
      ['products', 'valueSatang'],
      ['ownerId'],
    ]);
  });

  it('are worded on the timeline in both languages and documented in the OpenAPI document', async () => {
    const th = await call('GET', `/customers/${mine}/timeline?kind=deal`, sales.token, undefined, {
      'accept-language': 'th',
    });
    const won = (th.body.items as Json[]).find((a) => (a.data as Json).action === 'won') as Json;
    expect(won.summary).toEqual({
      en: 'Deal won: เก้าอี้สำนักงาน 10 ตัว → Won',
      th: 'ปิดการขายได้ เก้าอี้สำนักงาน 10 ตัว → ปิดการขายได้',
    });
    const res = await t.app.request('/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/v1/deals'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/api/v1/deals/{id}/move']?.post).toBeDefined();
    expect(doc.paths['/api/v1/pipelines/{id}/board']?.get).toBeDefined();
    expect(Object.keys(doc.paths['/api/v1/pipelines/{id}/stages/{stageId}'] ?? {})).toEqual(['patch', 'delete']);
  });
});
