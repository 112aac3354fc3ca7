import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from '../../core/db/database.ts';
import { activities } from '../activities/index.ts';
import { createCustomer, customers } from '../customers/index.ts';
import { createStaff, type Staff } from '../customers/testing.ts';
import { mayContact, mayContactMany } from './may-contact.ts';
import { recordConsent } from './record-consent.ts';
import { consentRecords } from './schema.ts';
import { withdrawConsents } from './withdraw-consents.ts';

let t: TestDatabase;
let db: Db;
let staff: Staff;

async function newCustomer(name: string) {
  return (await createCustomer(db, staff.salesA, { firstName: name, email: `${name}@example.com` })).id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.db;
  staff = await createStaff(db);
});
afterAll(() => t.cleanup());

describe('mayContact against the database', () => {
  it('follows grants and withdrawals, with the seeded purposes and their lawful basis', async () => {
    const id = await newCustomer('somchai');
    expect(await mayContact(db, { customerId: id, channel: 'email', purpose: 'marketing' })).toEqual({
      allowed: false,
      reason: 'no_consent',
    });
    expect(await mayContact(db, { customerId: id, channel: 'sms', purpose: 'service_updates' })).toEqual({
      allowed: true,
      reason: 'lawful_basis',
      basis: 'contract',
    });
    const grant = await recordConsent(db, staff.salesA, id, {
      purpose: 'marketing',
      channel: 'any',
      status: 'granted',
    });
    expect(grant.textVersion).toBe(1);
    const yes = await mayContact(db, { customerId: id, channel: 'line', purpose: 'marketing' });
    expect(yes).toEqual({ allowed: true, reason: 'consent_granted', basis: 'consent', recordId: grant.id });
    await recordConsent(db, staff.salesA, id, { purpose: 'marketing', channel: 'line', status: 'withdrawn' });
    expect((await mayContact(db, { customerId: id, channel: 'line', purpose: 'marketing' })).reason).toBe(
      'consent_withdrawn',
    );
    expect((await mayContact(db, { customerId: id, channel: 'email', purpose: 'marketing' })).allowed).toBe(true);
    // Asked about the past, the history answers: before the withdrawal LINE was allowed.
    const [withdrawal] = await db
      .select()
      .from(consentRecords)
      .where(eq(consentRecords.status, 'withdrawn'))
      .orderBy(consentRecords.recordedAt);
    const justBefore = new Date((withdrawal?.recordedAt ?? new Date()).getTime() - 1);
    expect(
      (await mayContact(db, { customerId: id, channel: 'line', purpose: 'marketing', at: justBefore })).allowed,
    ).toBe(true);
    expect(
      (await mayContact(db, { customerId: id, channel: 'line', purpose: 'marketing', at: new Date(0) })).reason,
    ).toBe('no_consent');
  });

  it('refuses merged and erased profiles, unknown customers and unknown purposes', async () => {
    const merged = await newCustomer('merged');
    const erased = await newCustomer('erased');
    for (const id of [merged, erased]) {
      await recordConsent(db, staff.salesA, id, { purpose: 'marketing', channel: 'any', status: 'granted' });
    }
    await db.update(customers).set({ status: 'merged' }).where(eq(customers.id, merged));
    await db.update(customers).set({ status: 'erased' }).where(eq(customers.id, erased));
    const ask = (customerId: string, purpose = 'marketing') =>
      mayContact(db, { customerId, channel: 'email', purpose });
    expect(await ask(merged)).toEqual({ allowed: false, reason: 'profile_inactive' });
    expect(await ask(erased)).toEqual({ allowed: false, reason: 'profile_inactive' });
    expect(await ask('00000000-0000-4000-8000-000000000000')).toEqual({ allowed: false, reason: 'customer_not_found' });
    expect(await ask('not-a-uuid')).toEqual({ allowed: false, reason: 'customer_not_found' });
    expect(await ask(await newCustomer('x'), 'no_such_purpose')).toEqual({ allowed: false, reason: 'purpose_unknown' });
  });

  it('answers a campaign batch in one call, each customer on their own record', async () => {
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await newCustomer(`batch${i}`));
    for (const [i, id] of ids.entries()) {
      if (i % 3 === 0)
        await recordConsent(db, staff.salesA, id, { purpose: 'marketing', channel: 'sms', status: 'granted' });
      if (i % 3 === 1)
        await recordConsent(db, staff.salesA, id, { purpose: 'marketing', channel: 'sms', status: 'denied' });
    }
    const decisions = await mayContactMany(db, { customerIds: ids, channel: 'sms', purpose: 'marketing' });
    expect(decisions.size).toBe(30);
    for (const [i, id] of ids.entries()) {
      const expected = ['consent_granted', 'consent_denied', 'no_consent'][i % 3];
      expect(decisions.get(id)?.reason).toBe(expected);
    }
    expect((await mayContactMany(db, { customerIds: [], channel: 'sms', purpose: 'marketing' })).size).toBe(0);
  });
});

describe('one-click withdrawal', () => {
  it('withdraws every granted consent and objects to contract purposes, then changes nothing more', async () => {
    const id = await newCustomer('withdrawer');
    await recordConsent(db, staff.salesA, id, { purpose: 'marketing', channel: 'email', status: 'granted' });
    await recordConsent(db, staff.salesA, id, { purpose: 'profiling', channel: 'any', status: 'granted' });
    const first = await withdrawConsents(db, staff.salesA, id, {});
    const written = first.withdrawn.map((r) => `${r.purpose}.${r.channel}`).sort();
    expect(written).toEqual(['marketing.email', 'profiling.any', 'service_updates.any']);
    for (const purpose of ['marketing', 'profiling', 'service_updates', 'third_party_sharing']) {
      for (const channel of ['email', 'sms', 'line', 'phone'] as const) {
        expect((await mayContact(db, { customerId: id, channel, purpose })).allowed).toBe(false);
      }
    }
    expect((await withdrawConsents(db, staff.salesA, id, {})).withdrawn).toEqual([]);
    const timeline = await db.select().from(activities).where(eq(activities.customerId, id));
    expect(timeline.filter((a) => a.kind === 'consent')).toHaveLength(5);
  });

  it('withdrawing one channel of a grant on any keeps the other channels', async () => {
    const id = await newCustomer('onechannel');
    await recordConsent(db, staff.salesA, id, { purpose: 'marketing', channel: 'any', status: 'granted' });
    const { withdrawn } = await withdrawConsents(db, staff.salesA, id, { purpose: 'marketing', channel: 'sms' });
    expect(withdrawn.map((r) => r.channel)).toEqual(['sms']);
    expect((await mayContact(db, { customerId: id, channel: 'sms', purpose: 'marketing' })).allowed).toBe(false);
    expect((await mayContact(db, { customerId: id, channel: 'email', purpose: 'marketing' })).allowed).toBe(true);
  });
});
