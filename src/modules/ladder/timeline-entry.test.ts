import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/database.ts';
import { recomputeLadder } from './recompute-ladder.ts';
import { createLadderFixture, type LadderFixture } from './testing.ts';
import { ladderTimelineSubject } from './timeline-entry.ts';

let f: LadderFixture;
let db: Db;

beforeAll(async () => {
  f = await createLadderFixture();
  db = f.t.testDb.database.db;
});
afterAll(() => f.t.close());

interface Entry {
  kind: string;
  subject: string | null;
  body: string | null;
  refType: string | null;
  data: Record<string, unknown>;
}

/** The customer's ladder entries as the timeline API serves them to the web, oldest first. */
async function ladderEntries(customerId: string): Promise<Entry[]> {
  const res = await f.call('GET', `/customers/${customerId}/timeline?limit=100`, f.admin.token);
  expect(res.status).toBe(200);
  const { items } = (await res.json()) as { items: Entry[] };
  return items.filter((e) => e.refType === 'ladder').reverse();
}

describe('ladder stage changes on the timeline', () => {
  it('carry the stage keys and the source, from the rules and from staff', async () => {
    const id = await f.customer({ displayName: 'ร้านป้าศรี' });
    await f.orders(id, 1);
    await recomputeLadder(db, [id]);
    await f.orders(id, 2);
    await recomputeLadder(db, [id]);
    const set = await f.call('PUT', `/customers/${id}/ladder/override`, f.admin.token, {
      stage: 'partner',
      reason: 'เซ็นสัญญาตัวแทนจำหน่าย',
    });
    expect(set.status).toBe(200);
    expect((await f.call('DELETE', `/customers/${id}/ladder/override`, f.admin.token)).status).toBe(200);

    const entries = await ladderEntries(id);
    expect(entries.map((e) => e.data)).toEqual([
      { ladder: { from: null, to: 'first_time_buyer', source: 'rules' } },
      { ladder: { from: 'first_time_buyer', to: 'repeat_customer', source: 'rules' } },
      { ladder: { from: 'repeat_customer', to: 'partner', source: 'override' } },
      { ladder: { from: 'partner', to: 'repeat_customer', source: 'override_cleared' } },
    ]);
    expect(entries.every((e) => e.kind === 'system')).toBe(true);
    expect(entries[2]?.body).toBe('เซ็นสัญญาตัวแทนจำหน่าย');
    // The subject keeps both languages for readers without the keys; the SQL and the staff writer agree.
    expect(entries.map((e) => e.subject)).toEqual([
      ladderTimelineSubject(null, 'first_time_buyer', 'rules'),
      ladderTimelineSubject('first_time_buyer', 'repeat_customer', 'rules'),
      ladderTimelineSubject('repeat_customer', 'partner', 'override'),
      ladderTimelineSubject('partner', 'repeat_customer', 'override_cleared'),
    ]);
  });

  it('words the subject in Thai and English', () => {
    expect(ladderTimelineSubject('supporter', 'partner', 'override')).toBe(
      'ขั้นความสัมพันธ์ (กำหนดโดยพนักงาน): ผู้สนับสนุน → พันธมิตร / Ladder stage (set by staff): Supporter → Partner',
    );
    expect(ladderTimelineSubject(null, 'repeat_customer', 'rules')).toBe(
      'ขั้นความสัมพันธ์: ลูกค้าซื้อซ้ำ / Ladder stage: Repeat customer',
    );
  });
});
