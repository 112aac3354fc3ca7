import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/database.ts';
import { activities, recordActivities } from '../activities/index.ts';
import { countReferrals, customers } from '../customers/index.ts';
import { ladderFacts } from './ladder-facts.ts';
import { DEFAULT_LADDER_RULES } from './ladder-rules.ts';
import { recomputeAllLadder, recomputeLadder } from './recompute-ladder.ts';
import { customerLadder, ladderHistory } from './schema.ts';
import { createLadderFixture, type LadderFixture } from './testing.ts';

let f: LadderFixture;
let db: Db;
const stageOf = async (id: string) =>
  (await db.select().from(customerLadder).where(eq(customerLadder.customerId, id)))[0]?.stage;

beforeAll(async () => {
  f = await createLadderFixture();
  db = f.t.testDb.database.db;
});
afterAll(() => f.t.close());

describe('recomputing the ladder', () => {
  it('places each customer on the highest rung whose rule they meet', async () => {
    const prospect = await f.customer({ displayName: 'ยังไม่ซื้อ' });
    const first = await f.customer({ displayName: 'ซื้อครั้งแรก' });
    const repeat = await f.customer({ displayName: 'ซื้อซ้ำ' });
    const cancelled = await f.customer({ displayName: 'ยกเลิก' });
    const supporter = await f.customer({ displayName: 'แฟนตัวจริง', tags: ['supporter'] });
    const advocate = await f.customer({ displayName: 'นักบอกต่อ' });
    const friend = await f.customer({ displayName: 'เพื่อน', referredById: advocate });
    const partner = await f.customer({ displayName: 'ตัวแทน', customerType: 'reseller' });
    await f.orders(first, 1);
    await f.orders(repeat, 3);
    await f.orders(cancelled, 2, 'cancelled');
    await f.orders(advocate, 1);
    const all = [prospect, first, repeat, cancelled, supporter, advocate, friend, partner];
    const result = await recomputeLadder(db, all);
    expect(result.evaluated).toBe(all.length);
    expect(await Promise.all(all.map(stageOf))).toEqual([
      'prospect',
      'first_time_buyer',
      'repeat_customer',
      'prospect',
      'supporter',
      'advocate',
      'prospect',
      'partner',
    ]);
    const [row] = await db.select().from(customerLadder).where(eq(customerLadder.customerId, advocate));
    expect(row?.facts).toEqual({ purchases: 1, referrals: 1, matched: 'referrals' });
    // A first judgement is history; only a real rung (not "prospect") goes on the timeline.
    const timeline = await db
      .select()
      .from(activities)
      .where(and(eq(activities.refType, 'ladder'), eq(activities.customerId, repeat)));
    expect(timeline[0]?.subject).toContain('Ladder stage: Repeat customer');
    expect(
      await db
        .select()
        .from(activities)
        .where(and(eq(activities.refType, 'ladder'), eq(activities.customerId, prospect))),
    ).toHaveLength(0);
  });

  it('writes history only when the stage changes, and moves customers up as facts grow', async () => {
    const id = await f.customer({ displayName: 'ค่อยๆ ซื้อ' });
    await recomputeLadder(db, [id]);
    expect((await recomputeLadder(db, [id])).changed).toBe(0);
    await f.orders(id, 2);
    expect((await recomputeLadder(db, [id])).changed).toBe(1);
    expect(await stageOf(id)).toBe('repeat_customer');
    const history = await db.select().from(ladderHistory).where(eq(ladderHistory.customerId, id));
    expect(history.map((h) => [h.fromStage, h.toStage, h.source])).toEqual([
      [null, 'prospect', 'rules'],
      ['prospect', 'repeat_customer', 'rules'],
    ]);
  });

  it('recomputes everyone in batches and leaves merged or erased profiles out', async () => {
    const gone = await f.customer({ displayName: 'รวมแล้ว', status: 'merged' });
    const result = await recomputeAllLadder(db);
    expect(result.evaluated).toBeGreaterThanOrEqual(9);
    expect(await stageOf(gone)).toBeUndefined();
    expect((await recomputeAllLadder(db)).changed).toBe(0);
  });

  it('counts referrals the way the customers module does', async () => {
    const referrer = await f.customer({ displayName: 'ผู้แนะนำ' });
    await f.customer({ displayName: 'ก', referredById: referrer });
    await f.customer({ displayName: 'ข', referredById: referrer });
    await f.customer({ displayName: 'ค', referredById: referrer, status: 'merged' });
    const facts = await ladderFacts(db, [referrer]);
    expect(facts.get(referrer)?.referrals).toBe((await countReferrals(db, [referrer])).get(referrer));
    expect(facts.get(referrer)).toEqual({ purchases: 0, referrals: 2 });
  });

  it('counts an order once however many entries it has, and not once cancelled or refunded', async () => {
    const id = await f.customer({ displayName: 'ลูกค้าออนไลน์' });
    const entry = (ref: string, status: string, minutesAgo: number) => ({
      customerId: id,
      kind: 'order',
      refType: 'order',
      refId: ref,
      occurredAt: new Date(Date.now() - minutesAgo * 60_000),
      data: { status },
    });
    await recordActivities(db, [
      entry('o1', 'pending', 30),
      entry('o1', 'paid', 20),
      entry('o1', 'fulfilled', 10),
      entry('o2', 'paid', 30),
      entry('o2', 'refunded', 5),
      entry('o3', 'pending', 1),
    ]);
    expect((await ladderFacts(db, [id])).get(id)).toEqual({ purchases: 1, referrals: 0 });
  });

  it('supports the customer-list filter by stage (the condition list-filters.ts uses, by table name)', async () => {
    const unjudged = await f.customer({ displayName: 'ยังไม่ประเมิน' });
    const stages = ['prospect', 'partner'];
    const rows = await db
      .select({ id: customers.id })
      .from(customers)
      .where(
        sql`coalesce((select cl.stage from customer_ladder cl where cl.customer_id = ${customers.id}), 'prospect') in (${sql.join(
          stages.map((st) => sql`${st}`),
          sql`, `,
        )})`,
      );
    const ids = rows.map((r) => r.id);
    expect(ids).toContain(unjudged);
    const partners = await db.select().from(customerLadder).where(eq(customerLadder.stage, 'partner'));
    expect(partners.length).toBeGreaterThan(0);
    for (const p of partners) expect(ids).toContain(p.customerId);
    const repeat = await db.select().from(customerLadder).where(eq(customerLadder.stage, 'repeat_customer'));
    for (const r of repeat) expect(ids).not.toContain(r.customerId);
  });

  it('uses the defaults when no rules are stored', () => {
    expect(DEFAULT_LADDER_RULES.repeatCustomer.minPurchases).toBeGreaterThan(
      DEFAULT_LADDER_RULES.firstTimeBuyer.minPurchases,
    );
  });
});
