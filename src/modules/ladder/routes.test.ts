import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/database.ts';
import type { LadderRulesView } from './ladder-rules-view.ts';
import type { CustomerLadderView, StageCounts } from './ladder-view.ts';
import { recomputeLadder } from './recompute-ladder.ts';
import { ladderHistory } from './schema.ts';
import { createLadderFixture, type LadderFixture } from './testing.ts';

let f: LadderFixture;
let db: Db;
let mine: string;
let theirs: string;

const json = async <T>(res: Response) => (await res.json()) as T;
const countOf = (c: StageCounts, stage: string) => c.stages.find((s) => s.stage === stage)?.count;

beforeAll(async () => {
  f = await createLadderFixture();
  db = f.t.testDb.database.db;
  mine = await f.customer({ displayName: 'ลูกค้าของ A', ownerId: f.salesA.userId });
  theirs = await f.customer({ displayName: 'ลูกค้าของ B', ownerId: f.salesB.userId });
  await f.orders(mine, 2);
  await f.orders(theirs, 1);
  await recomputeLadder(db, [mine, theirs]);
});
afterAll(() => f.t.close());

describe('ladder HTTP API', () => {
  it("shows a customer's stage, the facts behind it and its history", async () => {
    const res = await f.call('GET', `/customers/${mine}/ladder`, f.salesA.token);
    expect(res.status).toBe(200);
    const body = await json<CustomerLadderView>(res);
    expect(body).toMatchObject({ stage: 'repeat_customer', ruleStage: 'repeat_customer', override: null });
    expect(body.facts).toEqual({ purchases: 2, referrals: 0, matched: 'purchases' });
    expect(body.history[0]).toMatchObject({ fromStage: null, toStage: 'repeat_customer', source: 'rules' });
    // Another salesperson's customer does not exist for A.
    expect((await f.call('GET', `/customers/${theirs}/ladder`, f.salesA.token)).status).toBe(404);
  });

  it('counts customers per stage within what the caller may see', async () => {
    const admin = await json<StageCounts>(await f.call('GET', '/ladder/stages', f.admin.token));
    expect(admin.total).toBe(2);
    expect(admin.stages.map((s) => s.stage)).toEqual([
      'prospect',
      'first_time_buyer',
      'repeat_customer',
      'supporter',
      'advocate',
      'partner',
    ]);
    expect(countOf(admin, 'repeat_customer')).toBe(1);
    expect(countOf(admin, 'first_time_buyer')).toBe(1);
    const a = await json<StageCounts>(await f.call('GET', '/ladder/stages', f.salesA.token));
    expect(a.total).toBe(1);
    expect(countOf(a, 'first_time_buyer')).toBe(0);
  });

  it('lets staff override the stage with a reason, which the rules leave alone until cleared', async () => {
    const set = await f.call('PUT', `/customers/${mine}/ladder/override`, f.salesA.token, {
      stage: 'partner',
      reason: 'เซ็นสัญญาตัวแทนจำหน่าย',
    });
    expect(set.status).toBe(200);
    const body = await json<CustomerLadderView>(set);
    expect(body).toMatchObject({ stage: 'partner', ruleStage: 'repeat_customer' });
    expect(body.override).toMatchObject({ stage: 'partner', reason: 'เซ็นสัญญาตัวแทนจำหน่าย' });
    expect(body.history[0]).toMatchObject({ fromStage: 'repeat_customer', toStage: 'partner', source: 'override' });
    const retried = await f.call('PUT', `/customers/${mine}/ladder/override`, f.salesA.token, {
      stage: 'partner',
      reason: 'เซ็นสัญญาตัวแทนจำหน่าย',
    });
    expect((await json<CustomerLadderView>(retried)).history).toHaveLength(body.history.length);

    await f.orders(mine, 10);
    await recomputeLadder(db, [mine]);
    const after = await json<CustomerLadderView>(await f.call('GET', `/customers/${mine}/ladder`, f.salesA.token));
    expect(after).toMatchObject({ stage: 'partner', ruleStage: 'supporter' });

    const cleared = await f.call('DELETE', `/customers/${mine}/ladder/override`, f.salesA.token);
    expect(cleared.status).toBe(200);
    const back = await json<CustomerLadderView>(cleared);
    expect(back).toMatchObject({ stage: 'supporter', override: null });
    expect(back.history[0]).toMatchObject({ fromStage: 'partner', toStage: 'supporter', source: 'override_cleared' });

    const again = await f.call('DELETE', `/customers/${mine}/ladder/override`, f.salesA.token, undefined, 'th');
    expect(again.status).toBe(409);
    expect(await json<{ code: string; detail: string }>(again)).toMatchObject({
      code: 'ladder_no_override',
      detail: expect.stringContaining('ไม่มีขั้นที่พนักงานกำหนด'),
    });
  });

  it('refuses bad or unauthorised overrides and changes nothing', async () => {
    const before = (await db.select().from(ladderHistory).where(eq(ladderHistory.customerId, theirs))).length;
    const bad = await f.call('PUT', `/customers/${theirs}/ladder/override`, f.admin.token, {
      stage: 'vip',
      reason: '',
    });
    expect(bad.status).toBe(400);
    const problem = await json<{ code: string; errors: { path: string }[] }>(bad);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['reason', 'stage']);
    expect(
      (await f.call('PUT', `/customers/${theirs}/ladder/override`, f.salesA.token, { stage: 'partner', reason: 'x' }))
        .status,
    ).toBe(404);
    expect(
      (await f.call('PUT', `/customers/${theirs}/ladder/override`, f.viewer.token, { stage: 'partner', reason: 'x' }))
        .status,
    ).toBe(403);
    expect((await db.select().from(ladderHistory).where(eq(ladderHistory.customerId, theirs))).length).toBe(before);
  });

  it('lets admins tune the rules, explaining bad rules in Thai or English and keeping the old ones', async () => {
    const view = await json<LadderRulesView>(await f.call('GET', '/ladder/rules', f.admin.token));
    expect(view.updatedAt).toBeNull();
    const bad = { ...view.rules, repeatCustomer: { enabled: true, minPurchases: 1 } };
    const en = await f.call('PUT', '/ladder/rules', f.admin.token, bad, 'en');
    expect(en.status).toBe(400);
    expect((await json<{ errors: { path: string; message: string }[] }>(en)).errors).toContainEqual({
      path: 'repeatCustomer.minPurchases',
      message: 'A repeat customer needs more purchases than a first-time buyer.',
    });
    const th = await f.call('PUT', '/ladder/rules', f.admin.token, bad, 'th');
    expect((await json<{ errors: { message: string }[] }>(th)).errors[0]?.message).toBe(
      'ลูกค้าซื้อซ้ำต้องมีจำนวนการซื้อมากกว่าลูกค้าซื้อครั้งแรก',
    );
    const unknown = await f.call('PUT', '/ladder/rules', f.admin.token, { ...view.rules, vip: {} });
    expect(unknown.status).toBe(400);
    expect((await json<LadderRulesView>(await f.call('GET', '/ladder/rules', f.admin.token))).updatedAt).toBeNull();

    expect((await f.call('PUT', '/ladder/rules', f.salesA.token, view.rules)).status).toBe(403);
    const tuned = { ...view.rules, repeatCustomer: { enabled: true, minPurchases: 3 } };
    const ok = await f.call('PUT', '/ladder/rules', f.admin.token, tuned);
    expect(ok.status).toBe(200);
    expect((await json<LadderRulesView>(ok)).rules.repeatCustomer.minPurchases).toBe(3);
  });

  it('recomputes everyone on demand with the new rules (admins only)', async () => {
    const other = await f.customer({ displayName: 'ซื้อสองครั้ง', ownerId: f.salesA.userId });
    await f.orders(other, 2);
    expect((await f.call('POST', '/ladder/recompute', f.salesA.token)).status).toBe(403);
    const res = await f.call('POST', '/ladder/recompute', f.admin.token);
    expect(res.status).toBe(200);
    expect(await json<{ evaluated: number }>(res)).toMatchObject({ evaluated: 3 });
    // Two purchases no longer make a repeat customer under the tuned rules.
    const view = await json<CustomerLadderView>(await f.call('GET', `/customers/${other}/ladder`, f.salesA.token));
    expect(view.stage).toBe('first_time_buyer');
  });
});
