import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { mergeCustomers } from '../dedupe/index.ts';
import { handleLadderEvent } from './jobs.ts';
import { recomputeLadder } from './recompute-ladder.ts';
import { customerLadder, ladderHistory } from './schema.ts';
import { createLadderFixture, type LadderFixture } from './testing.ts';

let f: LadderFixture;
let db: Db;
beforeAll(async () => {
  f = await createLadderFixture();
  db = f.t.testDb.database.db;
});
afterAll(() => f.t.close());

describe('ladder and merges', () => {
  // The merge treats customer_ladder as derived (dedupe/customer-tables.ts): the survivor is
  // judged again instead of receiving the merged profile's row.
  it('a merge of two judged customers succeeds; the survivor is judged on the combined facts', async () => {
    const a = await f.customer({ displayName: 'สมชาย' });
    const b = await f.customer({ displayName: 'สมชาย ซ้ำ' });
    await f.orders(a, 1);
    await f.orders(b, 1);
    await recomputeLadder(db, [a, b]);
    const merge = await mergeCustomers(db, systemActor('cli'), { survivorId: a, mergedIds: [b] });
    await handleLadderEvent(db, {
      eventId: 1,
      topic: 'customer.merged',
      aggregateType: 'customer',
      aggregateId: a,
      payload: { survivorId: a, mergedIds: [b], mergeId: merge.mergeId },
      createdAt: new Date().toISOString(),
    });
    const [row] = await db.select().from(customerLadder).where(eq(customerLadder.customerId, a));
    expect(row?.stage).toBe('repeat_customer');
    // The merged profile's history moved with it, as everything with a customer_id does.
    expect(
      (await db.select().from(ladderHistory).where(eq(ladderHistory.customerId, a))).length,
    ).toBeGreaterThanOrEqual(3);
  });
});
