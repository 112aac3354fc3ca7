import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import type { Db } from '../../core/db/database.ts';
import { createCustomer, customerIdentities } from '../customers/index.ts';
import { createStaff, type Staff } from '../customers/testing.ts';
import { resolveCustomer } from './resolve-customer.ts';
import { resolveCustomers } from './resolve-customers.ts';
import { identitiesOf, identityCounts, refusal } from './testing.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
});
afterAll(() => testDb.cleanup());

describe('resolveCustomers (batch)', () => {
  it('keeps good records, reports bad ones at their index, and resolves repeats within the batch', async () => {
    const before = await identityCounts(db);
    const out = await resolveCustomers(db, staff.service, [
      { identifiers: [{ kind: 'phone', value: '0841230000' }], profile: { firstName: 'หนึ่ง' } },
      { identifiers: [{ kind: 'email', value: 'broken@' }] },
      {
        identifiers: [
          { kind: 'phone', value: '084-123-0000' },
          { kind: 'pos', value: 'B-2' },
        ],
      },
    ]);
    expect(out.map((o) => o.ok)).toEqual([true, false, true]);
    const [first, bad, third] = out;
    expect(bad).toMatchObject({ ok: false, code: 'validation_failed', errors: [{ path: 'identifiers.0.value' }] });
    if (!first?.ok || !third?.ok) throw new Error('expected resolutions');
    expect(first.created).toBe(true);
    expect(third).toMatchObject({ created: false, matchedBy: { rule: 'phone' } });
    expect(third.customer.id).toBe(first.customer.id);
    const after = await identityCounts(db);
    expect(after.customers - before.customers).toBe(1);
    expect(await identitiesOf(db, first.customer.id)).toEqual(['phone::+66841230000*', 'pos::B-2']);
  });

  it('rolls back only the refused record when a write inside it fails', async () => {
    const ofA = await createCustomer(db, staff.salesA, { firstName: 'ในขอบเขต A', phone: '0845550000' });
    const out = await resolveCustomers(db, staff.salesB, [
      { identifiers: [{ kind: 'pos', value: 'B-ok' }], profile: { firstName: 'ของบี' } },
      {
        identifiers: [
          { kind: 'phone', value: '0845550000' },
          { kind: 'pos', value: 'B-never' },
        ],
      },
    ]);
    expect(out.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['ok', 'customer_exists_elsewhere']);
    const [never] = await db.select().from(customerIdentities).where(eq(customerIdentities.value, 'B-never'));
    expect(never).toBeUndefined();
    expect(await identitiesOf(db, ofA.id)).toEqual(['phone::+66845550000*']);
  });

  it('refuses more than the batch limit before writing', async () => {
    const records = Array.from({ length: 1001 }, (_, i) => ({
      identifiers: [{ kind: 'pos' as const, value: `L${i}` }],
    }));
    const err = await refusal(resolveCustomers(db, staff.service, records));
    expect(err.code).toBe('validation_failed');
  });
});

describe('races with writers that take no identifier locks', () => {
  it('a plain create of the same phone at the same time leaves one holder and a successful resolution', async () => {
    for (let round = 0; round < 5; round++) {
      const phone = `08560000${String(round).padStart(2, '0')}`;
      const [created, resolved] = await Promise.allSettled([
        createCustomer(db, staff.admin, { firstName: `ตรง${round}`, phone }),
        resolveCustomer(db, staff.admin, { identifiers: [{ kind: 'phone', value: phone }] }),
      ]);
      expect(resolved.status).toBe('fulfilled');
      const holders = await db
        .select({ customerId: customerIdentities.customerId })
        .from(customerIdentities)
        .where(eq(customerIdentities.value, `+66${phone.slice(1)}`));
      expect(holders).toHaveLength(1);
      if (resolved.status !== 'fulfilled') continue;
      expect(holders[0]?.customerId).toBe(resolved.value.customer.id);
      if (created.status === 'fulfilled') expect(created.value.id).toBe(resolved.value.customer.id);
      else expect((created.reason as { code?: string }).code).toBe('identifier_in_use');
    }
  });
});
