import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { createCustomField } from '../customers/custom-field-create.ts';
import { createCustomer, customerIdentities, customers } from '../customers/index.ts';
import { runImport } from './run-import.ts';
import { importRejections, imports } from './schema.ts';
import { importFile } from './testing.ts';

let testDb: TestDatabase;
let db: Db;
const cli = systemActor('cli');

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
});
afterAll(() => testDb.cleanup());

function tempCsv(name: string, text: string): string {
  const path = join(tmpdir(), `sampan-bulk-${process.pid}-${name}.csv`);
  writeFileSync(path, text);
  return path;
}

async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const MAPPING = {
  name: 'firstName',
  phone: 'phone',
  email: 'email',
  tier: 'customFields.tier',
  points: 'customFields.points',
};

describe('bulk import: identity resolution inside one file', () => {
  it('rows sharing an identifier become one profile, within a batch and across batches', async () => {
    const path = tempCsv(
      'dupes',
      [
        'name,phone,email',
        'หนึ่ง,081-234-0001,one@dupe.test', // line 2: creates
        'หนึ่งซ้ำ,+66 81 234 0001,one-b@dupe.test', // same phone, same batch → same profile, adds an email
        'สอง,0812340002,', // line 4
        'สองซ้ำ,+66-81-234-0002,two@dupe.test', // line 5: next batch (size 3), same phone as line 4
        'สาม,,ONE-B@dupe.test', // line 6: email of line 3 (lower-cased) → the first profile
        'สี่,081 234 0004,four@dupe.test',
        'สี่อีก,+66812340004,four@dupe.test', // line 8: the third batch, same phone and email as line 7
      ].join('\n'),
    );
    const { progress } = await importFile(
      db,
      cli,
      path,
      { name: 'firstName', phone: 'phone', email: 'email' },
      {
        batchSize: 3,
      },
    );
    expect(progress).toMatchObject({ status: 'completed', processed: 7, created: 3, updated: 4, rejected: 0 });
    const owners = await rowsOf<{ value: string; customer_id: string }>(
      sql`select value, customer_id from customer_identities where value like '+668123400%' or value like '%@dupe.test' order by value`,
    );
    const ownerOf = new Map(owners.map((o) => [o.value, o.customer_id]));
    expect(ownerOf.get('+66812340001')).toBe(ownerOf.get('one@dupe.test'));
    expect(ownerOf.get('one-b@dupe.test')).toBe(ownerOf.get('one@dupe.test'));
    expect(ownerOf.get('two@dupe.test')).toBe(ownerOf.get('+66812340002'));
    expect(ownerOf.get('four@dupe.test')).toBe(ownerOf.get('+66812340004'));
    expect(new Set(owners.map((o) => o.customer_id)).size).toBe(3);
    const [first] = await db
      .select()
      .from(customers)
      .where(eq(customers.id, ownerOf.get('one@dupe.test') ?? ''));
    // the later rows filled the profile; its search text covers the identifiers it gained
    expect(first?.displayName).toBe('สาม');
    expect(first?.searchText).toContain('oneb');
    expect(first?.searchText).toContain('0812340001');
  });

  it('an identifier that another profile holds is never taken by a new row', async () => {
    const holder = await createCustomer(db, cli, { firstName: 'เจ้าของ', email: 'held@dupe.test' });
    const path = tempCsv('held', 'name,phone,email\nใหม่,0819990001,\nใหม่ซ้ำ,0819990001,held@dupe.test\n');
    const { progress } = await importFile(db, cli, path, { name: 'firstName', phone: 'phone', email: 'email' });
    // line 3 matches the existing holder by email (trusted above phone): it updates that profile
    expect(progress).toMatchObject({ created: 1, updated: 1 });
    const heldBy = await db.select().from(customerIdentities).where(eq(customerIdentities.value, 'held@dupe.test'));
    expect(heldBy.map((h) => h.customerId)).toEqual([holder.id]);
    const phone = await db.select().from(customerIdentities).where(eq(customerIdentities.value, '+66819990001'));
    expect(phone).toHaveLength(1);
    expect(phone[0]?.customerId).not.toBe(holder.id);
  });
});

describe('bulk import: custom fields', () => {
  beforeAll(async () => {
    const admin = systemActor('cli');
    await createCustomField(db, admin, {
      key: 'tier',
      labelTh: 'ระดับ',
      labelEn: 'Tier',
      type: 'select',
      options: [
        { value: 'gold', th: 'ทอง', en: 'Gold' },
        { value: 'silver', th: 'เงิน', en: 'Silver' },
      ],
    });
    await createCustomField(db, admin, { key: 'points', labelTh: 'แต้ม', labelEn: 'Points', type: 'number' });
  });

  it('types good custom field cells and rejects a row with a bad one, with its line and reason', async () => {
    const path = tempCsv(
      'custom',
      [
        'name,phone,email,tier,points',
        'ทองคำ,0815550001,gold@cf.test,ทอง,"1,200"',
        'เงินตรา,0815550002,silver@cf.test,silver,',
        'ผิดแต้ม,0815550003,bad-points@cf.test,gold,lots',
        'ผิดระดับ,0815550004,bad-tier@cf.test,platinum,5',
      ].join('\n'),
    );
    const { id, progress } = await importFile(db, cli, path, MAPPING);
    expect(progress).toMatchObject({ created: 2, rejected: 2 });
    const [gold] = await db.select().from(customers).where(eq(customers.email, 'gold@cf.test'));
    expect(gold?.customFields).toEqual({ tier: 'gold', points: 1200 });
    const rejections = await db
      .select()
      .from(importRejections)
      .where(eq(importRejections.importId, id))
      .orderBy(importRejections.line);
    expect(rejections.map((r) => r.line)).toEqual([4, 5]);
    expect(rejections[0]?.reason).toContain('customFields.points: must be a finite number');
    expect(rejections[0]?.reason).toContain('ต้องเป็นตัวเลข');
    expect(rejections[1]?.reason).toContain('customFields.tier: must be one of: gold, silver');
    expect(await db.select().from(customers).where(like(customers.email, 'bad-%@cf.test'))).toHaveLength(0);
  });

  it('a matched row merges its custom fields over the profile and a bad cell leaves the profile as it was', async () => {
    const path = tempCsv(
      'custom-update',
      'name,phone,email,tier,points\nทองคำ,0815550001,,,300\nทองคำ,0815550001,,wood,\n',
    );
    const { progress } = await importFile(db, cli, path, MAPPING);
    expect(progress).toMatchObject({ updated: 1, rejected: 1 });
    const [gold] = await db.select().from(customers).where(eq(customers.email, 'gold@cf.test'));
    expect(gold?.customFields).toEqual({ tier: 'gold', points: 300 });
  });
});

describe('bulk import: one transaction per batch', () => {
  it('a batch that fails part-way leaves nothing of it written, and the import resumes after the last good batch', async () => {
    // A database error while the second batch's identifiers are written (after its customers were inserted).
    await db.execute(sql`create function fail_on_boom() returns trigger language plpgsql as $$
      begin
        if new.value = 'boom@fail.test' then raise exception 'boom'; end if;
        return new;
      end $$`);
    await db.execute(
      sql`create trigger fail_on_boom before insert on customer_identities for each row execute function fail_on_boom()`,
    );
    const lines = ['name,email'];
    for (let i = 1; i <= 9; i++) lines.push(`คน${i},${i === 5 ? 'boom' : `p${i}`}@fail.test`);
    const path = tempCsv('fail', `${lines.join('\n')}\n`);
    const failed = await importFile(db, cli, path, { name: 'firstName', email: 'email' }, { batchSize: 3 }).catch(
      (e: unknown) => e,
    );
    expect(String(failed)).toContain('boom');
    const [row] = await db
      .select()
      .from(imports)
      .where(eq(imports.fileName, path.split('/').at(-1) ?? ''));
    expect(row).toMatchObject({ processedRows: 3, committedLine: 4, createdRows: 3 });
    const written = await db.select().from(customers).where(like(customers.email, '%@fail.test'));
    expect(written.map((c) => c.email).sort()).toEqual(['p1@fail.test', 'p2@fail.test', 'p3@fail.test']);
    const ids = await db.select().from(customerIdentities).where(like(customerIdentities.value, '%@fail.test'));
    expect(ids).toHaveLength(3);

    await db.execute(sql`drop trigger fail_on_boom on customer_identities`);
    const resumed = await runImport(db, cli, row?.id ?? '', { batchSize: 3 });
    expect(resumed).toMatchObject({ status: 'completed', processed: 9, created: 9 });
    const after = await db.select().from(customers).where(like(customers.email, '%@fail.test'));
    expect(after).toHaveLength(9);
  });
});
