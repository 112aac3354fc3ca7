import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { activitiesModule } from '../activities/index.ts';
import { customersModule } from '../customers/index.ts';
import { productsModule } from '../products/index.ts';
import { dealsModule } from './index.ts';
import { SEEDED_STAGE_IDS as S } from './seeded-pipeline.ts';

let t: TestApp;
let manager: { userId: string; token: string };
let sales: { userId: string; token: string };
type Json = Record<string, unknown>;
const call = async (method: string, path: string, token: string, body?: unknown) => {
  const res = await t.app.request(
    `/api/v1${path}`,
    jsonRequest(method, body, bearer(token, { 'accept-language': 'en' })),
  );
  return { status: res.status, body: (await res.json()) as Json };
};
const snapshot = async () =>
  t.testDb.database.query(
    `select (select count(*) from pipeline_stages)::int as stages,
            (select string_agg(stage_id::text, ',' order by id) from deals) as deal_stages,
            (select string_agg(to_stage_id::text, ',' order by id) from deal_stage_history) as history`,
  );

let pipeline: string;
let stage: Record<'a' | 'b' | 'won' | 'lost', string>;
let dealId: string;

beforeAll(async () => {
  const modules = [customersModule, activitiesModule, productsModule, dealsModule];
  for (const m of modules) registerErrors(m.errors ?? {});
  t = await createTestApp(modules);
  manager = await t.userWithToken('manager');
  sales = await t.userWithToken('sales');
  const created = await call('POST', '/pipelines', manager.token, {
    nameTh: 'โครงการ',
    nameEn: 'Projects',
    stages: [
      { nameTh: 'สำรวจ', nameEn: 'Survey', probability: 20 },
      { nameTh: 'เสนอ', nameEn: 'Offer', probability: 60 },
      { nameTh: 'ได้งาน', nameEn: 'Won', probability: 100, kind: 'won' },
      { nameTh: 'ไม่ได้งาน', nameEn: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  pipeline = String(created.body.id);
  const [a, b, won, lost] = (created.body.stages as Json[]).map((s) => String(s.id));
  stage = { a: a as string, b: b as string, won: won as string, lost: lost as string };
  const customer = String((await call('POST', '/customers', sales.token, { firstName: 'สมศรี' })).body.id);
  const deal = await call('POST', '/deals', sales.token, {
    customerId: customer,
    title: 'งานติดตั้ง',
    pipelineId: pipeline,
  });
  dealId = String(deal.body.id);
  expect(deal.body.stageId).toBe(stage.a);
});
afterAll(() => t.close());

describe('deleting a stage', () => {
  it('is refused with codes, changing nothing, while deals sit on it or the target is wrong', async () => {
    const before = await snapshot();
    const path = `/pipelines/${pipeline}/stages/${stage.a}`;
    expect((await call('DELETE', path, sales.token)).body.code).toBe('pipeline_manage_forbidden');
    expect(await call('DELETE', path, manager.token)).toMatchObject({
      status: 409,
      body: { code: 'pipeline_stage_has_deals', detail: expect.stringContaining('1 deals') },
    });
    expect(await call('DELETE', `${path}?moveTo=${S.proposal}`, manager.token)).toMatchObject({
      status: 422,
      body: { code: 'pipeline_stage_target_other_pipeline' },
    });
    expect((await call('DELETE', `${path}?moveTo=${stage.won}`, manager.token)).body.code).toBe(
      'pipeline_stage_target_kind',
    );
    expect((await call('DELETE', `${path}?moveTo=${stage.a}`, manager.token)).body.code).toBe(
      'pipeline_stage_target_self',
    );
    expect((await call('DELETE', `/pipelines/${pipeline}/stages/${stage.won}`, manager.token)).body.code).toBe(
      'pipeline_stage_last_of_kind',
    );
    expect((await call('DELETE', `/pipelines/${pipeline}/stages/${S.leadIn}`, manager.token)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('moves its deals and their history to the target in one go', async () => {
    const res = await call('DELETE', `/pipelines/${pipeline}/stages/${stage.a}?moveTo=${stage.b}`, manager.token);
    expect(res).toMatchObject({ status: 200, body: { movedDeals: 1 } });
    const deal = await call('GET', `/deals/${dealId}`, sales.token);
    expect(deal.body).toMatchObject({ stageId: stage.b, stageNameEn: 'Offer', probability: 60 });
    expect((deal.body.history as Json[]).map((h) => h.toStageId)).toEqual([stage.b]);
    const p = await call('GET', `/pipelines/${pipeline}`, sales.token);
    expect((p.body.stages as Json[]).map((s) => s.nameEn)).toEqual(['Offer', 'Won', 'Lost']);
    const audit = await t.testDb.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_type = 'pipeline_stage' and action = 'delete' and entity_id = $1`,
      [stage.a],
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('keeps the last open stage, deletes an unused one, and asks for a target when history mentions it', async () => {
    expect((await call('DELETE', `/pipelines/${pipeline}/stages/${stage.b}`, manager.token)).body.code).toBe(
      'pipeline_stage_last_of_kind',
    );
    const c = await call('POST', `/pipelines/${pipeline}/stages`, manager.token, { nameTh: 'ต่อรอง', probability: 80 });
    const unused = await call('POST', `/pipelines/${pipeline}/stages`, manager.token, {
      nameTh: 'ว่าง',
      probability: 5,
    });
    expect((await call('DELETE', `/pipelines/${pipeline}/stages/${unused.body.id}`, manager.token)).body).toEqual({
      movedDeals: 0,
    });
    expect((await call('POST', `/deals/${dealId}/move`, sales.token, { stageId: c.body.id })).status).toBe(200);
    expect((await call('DELETE', `/pipelines/${pipeline}/stages/${stage.b}`, manager.token)).body.code).toBe(
      'pipeline_stage_in_history',
    );
    expect(
      (await call('DELETE', `/pipelines/${pipeline}/stages/${stage.b}?moveTo=${c.body.id}`, manager.token)).body,
    ).toEqual({ movedDeals: 0 });
    expect((await call('DELETE', `/pipelines/${pipeline}/stages/${c.body.id}`, manager.token)).body.code).toBe(
      'pipeline_stage_last_of_kind',
    );
  });
});
