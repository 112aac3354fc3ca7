import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../core/audit/schema.ts';
import type { Db } from '../../core/db/database.ts';
import { outbox } from '../../core/events/schema.ts';
import { listTimeline } from '../activities/index.ts';
import { createCustomer, customers } from '../customers/index.ts';
import { createStaff, type Staff, userIdOf } from '../customers/testing.ts';
import { resolveCustomer } from './resolve-customer.ts';
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

describe('resolveCustomer', () => {
  it('creates a profile from identifiers alone, with primary contacts, an identity_match entry, audit and event', async () => {
    const r = await resolveCustomer(db, staff.salesA, {
      identifiers: [
        { kind: 'phone', value: '081-000-1111' },
        { kind: 'email', value: ' New.Person@Example.com ' },
        { kind: 'pos', value: 'M-0001' },
      ],
      channel: 'form',
    });
    expect(r.created).toBe(true);
    expect(r.matchedBy).toBeNull();
    expect(r.conflicts).toEqual([]);
    expect(r.customer).toMatchObject({
      displayName: 'new.person@example.com',
      email: 'new.person@example.com',
      phone: '+66810001111',
      ownerId: userIdOf(staff.salesA),
    });
    expect(await identitiesOf(db, r.customer.id)).toEqual([
      'email::new.person@example.com*',
      'phone::+66810001111*',
      'pos::M-0001',
    ]);
    const timeline = await listTimeline(db, staff.salesA, r.customer.id, { limit: 10, kind: 'identity_match' });
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]?.data).toMatchObject({ created: true, channel: 'form', rule: null });
    expect(timeline.items[0]?.summary.en).toBe('New profile created (via form)');
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, r.customer.id), eq(auditLog.action, 'identity.resolve')));
    expect(audit).toHaveLength(1);
    const events = await db.select().from(outbox).where(eq(outbox.aggregateId, r.customer.id));
    expect(events.map((e) => e.topic)).toContain('identity.resolved');
    // pos ids are searchable once attached.
    const [row] = await db.select({ s: customers.searchText }).from(customers).where(eq(customers.id, r.customer.id));
    expect(row?.s.split(' ')).toContain('m');
  });

  it('matches the same phone typed another way, records "matched by phone +6681…", attaches new ids', async () => {
    const first = await resolveCustomer(db, staff.salesA, {
      identifiers: [{ kind: 'phone', value: '0812223333' }],
      profile: { firstName: 'สมชาย' },
    });
    const again = await resolveCustomer(db, staff.salesA, {
      identifiers: [
        { kind: 'phone', value: '+66 81 222 3333' },
        { kind: 'external', system: 'Shopify', value: '998877' },
      ],
      profile: { lastName: 'ใจดี' },
    });
    expect(again.created).toBe(false);
    expect(again.customer.id).toBe(first.customer.id);
    expect(again.matchedBy).toEqual({ rule: 'phone', kind: 'phone', system: '', value: '+66812223333' });
    expect(again.customer.displayName).toBe('สมชาย ใจดี');
    expect(await identitiesOf(db, first.customer.id)).toEqual(['external:shopify:998877', 'phone::+66812223333*']);
    const timeline = await listTimeline(db, staff.salesA, first.customer.id, { limit: 10, kind: 'identity_match' });
    expect(timeline.items[0]?.summary).toEqual({
      en: 'Matched by phone +6681… (via api)',
      th: 'จับคู่ด้วย phone +6681… (ผ่าน api)',
    });
    // Now the external id, the most trusted, decides.
    const byExternal = await resolveCustomer(db, staff.salesA, {
      identifiers: [{ kind: 'external', system: 'shopify', value: '998877' }],
    });
    expect(byExternal.matchedBy?.rule).toBe('external:shopify');
    expect(byExternal.customer.id).toBe(first.customer.id);
  });

  it('follows trust order, and never steals an identifier held by another profile (conflict, recorded)', async () => {
    const a = await createCustomer(db, staff.admin, { firstName: 'เอ', lineId: 'U-line-a' });
    const b = await createCustomer(db, staff.admin, { firstName: 'บี', phone: '0893334444' });
    const r = await resolveCustomer(db, staff.admin, {
      identifiers: [
        { kind: 'phone', value: '089-333-4444' },
        { kind: 'line', value: 'U-line-a' },
      ],
      profile: { nickname: 'ตุ๋ย', phone: '0893334444' },
    });
    expect(r.customer.id).toBe(a.id);
    expect(r.matchedBy?.rule).toBe('line');
    expect(r.customer.phone).toBeNull();
    expect(r.customer.nickname).toBe('ตุ๋ย');
    expect(r.conflicts).toEqual([{ kind: 'phone', system: '', value: '+66893334444', customerId: b.id }]);
    expect(await identitiesOf(db, b.id)).toEqual(['phone::+66893334444*']);
    expect(await identitiesOf(db, a.id)).toEqual(['line::U-line-a*']);
    const [entry] = (await listTimeline(db, staff.admin, a.id, { limit: 1, kind: 'identity_match' })).items;
    expect(entry?.data.conflicts).toEqual([{ kind: 'phone', system: '', value: '+66893334444', customerId: b.id }]);
    const conflictEvents = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.topic, 'identity.conflict'), eq(outbox.aggregateId, a.id)));
    expect(conflictEvents.map((e) => e.payload)).toEqual([
      { otherCustomerId: b.id, kind: 'phone', system: '', channel: 'api' },
    ]);
  });

  it('onMatch skip changes neither the profile nor its identifiers', async () => {
    const c = await createCustomer(db, staff.salesA, { firstName: 'คงเดิม', email: 'keep@example.com' });
    const r = await resolveCustomer(db, staff.salesA, {
      identifiers: [
        { kind: 'email', value: 'KEEP@example.com' },
        { kind: 'pos', value: 'NEW-POS' },
      ],
      profile: { firstName: 'เปลี่ยน' },
      onMatch: 'skip',
    });
    expect(r).toMatchObject({ created: false, matchedBy: { rule: 'email' } });
    expect(r.customer.firstName).toBe('คงเดิม');
    expect(await identitiesOf(db, c.id)).toEqual(['email::keep@example.com*']);
    const [entry] = (await listTimeline(db, staff.salesA, c.id, { limit: 1, kind: 'identity_match' })).items;
    expect(entry?.data).toMatchObject({ skipped: true, rule: 'email' });
  });

  it('on update fills an empty phone column from the record and overwrites given fields', async () => {
    const c = await createCustomer(db, staff.salesA, { firstName: 'เติม', email: 'fill@example.com' });
    const r = await resolveCustomer(db, staff.salesA, {
      identifiers: [
        { kind: 'email', value: 'fill@example.com' },
        { kind: 'phone', value: '0865556666' },
      ],
      profile: { province: 'เชียงใหม่' },
    });
    expect(r.customer).toMatchObject({ id: c.id, phone: '+66865556666', province: 'เชียงใหม่' });
    expect(await identitiesOf(db, c.id)).toEqual(['email::fill@example.com*', 'phone::+66865556666*']);
  });

  it('refuses invalid identifiers and profile fields per field, in Thai and English, writing nothing', async () => {
    const before = await identityCounts(db);
    const err = await refusal(
      resolveCustomer(db, staff.salesA, {
        identifiers: [
          { kind: 'phone', value: '0812345678' },
          { kind: 'email', value: 'not-an-email' },
          { kind: 'external', value: '123' },
          { kind: 'phone', value: '12' },
        ],
        profile: { postcode: '123' },
      }),
    );
    expect(err.code).toBe('validation_failed');
    const details = err.details as { path: string; message: string; th?: string }[];
    expect(details.map((d) => d.path).sort()).toEqual([
      'identifiers.1.value',
      'identifiers.2.system',
      'identifiers.3.value',
      'profile.postcode',
    ]);
    expect(details.find((d) => d.path === 'identifiers.1.value')).toEqual({
      path: 'identifiers.1.value',
      message: 'not a valid email address',
      th: 'อีเมลไม่ถูกต้อง',
    });
    for (const d of details) expect(d.th).toBeTruthy();
    const none = await refusal(resolveCustomer(db, staff.salesA, { identifiers: [] }));
    expect((none.details as { path: string }[])[0]?.path).toBe('identifiers');
    const channel = await refusal(
      resolveCustomer(db, staff.salesA, { identifiers: [{ kind: 'pos', value: '1' }], channel: 'fax' as never }),
    );
    expect((channel.details as { path: string }[])[0]?.path).toBe('channel');
    expect(await identityCounts(db)).toEqual(before);
  });

  it('refuses a match outside the caller’s scope with customer_exists_elsewhere and writes nothing', async () => {
    const ofA = await createCustomer(db, staff.salesA, { firstName: 'ของเอ', phone: '0817778888' });
    const before = await identityCounts(db);
    const err = await refusal(
      resolveCustomer(db, staff.salesB, {
        identifiers: [
          { kind: 'phone', value: '0817778888' },
          { kind: 'email', value: 'b-wants-this@example.com' },
        ],
        profile: { firstName: 'ของบี' },
      }),
    );
    expect(err.code).toBe('customer_exists_elsewhere');
    expect(await identityCounts(db)).toEqual(before);
    const [row] = await db.select().from(customers).where(eq(customers.id, ofA.id));
    expect(row?.firstName).toBe('ของเอ');
  });

  it('reports a conflict with a profile the caller cannot see without its id', async () => {
    await createCustomer(db, staff.salesA, { firstName: 'ลับ', phone: '0821112222' });
    const mine = await createCustomer(db, staff.salesB, { firstName: 'ของบี', lineId: 'U-line-b' });
    const r = await resolveCustomer(db, staff.salesB, {
      identifiers: [
        { kind: 'line', value: 'U-line-b' },
        { kind: 'phone', value: '0821112222' },
      ],
    });
    expect(r.customer.id).toBe(mine.id);
    expect(r.conflicts).toEqual([{ kind: 'phone', system: '', value: '+66821112222', customerId: null }]);
  });

  it('needs customers create (read-only roles are refused before anything is read)', async () => {
    const input = { identifiers: [{ kind: 'pos' as const, value: 'P-perm' }] };
    expect((await refusal(resolveCustomer(db, staff.marketing, input))).code).toBe('forbidden');
    expect((await refusal(resolveCustomer(db, staff.viewer, input))).code).toBe('forbidden');
  });

  it('ends with ONE profile when the same new identifiers arrive at the same time', async () => {
    const before = await identityCounts(db);
    const formats = ['0839990000', '083-999-0000', '+66839990000', '+66 83 999 0000', '083 999 0000', '66839990000'];
    const results = await Promise.all(
      formats.map((phone, i) =>
        resolveCustomer(db, staff.service, {
          identifiers: [
            { kind: 'phone', value: phone },
            ...(i % 2 ? [{ kind: 'email' as const, value: 'race@example.com' }] : []),
          ],
          profile: { firstName: `แข่ง${i}` },
        }),
      ),
    );
    const ids = new Set(results.map((r) => r.customer.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const id = [...ids][0] as string;
    expect(await identitiesOf(db, id)).toEqual(['email::race@example.com*', 'phone::+66839990000*']);
    const after = await identityCounts(db);
    expect(after.customers - before.customers).toBe(1);
    expect(after.activities - before.activities).toBe(formats.length);
  });

  it('serialises records that share only some identifiers (no second profile, no deadlock)', async () => {
    const [x, y, z] = await Promise.all([
      resolveCustomer(db, staff.service, {
        identifiers: [
          { kind: 'email', value: 'chain@example.com' },
          { kind: 'pos', value: 'CH-1' },
        ],
      }),
      resolveCustomer(db, staff.service, {
        identifiers: [
          { kind: 'pos', value: 'CH-1' },
          { kind: 'external', system: 'erp', value: 'CH-E' },
        ],
      }),
      resolveCustomer(db, staff.service, {
        identifiers: [
          { kind: 'external', system: 'erp', value: 'CH-E' },
          { kind: 'email', value: 'chain@example.com' },
        ],
      }),
    ]);
    expect(new Set([x?.customer.id, y?.customer.id, z?.customer.id]).size).toBe(1);
  });
});
