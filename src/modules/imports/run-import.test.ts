import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { auditLog } from '../../core/audit/schema.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { outbox } from '../../core/events/schema.ts';
import { createCustomer, customerIdentities, customers } from '../customers/index.ts';
import { createStaff, type Staff, userIdOf } from '../customers/testing.ts';
import { runImport } from './run-import.ts';
import { importRejections, imports } from './schema.ts';
import { fixture, importFile } from './testing.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;
const cli = systemActor('cli');

const THAI_MAPPING = {
  ชื่อ: 'firstName',
  นามสกุล: 'lastName',
  ชื่อเล่น: 'nickname',
  เบอร์โทร: 'phone',
  อีเมล: 'email',
  จังหวัด: 'province',
  รหัสไปรษณีย์: 'postcode',
  แท็ก: 'tags',
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
});
afterAll(() => testDb.cleanup());

function tempCsv(name: string, text: string): string {
  const path = join(tmpdir(), `sampan-import-${process.pid}-${name}.csv`);
  writeFileSync(path, text);
  return path;
}

async function count(table: typeof customers | typeof customerIdentities, where?: ReturnType<typeof eq>) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return r?.n ?? 0;
}

describe('import customers from CSV', () => {
  it('imports good rows, rejects bad ones with line and reason, and resolves a repeat of the same person', async () => {
    const { id, progress } = await importFile(db, cli, fixture('people-utf8.csv'), THAI_MAPPING);
    expect(progress).toMatchObject({ status: 'completed', processed: 5, created: 3, updated: 1, rejected: 1 });
    const [somchai] = await db.select().from(customers).where(eq(customers.phone, '+66812345678'));
    expect(somchai).toMatchObject({
      displayName: 'สมชาย ใจดี',
      email: 'somchai@example.com',
      nickname: 'ชาย',
      postcode: '10110',
      source: 'import',
      // line 6 (same phone written +66…) added its tag to line 2's profile
      tags: ['vip', 'กาแฟ', 'ลูกค้าประจำ'],
    });
    expect(somchai?.searchText).toContain('สมชาย');
    expect(somchai?.searchText).toContain('0812345678');
    const ids = await db
      .select()
      .from(customerIdentities)
      .where(eq(customerIdentities.customerId, somchai?.id ?? ''));
    expect(ids.map((i) => `${i.kind}:${i.value}`).sort()).toEqual(['email:somchai@example.com', 'phone:+66812345678']);
    const rejections = await db.select().from(importRejections).where(eq(importRejections.importId, id));
    expect(rejections).toHaveLength(1);
    expect(rejections[0]?.line).toBe(5);
    expect(rejections[0]?.reason).toContain('phone: ');
    expect(rejections[0]?.reason).toContain('email: not a valid email address');
    expect(rejections[0]?.reason).toContain('อีเมลไม่ถูกต้อง');
    expect(rejections[0]?.raw).toContain('มานี');
    const [wichai] = await db.select().from(customers).where(eq(customers.email, 'wichai@example.com'));
    expect(wichai?.tags).toEqual(['ขนมปัง', 'กาแฟ']);
    // One audit entry and one event for the whole import, not one per row.
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'import'), eq(auditLog.entityId, id)));
    expect(audits.map((a) => a.action)).toEqual(['import']);
    const events = await db.select().from(outbox).where(eq(outbox.aggregateId, id));
    expect(events.map((e) => e.topic)).toEqual(['imports.completed']);
    expect(events[0]?.payload).toMatchObject({ created: 3, updated: 1, rejected: 1 });
  });

  it('matches existing profiles by the most trusted identifier and never takes an identifier another profile holds', async () => {
    const a = await createCustomer(db, cli, { firstName: 'เอ', email: 'a@trust.test', phone: '0811110000' });
    const b = await createCustomer(db, cli, { firstName: 'บี', email: 'b@trust.test' });
    // createCustomer records the email and phone as identities; B's LINE id is added here.
    await db.insert(customerIdentities).values({ customerId: b.id, kind: 'line', value: 'U-bee' });
    // Row: email of A, LINE of B → LINE is trusted more, so the row is B; A's email stays A's.
    const path = tempCsv('trust', 'name,email,line,city\nบีใหม่,a@trust.test,U-bee,ตรัง\n');
    const { progress } = await importFile(db, cli, path, {
      name: 'displayName',
      email: 'email',
      line: 'lineId',
      city: 'province',
    });
    expect(progress).toMatchObject({ created: 0, updated: 1 });
    const [bAfter] = await db.select().from(customers).where(eq(customers.id, b.id));
    expect(bAfter).toMatchObject({ displayName: 'บีใหม่', province: 'ตรัง', email: 'b@trust.test' });
    const owner = await db.select().from(customerIdentities).where(eq(customerIdentities.value, 'a@trust.test'));
    expect(owner.map((o) => o.customerId)).toEqual([a.id]);
  });

  it('skips matched rows with onMatch skip and changes nothing on them', async () => {
    const before = await count(customers);
    const { progress } = await importFile(db, cli, fixture('people-utf8.csv'), THAI_MAPPING, { onMatch: 'skip' });
    expect(progress).toMatchObject({ created: 0, updated: 0, skipped: 4, rejected: 1 });
    expect(await count(customers)).toBe(before);
  });

  it('a dry run writes no customer data but reports what would happen', async () => {
    const before = { c: await count(customers), i: await count(customerIdentities) };
    const path = tempCsv('dry', 'ชื่อ,อีเมล\nใหม่หนึ่ง,new1@dry.test\nใหม่สอง,new2@dry.test\nเสีย,not-an-email\n');
    const { id, progress } = await importFile(db, cli, path, { ชื่อ: 'firstName', อีเมล: 'email' }, { dryRun: true });
    expect(progress).toMatchObject({ status: 'completed', created: 2, rejected: 1 });
    expect({ c: await count(customers), i: await count(customerIdentities) }).toEqual(before);
    const [row] = await db.select().from(imports).where(eq(imports.id, id));
    expect(row?.dryRun).toBe(true);
  });

  it('reads a Windows-874 file', async () => {
    const { progress } = await importFile(db, cli, fixture('people-windows-874.csv'), {
      ชื่อ: 'firstName',
      นามสกุล: 'lastName',
      เบอร์โทร: 'phone',
      อีเมล: 'email',
      จังหวัด: 'province',
    });
    expect(progress).toMatchObject({ created: 2, rejected: 0 });
    const [k] = await db.select().from(customers).where(eq(customers.email, 'kanlaya@example.com'));
    expect(k).toMatchObject({ displayName: 'กัลยา แก้วมณี', province: 'สงขลา', phone: '+66815550002' });
  });

  it('refuses a malformed file with a coded error and marks the import failed', async () => {
    const err = await importFile(db, cli, fixture('malformed-unclosed-quote.csv'), {
      name: 'displayName',
      email: 'email',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'import_file_malformed' });
    const [row] = await db.select().from(imports).where(eq(imports.fileName, 'malformed-unclosed-quote.csv'));
    expect(row?.status).toBe('failed');
  });

  it('refuses a bad mapping before reading rows', async () => {
    const err = await importFile(db, cli, fixture('people-tab.csv'), { 'First name': 'shoeSize' }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'import_mapping_invalid' });
  });

  it('a sales user imports only as owner of what they create and may not update customers outside their records', async () => {
    const salesB = staff.salesB;
    const other = await createCustomer(db, staff.salesA, { firstName: 'ของเอ', email: 'owned-by-a@vis.test' });
    const path = tempCsv(
      'vis',
      'name,email,owner\nลูกค้าบี,new-b@vis.test,\nแอบแก้,owned-by-a@vis.test,\nให้คนอื่น,x@vis.test,sales-a@test.local\n',
    );
    const { id, progress } = await importFile(db, salesB, path, {
      name: 'displayName',
      email: 'email',
      owner: 'ownerEmail',
    });
    expect(progress).toMatchObject({ created: 1, updated: 0, rejected: 2 });
    const [mine] = await db.select().from(customers).where(eq(customers.email, 'new-b@vis.test'));
    expect(mine?.ownerId).toBe(userIdOf(salesB));
    expect(mine?.teamId).toBe(staff.teamB);
    const [untouched] = await db.select().from(customers).where(eq(customers.id, other.id));
    expect(untouched?.displayName).toBe('ของเอ');
    const reasons = (await db.select().from(importRejections).where(eq(importRejections.importId, id))).map(
      (r) => r.reason,
    );
    expect(reasons.join('\n')).toContain('outside your records');
    expect(reasons.join('\n')).toContain('may not choose the owner');
  });

  it('refuses roles without customers create (and update for onMatch update)', async () => {
    await expect(
      importFile(db, staff.viewer, fixture('people-tab.csv'), { 'First name': 'firstName' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      importFile(db, staff.marketing, fixture('people-tab.csv'), { 'First name': 'firstName' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('crash and resume', () => {
  function bigCsv(rows: number): string {
    const lines = ['ชื่อ,อีเมล,เบอร์โทร'];
    for (let i = 0; i < rows; i++) {
      // every 10th row repeats an earlier person (same phone, other format) to be resolved, not duplicated
      const n = i % 10 === 9 ? i - 5 : i;
      const phone = `08${String(10_000_000 + n).slice(-8)}`;
      lines.push(`คน${n},p${n}@resume.test,${i % 10 === 9 ? `+66${phone.slice(1)}` : phone}`);
    }
    return `${lines.join('\n')}\n`;
  }

  it('resumes from the last committed batch without duplicates', async () => {
    const path = tempCsv('resume', bigCsv(1000));
    const mapping = { ชื่อ: 'firstName', อีเมล: 'email', เบอร์โทร: 'phone' };
    const first = await importFile(db, cli, path, mapping, { batchSize: 150, stopAfterBatches: 3 });
    // "crashed" after three batches: 450 rows committed, the rest not
    const [mid] = await db.select().from(imports).where(eq(imports.id, first.id));
    expect(mid).toMatchObject({ status: 'running', processedRows: 450, committedLine: 451 });
    expect(await count(customers, sql`${customers.email} like '%@resume.test'`)).toBe(405);
    const resumed = await runImport(db, cli, first.id, { batchSize: 150 });
    expect(resumed).toMatchObject({ status: 'completed', processed: 1000, created: 900, updated: 100, rejected: 0 });
    expect(await count(customers, sql`${customers.email} like '%@resume.test'`)).toBe(900);
    const [dupes] = await db
      .execute(
        sql`select count(*)::int as n from (select value from customer_identities where value like '%@resume.test' group by value having count(*) > 1) d`,
      )
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(dupes?.n).toBe(0);
    await expect(runImport(db, cli, first.id)).rejects.toMatchObject({ code: 'import_finished' });
  });

  it('stops at the next batch when cancelled', async () => {
    const path = tempCsv('cancel', bigCsv(600).replaceAll('@resume.test', '@cancel.test'));
    const mapping = { ชื่อ: 'firstName', อีเมล: 'email', เบอร์โทร: 'phone' };
    const started = await importFile(db, cli, path, mapping, { batchSize: 100, stopAfterBatches: 2 });
    await db.update(imports).set({ status: 'cancelled' }).where(eq(imports.id, started.id));
    await expect(runImport(db, cli, started.id)).rejects.toMatchObject({ code: 'import_finished' });
    expect(await count(customers, sql`${customers.email} like '%@cancel.test'`)).toBe(180);
  });
});
