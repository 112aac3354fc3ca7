import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/database.ts';
import type { EventJobData } from '../../core/events/outbox-dispatcher.ts';
import { customers } from '../customers/index.ts';
import { handleLadderEvent } from './jobs.ts';
import { customerLadder } from './schema.ts';
import { createLadderFixture, type LadderFixture } from './testing.ts';

let f: LadderFixture;
let db: Db;
const stageOf = async (id: string) =>
  (await db.select().from(customerLadder).where(eq(customerLadder.customerId, id)))[0]?.stage;
const event = (topic: string, aggregateId: string, payload: Record<string, unknown> = {}): EventJobData => ({
  eventId: 1,
  topic,
  aggregateType: 'customer',
  aggregateId,
  payload,
  createdAt: new Date().toISOString(),
});

beforeAll(async () => {
  f = await createLadderFixture();
  db = f.t.testDb.database.db;
});
afterAll(() => f.t.close());

describe('ladder events', () => {
  it('judges a new customer and their referrer when the customer is created', async () => {
    const referrer = await f.customer({ displayName: 'ผู้แนะนำ' });
    const friend = await f.customer({ displayName: 'เพื่อน', referredById: referrer });
    await handleLadderEvent(db, event('customer.created', friend, { referredById: referrer }));
    expect(await stageOf(friend)).toBe('prospect');
    expect(await stageOf(referrer)).toBe('advocate');
  });

  it('moves the old referrer down when a referral is changed, though the event does not name them', async () => {
    const [old] = await db.select().from(customerLadder).where(eq(customerLadder.stage, 'advocate'));
    const friend = (
      await db
        .select()
        .from(customers)
        .where(eq(customers.referredById, old?.customerId ?? ''))
    )[0];
    if (!old || !friend) throw new Error('fixture');
    await db.update(customers).set({ referredById: null }).where(eq(customers.id, friend.id));
    await handleLadderEvent(db, event('customer.updated', friend.id, { fields: ['referredById'] }));
    expect(await stageOf(old.customerId)).toBe('prospect');
  });

  it('counts a new order on the timeline, and ignores other timeline entries', async () => {
    const buyer = await f.customer({ displayName: 'ผู้ซื้อ' });
    await f.orders(buyer, 1);
    await handleLadderEvent(db, event('activity.created', buyer, { kind: 'note' }));
    expect(await stageOf(buyer)).toBeUndefined();
    await handleLadderEvent(db, event('activity.created', buyer, { kind: 'order' }));
    expect(await stageOf(buyer)).toBe('first_time_buyer');
  });

  it("judges the customer an order event names (the event's own id is the order's)", async () => {
    const buyer = await f.customer({ displayName: 'ผู้ซื้อออนไลน์' });
    await f.orders(buyer, 2);
    const orderEvent = { ...event('order.paid', '00000000-0000-4000-8000-000000000001', { customerId: buyer }) };
    await handleLadderEvent(db, { ...orderEvent, aggregateType: 'order' });
    expect(await stageOf(buyer)).toBe('repeat_customer');
  });

  it('judges everyone again after an import (one event for many orders), but not after a dry run', async () => {
    const buyer = await f.customer({ displayName: 'ผู้ซื้อจากไฟล์' });
    await f.orders(buyer, 2);
    const imported = (dryRun: boolean) => ({
      ...event('imports.completed', '00000000-0000-4000-8000-000000000002', { kind: 'orders', dryRun }),
      aggregateType: 'import',
    });
    await handleLadderEvent(db, imported(true));
    expect(await stageOf(buyer)).toBeUndefined();
    await handleLadderEvent(db, imported(false));
    expect(await stageOf(buyer)).toBe('repeat_customer');
  });

  it('judges everyone again once demo data is loaded', async () => {
    const buyer = await f.customer({ displayName: 'ลูกค้าตัวอย่าง' });
    await f.orders(buyer, 1);
    expect(await stageOf(buyer)).toBeUndefined();
    const loaded = event('demo.loaded', '00000000-0000-4000-8000-000000000003', { seed: 1, customers: 1, orders: 1 });
    await handleLadderEvent(db, { ...loaded, aggregateType: 'demo', aggregateId: null });
    expect(await stageOf(buyer)).toBe('first_time_buyer');
  });

  it('forgets the reasons staff typed when a customer is erased', async () => {
    const person = await f.customer({ displayName: 'ลบฉัน', ownerId: f.salesA.userId });
    const set = await f.call('PUT', `/customers/${person}/ladder/override`, f.salesA.token, {
      stage: 'supporter',
      reason: 'เพื่อนสนิทของคุณสมชาย',
    });
    expect(set.status).toBe(200);
    await handleLadderEvent(db, event('customer.erased', person, { mergedIds: [] }));
    const [row] = await db.select().from(customerLadder).where(eq(customerLadder.customerId, person));
    expect(row?.overrideReason).toBeNull();
    const view = (await (await f.call('GET', `/customers/${person}/ladder`, f.admin.token)).json()) as {
      history: { reason: string | null }[];
    };
    expect(view.history.every((h) => h.reason === null)).toBe(true);
  });
});
