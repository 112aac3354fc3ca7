import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/database.ts';
import { createExtrasFixture, type ExtrasFixture, insertCustomer, problemOf } from './extras-testing.ts';
import { countReferrals, type ReferralsView } from './referral-list.ts';

let f: ExtrasFixture;
let db: Db;
let advocate: string;
let grandparent: string;
const referredByA: string[] = [];

beforeAll(async () => {
  f = await createExtrasFixture();
  db = f.t.testDb.database.db;
  grandparent = await insertCustomer(db, { displayName: 'ผู้แนะนำคนแรก', ownerId: f.salesB.userId });
  advocate = await insertCustomer(db, { displayName: 'นักแนะนำ', ownerId: f.salesA.userId, referredById: grandparent });
  for (let i = 0; i < 5; i += 1) {
    referredByA.push(
      await insertCustomer(db, {
        displayName: `เพื่อน ${i}`,
        ownerId: f.salesA.userId,
        referredById: advocate,
        createdAt: new Date(Date.UTC(2025, 0, 1 + i)),
      }),
    );
  }
  await insertCustomer(db, { displayName: 'ของ B', ownerId: f.salesB.userId, referredById: advocate });
  await insertCustomer(db, {
    displayName: 'รวมแล้ว',
    ownerId: f.salesA.userId,
    referredById: advocate,
    status: 'merged',
  });
});
afterAll(() => f.t.close());

describe('referrals', () => {
  it('shows who referred a customer and pages through whom they referred, counting everyone', async () => {
    const first = await f.call('GET', `/customers/${advocate}/referrals?limit=3`, f.salesA.token);
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as ReferralsView;
    // The referrer belongs to salesB: it exists, but salesA may not see it.
    expect(page1.referredBy).toBeNull();
    expect(page1.referredByHidden).toBe(true);
    expect(page1.count).toBe(6);
    expect(page1.referred.items.map((c) => c.displayName)).toEqual(['เพื่อน 4', 'เพื่อน 3', 'เพื่อน 2']);
    const next = await f.call(
      'GET',
      `/customers/${advocate}/referrals?limit=3&cursor=${page1.referred.nextCursor}`,
      f.salesA.token,
    );
    const page2 = (await next.json()) as ReferralsView;
    expect(page2.referred.items.map((c) => c.displayName)).toEqual(['เพื่อน 1', 'เพื่อน 0']);
    expect(page2.referred.nextCursor).toBeNull();
    const admin = (await (
      await f.call('GET', `/customers/${advocate}/referrals`, f.admin.token)
    ).json()) as ReferralsView;
    expect(admin.referredBy?.displayName).toBe('ผู้แนะนำคนแรก');
    expect(admin.referredByHidden).toBe(false);
    expect(admin.referred.items).toHaveLength(6);
  });

  it('hides a customer the caller may not see (404) and refuses a bad cursor (400)', async () => {
    expect(
      (await problemOf(await f.call('GET', `/customers/${grandparent}/referrals`, f.salesA.token), 404)).code,
    ).toBe('not_found');
    const bad = await f.call('GET', `/customers/${advocate}/referrals?cursor=garbage`, f.salesA.token);
    expect((await problemOf(bad, 400)).errors?.map((e) => e.path)).toEqual(['cursor']);
  });

  it('countReferrals counts active referred customers per referrer', async () => {
    const counts = await countReferrals(db, [advocate, grandparent, referredByA[0] ?? '']);
    expect(Object.fromEntries(counts)).toEqual({ [advocate]: 6, [grandparent]: 1 });
    expect((await countReferrals(db, [])).size).toBe(0);
  });
});
