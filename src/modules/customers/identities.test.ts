import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../core/audit/schema.ts';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { errorMessage, registerErrors } from '../../core/errors/catalog.ts';
import { outbox } from '../../core/events/schema.ts';
import { addIdentity } from './add-identity.ts';
import { createCustomer } from './create-customer.ts';
import { customerErrors } from './errors.ts';
import { listCustomers } from './list-customers.ts';
import { listIdentities } from './list-identities.ts';
import { removeIdentity } from './remove-identity.ts';
import { customerIdentities, customers } from './schema.ts';
import { createStaff, type Staff } from './testing.ts';
import { updateCustomer } from './update-customer.ts';
import { updateIdentity } from './update-identity.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;

beforeAll(async () => {
  registerErrors(customerErrors);
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
});
afterAll(() => testDb.cleanup());

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

async function identitiesOf(customerId: string) {
  return db
    .select({ kind: customerIdentities.kind, value: customerIdentities.value, isPrimary: customerIdentities.isPrimary })
    .from(customerIdentities)
    .where(eq(customerIdentities.customerId, customerId))
    .orderBy(customerIdentities.kind, customerIdentities.value);
}

async function searchIds(q: string): Promise<string[]> {
  return (await listCustomers(db, staff.admin, { q, limit: 50 })).items.map((c) => c.id);
}

async function count(table: typeof customers | typeof customerIdentities | typeof auditLog | typeof outbox) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
}

describe('primary identities follow the profile columns', () => {
  it('writes email/phone/LINE as primary identities on create, and search finds them', async () => {
    const c = await createCustomer(db, staff.salesA, {
      firstName: 'มานี',
      email: 'Manee@Example.com',
      phone: '๐๘๑-๒๓๔-๑๑๑๑',
      lineId: 'manee.line',
    });
    expect(c.phone).toBe('+66812341111');
    expect(await identitiesOf(c.id)).toEqual([
      { kind: 'email', value: 'manee@example.com', isPrimary: true },
      { kind: 'line', value: 'manee.line', isPrimary: true },
      { kind: 'phone', value: '+66812341111', isPrimary: true },
    ]);
    for (const q of ['1111', '081-234-1111', '+66812341111', 'manee@example', 'manee.line', 'มานี']) {
      expect(await searchIds(q), q).toEqual([c.id]);
    }
  });

  it('refuses an identifier another profile holds (409 identifier_in_use) and writes nothing', async () => {
    const holder = await createCustomer(db, staff.salesB, { firstName: 'ถือ', phone: '0812342222' });
    const before = { customers: await count(customers), identities: await count(customerIdentities) };
    // the same number in another format is the same identifier
    const hidden = await errorOf(createCustomer(db, staff.salesA, { firstName: 'ซ้ำ', phone: '+66 81 234 2222' }));
    expect(hidden.code).toBe('identifier_in_use');
    expect(hidden.params.kind).toBe('phone number');
    // sales A may not see B's customer: its id is not revealed
    expect(hidden.params.customerId).toBeUndefined();
    expect(errorMessage('identifier_in_use', hidden.params, 'th')).toMatch(/^เบอร์โทรนี้เป็นของลูกค้ารายอื่นแล้ว /);
    expect(errorMessage('identifier_in_use', hidden.params, 'en')).not.toContain(holder.id);
    const shown = await errorOf(createCustomer(db, staff.admin, { firstName: 'ซ้ำ', phone: '0812342222' }));
    expect(shown.params.customerId).toBe(holder.id);
    expect(errorMessage('identifier_in_use', shown.params, 'en')).toContain(holder.id);
    expect({ customers: await count(customers), identities: await count(customerIdentities) }).toEqual(before);
  });

  it('on update replaces the old primary, frees it for others, and refuses a held value', async () => {
    const c = await createCustomer(db, staff.salesA, { firstName: 'เปลี่ยน', email: 'old@example.com' });
    const other = await createCustomer(db, staff.salesA, { firstName: 'อื่น', email: 'taken@example.com' });
    await updateCustomer(db, staff.salesA, c.id, { email: 'new@example.com', phone: '0812343333' });
    expect(await identitiesOf(c.id)).toEqual([
      { kind: 'email', value: 'new@example.com', isPrimary: true },
      { kind: 'phone', value: '+66812343333', isPrimary: true },
    ]);
    expect(await searchIds('old@example.com')).toEqual([]);
    expect(await searchIds('new@example.com')).toEqual([c.id]);
    const err = await errorOf(updateCustomer(db, staff.salesA, c.id, { email: 'taken@example.com', nickname: 'x' }));
    expect(err.code).toBe('identifier_in_use');
    expect(err.params.customerId).toBe(other.id);
    const [row] = await db.select().from(customers).where(eq(customers.id, c.id));
    expect(row).toMatchObject({ email: 'new@example.com', nickname: null });
    await updateCustomer(db, staff.salesA, c.id, { phone: null });
    expect((await identitiesOf(c.id)).map((i) => i.kind)).toEqual(['email']);
    // the freed old email can go to another profile
    const next = await createCustomer(db, staff.salesA, { firstName: 'ใหม่', email: 'old@example.com' });
    expect(next.email).toBe('old@example.com');
  });

  it('maps a concurrent claim of the same identifier to identifier_in_use (PostgreSQL race)', async () => {
    const results = await Promise.allSettled(
      ['ก', 'ข', 'ค'].map((name) => createCustomer(db, staff.admin, { firstName: name, email: 'race@example.com' })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as AppError] : []));
    expect(ok).toHaveLength(1);
    expect(failed.map((e) => e.code)).toEqual(['identifier_in_use', 'identifier_in_use']);
    const held = await db
      .select()
      .from(customerIdentities)
      .where(and(eq(customerIdentities.kind, 'email'), eq(customerIdentities.value, 'race@example.com')));
    expect(held).toHaveLength(1);
  });
});

describe('identity endpoints (use cases)', () => {
  it('adds normalised identifiers, lists them in trust order, and search finds them', async () => {
    const c = await createCustomer(db, staff.salesA, { firstName: 'สมศรี', phone: '0812344444' });
    const auditBefore = await count(auditLog);
    const pos = await addIdentity(db, staff.salesA, c.id, { kind: 'pos', value: ' M-000123 ' });
    expect(pos.created).toBe(true);
    expect(pos.identity).toMatchObject({ kind: 'pos', value: 'M-000123', isPrimary: false, status: 'ok' });
    const ext = await addIdentity(db, staff.salesA, c.id, { kind: 'external', system: 'Shopify', value: '998877' });
    expect(ext.identity).toMatchObject({ system: 'shopify', value: '998877' });
    const again = await addIdentity(db, staff.salesA, c.id, { kind: 'pos', value: 'M-000123' });
    expect(again).toEqual({ identity: pos.identity, created: false });
    const list = await listIdentities(db, staff.salesA, c.id);
    expect(list.map((i) => i.kind)).toEqual(['external', 'pos', 'phone']);
    expect(await searchIds('m-000123')).toEqual([c.id]);
    expect(await searchIds('998877')).toEqual([c.id]);
    expect(await count(auditLog)).toBe(auditBefore + 2);
    const events = await db.select().from(outbox).where(eq(outbox.topic, 'customer.identity_added'));
    expect(events.filter((e) => e.aggregateId === c.id)).toHaveLength(2);
  });

  it('refuses bad input with a per-field reason, and writes nothing', async () => {
    const c = await createCustomer(db, staff.salesA, { firstName: 'ผิด' });
    const n = await count(customerIdentities);
    const phone = await errorOf(addIdentity(db, staff.salesA, c.id, { kind: 'phone', value: '081-234-567' }));
    expect(phone.code).toBe('validation_failed');
    expect(phone.details).toEqual([
      expect.objectContaining({ path: 'value', message: expect.stringMatching(/10 digits/), th: expect.any(String) }),
    ]);
    const email = await errorOf(addIdentity(db, staff.salesA, c.id, { kind: 'email', value: 'not-an-email' }));
    expect(email.details).toEqual([expect.objectContaining({ path: 'value', th: 'อีเมลไม่ถูกต้อง' })]);
    const system = await errorOf(addIdentity(db, staff.salesA, c.id, { kind: 'external', value: '1' }));
    expect(system.details).toEqual([expect.objectContaining({ path: 'system' })]);
    const kind = await errorOf(addIdentity(db, staff.salesA, c.id, { kind: 'fax' as 'email', value: '1' }));
    expect(kind.details).toEqual([expect.objectContaining({ path: 'kind' })]);
    expect(await count(customerIdentities)).toBe(n);
  });

  it('makes a phone primary (the profile column follows) and removing the primary clears it', async () => {
    const c = await createCustomer(db, staff.salesA, { firstName: 'สองเบอร์', phone: '0812345551' });
    const second = await addIdentity(db, staff.salesA, c.id, { kind: 'phone', value: '02-123-5552' });
    const made = await updateIdentity(db, staff.salesA, c.id, second.identity.id, { isPrimary: true });
    expect(made.isPrimary).toBe(true);
    const [row] = await db.select().from(customers).where(eq(customers.id, c.id));
    expect(row?.phone).toBe('+6621235552');
    expect((await identitiesOf(c.id)).filter((i) => i.isPrimary)).toEqual([
      { kind: 'phone', value: '+6621235552', isPrimary: true },
    ]);
    const bounced = await updateIdentity(db, staff.salesA, c.id, second.identity.id, {
      status: 'unreachable',
      statusReason: 'เบอร์ไม่มีผู้ใช้',
    });
    expect(bounced).toMatchObject({ status: 'unreachable', statusReason: 'เบอร์ไม่มีผู้ใช้' });
    await removeIdentity(db, staff.salesA, c.id, second.identity.id);
    const [after] = await db.select().from(customers).where(eq(customers.id, c.id));
    expect(after?.phone).toBeNull();
    expect(await searchIds('02-123-5552')).toEqual([]);
    expect(await searchIds('0812345551')).toEqual([c.id]);
    const removed = await db.select().from(auditLog).where(eq(auditLog.action, 'identity_remove'));
    expect(removed.some((a) => a.entityId === c.id)).toBe(true);
  });

  it('hides another owner’s customer (404) and refuses roles without update (403)', async () => {
    const ofB = await createCustomer(db, staff.salesB, { firstName: 'ของบี', email: 'b-only@example.com' });
    const [idn] = await db.select().from(customerIdentities).where(eq(customerIdentities.customerId, ofB.id));
    if (!idn) throw new Error('no identity');
    expect((await errorOf(listIdentities(db, staff.salesA, ofB.id))).code).toBe('not_found');
    expect((await errorOf(addIdentity(db, staff.salesA, ofB.id, { kind: 'pos', value: '1' }))).code).toBe('not_found');
    expect((await errorOf(updateIdentity(db, staff.salesA, ofB.id, idn.id, { status: 'invalid' }))).code).toBe(
      'not_found',
    );
    expect((await errorOf(removeIdentity(db, staff.salesA, ofB.id, idn.id))).code).toBe('not_found');
    expect((await errorOf(addIdentity(db, staff.viewer, ofB.id, { kind: 'pos', value: '1' }))).code).toBe('forbidden');
    // an identity of another customer is not found through this one
    const mine = await createCustomer(db, staff.salesA, { firstName: 'ของเอ' });
    expect((await errorOf(removeIdentity(db, staff.admin, mine.id, idn.id))).code).toBe('not_found');
    expect(await identitiesOf(ofB.id)).toHaveLength(1);
  });
});
