import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { systemActor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { createStaff, type Staff, userIdOf } from '../customers/testing.ts';
import { createAssignmentRule, createLead, createScoringRule, leadAssignmentRules, leads } from '../leads/index.ts';
import { uploadImport } from './create-import.ts';
import { suggestLeadMapping } from './lead-fields.ts';
import { previewImport } from './preview-import.ts';
import { runImport } from './run-import.ts';
import { importRejections, imports } from './schema.ts';
import { startImport } from './start-import.ts';
import { importLeadFile } from './testing.ts';

let testDb: TestDatabase;
let db: Db;
let staff: Staff;
const cli = systemActor('cli');

const HEADER = 'ชื่อ,บริษัท,อีเมล,เบอร์โทร,จังหวัด,ที่มา,หมายเหตุ,ผู้ดูแล,สถานะ,เหตุผล';
const MAPPING = suggestLeadMapping(HEADER.split(','));

let n = 0;
function tempCsv(lines: string[], header = HEADER): string {
  const path = join(tmpdir(), `sampan-leads-${process.pid}-${++n}.csv`);
  writeFileSync(path, `${[header, ...lines].join('\n')}\n`);
  return path;
}

const rejectionsOf = (importId: string) =>
  db.select().from(importRejections).where(eq(importRejections.importId, importId)).orderBy(asc(importRejections.line));
const leadsByCompany = (companies: string[]) =>
  db.select().from(leads).where(inArray(leads.company, companies)).orderBy(asc(leads.company));

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  staff = await createStaff(db);
  // Chiang Mai goes to sales B; everyone else takes turns between sales A and A2.
  await createAssignmentRule(db, staff.admin, {
    name: 'ภาคเหนือ',
    position: 1,
    kind: 'territory',
    provinces: ['เชียงใหม่'],
    userIds: [userIdOf(staff.salesB)],
  });
  await createAssignmentRule(db, staff.admin, {
    name: 'ทุกคน',
    position: 2,
    kind: 'round_robin',
    userIds: [userIdOf(staff.salesA), userIdOf(staff.salesA2)],
  });
  await createScoringRule(db, staff.admin, {
    name: 'มีบริษัท',
    kind: 'fit',
    field: 'company',
    operator: 'present',
    points: 20,
  });
});
afterAll(() => testDb.cleanup());

describe('lead columns', () => {
  it('are recognised from Thai and English headers', () => {
    expect(MAPPING).toEqual({
      ชื่อ: 'name',
      บริษัท: 'company',
      อีเมล: 'email',
      เบอร์โทร: 'phone',
      จังหวัด: 'province',
      ที่มา: 'source',
      หมายเหตุ: 'notes',
      ผู้ดูแล: 'owner',
      สถานะ: 'status',
      เหตุผล: 'disqualifyReason',
    });
    expect(suggestLeadMapping(['Full Name', 'Company', 'E-mail', 'Mobile', 'Lead Source', 'Owner Email'])).toEqual({
      'Full Name': 'name',
      Company: 'company',
      'E-mail': 'email',
      Mobile: 'phone',
      'Lead Source': 'source',
      'Owner Email': 'owner',
    });
  });
});

describe('importing leads', () => {
  it('normalises phones, assigns, scores, keeps owners and statuses, and rejects bad rows with their reasons', async () => {
    const file = tempCsv([
      'สมชาย ใจดี,ไร่ชาเหนือ,Somchai@Example.com,081-234-5678,จ.เชียงใหม่,แบบฟอร์ม,สนใจชาอู่หลง,,,',
      'สมหญิง รักดี,ร้านกาแฟใต้,somying@example.com,+66 2 123 4567,สงขลา,event,,,contacted,',
      'มานี มีนา,ร้านมานี,manee@example.com,(081) 555 0101,ภูเก็ต,,,sales-a2@test.local,qualified,',
      'ปิติ ชูใจ,ร้านปิติ,piti@example.com,0895550102,ระยอง,referral,,,,',
      'ชูใจ ใจงาม,ร้านชูใจ,chujai@example.com,0895550103,ระยอง,,,,disqualified,งบไม่พอ',
      'ผิด เบอร์,ร้านเบอร์ผิด,bad-phone@example.com,12345,,,,,,',
      'ผิด อีเมล,ร้านอีเมลผิด,not-an-email,0895550104,,,,,,',
      'ไม่มี ผู้ดูแล,ร้านผู้ดูแลหาย,nobody@example.com,0895550105,,,,ghost@test.local,,',
      'ไม่ผ่าน ไม่มีเหตุผล,ร้านไม่มีเหตุผล,noreason@example.com,0895550106,,,,,disqualified,',
      'สมชาย ซ้ำ,ไร่ชาซ้ำ,somchai@example.com,0811110000,,,,,,',
      'สถานะ แปลก,ร้านสถานะแปลก,odd@example.com,0895550107,,,,,won,',
    ]);
    const { id, progress } = await importLeadFile(db, cli, file, MAPPING, { batchSize: 4 });
    expect(progress).toMatchObject({ status: 'completed', processed: 11, created: 5, skipped: 1, rejected: 5 });

    const rows = await leadsByCompany(['ไร่ชาเหนือ', 'ร้านกาแฟใต้', 'ร้านมานี', 'ร้านปิติ', 'ร้านชูใจ']);
    const by = Object.fromEntries(rows.map((l) => [l.company, l]));
    expect(by.ไร่ชาเหนือ).toMatchObject({
      firstName: 'สมชาย',
      lastName: 'ใจดี',
      email: 'somchai@example.com',
      phone: '+66812345678',
      source: 'form',
      notes: 'สนใจชาอู่หลง',
      status: 'new',
      ownerId: userIdOf(staff.salesB),
      teamId: staff.teamB,
      score: 20,
    });
    expect(by.ไร่ชาเหนือ?.assignedByRuleId).not.toBeNull();
    expect(by.ร้านกาแฟใต้).toMatchObject({ phone: '+6621234567', source: 'event', status: 'contacted' });
    expect(by.ร้านกาแฟใต้?.contactedAt).not.toBeNull();
    expect(by.ร้านมานี).toMatchObject({
      phone: '+66815550101',
      source: 'import',
      status: 'qualified',
      ownerId: userIdOf(staff.salesA2),
      assignedByRuleId: null,
    });
    expect(by.ร้านชูใจ).toMatchObject({ status: 'disqualified', disqualifyReason: 'งบไม่พอ' });
    // Round robin in file order: กาแฟใต้, ปิติ, ชูใจ take turns A, A2, A.
    expect([by.ร้านกาแฟใต้?.ownerId, by.ร้านปิติ?.ownerId, by.ร้านชูใจ?.ownerId]).toEqual([
      userIdOf(staff.salesA),
      userIdOf(staff.salesA2),
      userIdOf(staff.salesA),
    ]);
    for (const l of rows) expect(l.scoredAt).not.toBeNull();

    const rejected = await rejectionsOf(id);
    expect(rejected.map((r) => r.line)).toEqual([7, 8, 9, 10, 12]);
    expect(rejected[0]?.reason).toMatch(/^phone: not a valid phone number.* \/ เบอร์โทร: เบอร์โทรไม่ถูกต้อง/);
    expect(rejected[1]?.reason).toContain('email: not a valid email address');
    expect(rejected[2]?.reason).toContain('owner: no active user ghost@test.local');
    expect(rejected[3]?.reason).toContain('disqualifyReason: a disqualified lead needs a reason');
    expect(rejected[4]?.reason).toContain('status: must be new, contacted, qualified or disqualified');
    expect(rejected[0]?.raw).toContain('12345');
    // The duplicate of Somchai (same email, in the same file) was skipped, not created.
    expect(await leadsByCompany(['ไร่ชาซ้ำ'])).toEqual([]);
  });

  it('skips the leads already there when the same file comes again, or creates them when asked', async () => {
    const file = tempCsv(['ซ้ำ หนึ่ง,ร้านซ้ำ,again@example.com,0861112222,,,,,,']);
    expect((await importLeadFile(db, cli, file, MAPPING)).progress).toMatchObject({ created: 1, skipped: 0 });
    expect((await importLeadFile(db, cli, file, MAPPING)).progress).toMatchObject({ created: 0, skipped: 1 });
    // The same phone written another way is the same phone.
    const other = tempCsv(['ซ้ำ สอง,ร้านซ้ำสอง,,+66 86 111 2222,,,,,,']);
    expect((await importLeadFile(db, cli, other, MAPPING)).progress).toMatchObject({ created: 0, skipped: 1 });
    const forced = await importLeadFile(db, cli, other, MAPPING, { importOptions: { onDuplicate: 'create' } });
    expect(forced.progress).toMatchObject({ created: 1, skipped: 0 });
  });

  it('writes nothing but its progress and rejections in a dry run, and turns no rotation', async () => {
    const turns = async () =>
      (await db.select({ turn: leadAssignmentRules.turn }).from(leadAssignmentRules)).map((r) => r.turn);
    const before = await turns();
    const file = tempCsv(['ทดลอง หนึ่ง,ร้านทดลอง,dry@example.com,0861113333,,,,,,', 'ไม่มีอะไรเลย,,,,,,,,won,']);
    const { id, progress } = await importLeadFile(db, cli, file, MAPPING, { dryRun: true });
    expect(progress).toMatchObject({ status: 'completed', created: 1, rejected: 1 });
    expect(await leadsByCompany(['ร้านทดลอง'])).toEqual([]);
    expect(await turns()).toEqual(before);
    expect((await rejectionsOf(id)).map((r) => r.line)).toEqual([3]);
  });

  it('resumes after the last committed batch without writing a lead twice', async () => {
    const lines = Array.from({ length: 7 }, (_, i) => `ต่อ ${i},ร้านต่อ${i},resume${i}@example.com,08622200${i}0,,,,,,`);
    const file = tempCsv(lines);
    const first = await importLeadFile(db, cli, file, MAPPING, { batchSize: 3, stopAfterBatches: 1 });
    expect(first.progress).toMatchObject({ status: 'running', processed: 3, created: 3 });
    const done = await runImport(db, cli, first.id, { batchSize: 3 });
    expect(done).toMatchObject({ status: 'completed', processed: 7, created: 7 });
    const made = await leadsByCompany(lines.map((_, i) => `ร้านต่อ${i}`));
    expect(made).toHaveLength(7);
  });

  it('writes nothing of a batch that fails, and resumes after the last committed one', async () => {
    // A database failure in the middle of the second batch (a trigger refuses one lead).
    await db.execute(sql`create function refuse_lead() returns trigger language plpgsql as $$
      begin if new.company = 'ร้านพัง' then raise exception 'disk full'; end if; return new; end $$`);
    await db.execute(
      sql`create trigger refuse_lead before insert on leads for each row execute function refuse_lead()`,
    );
    const companies = ['ร้านก่อน1', 'ร้านก่อน2', 'ร้านเพื่อน', 'ร้านพัง', 'ร้านหลัง'];
    const file = tempCsv(companies.map((c, i) => `คน ${i},${c},half${i}@example.com,08633300${i}0,,,,,,`));
    const view = await importLeadFile(db, cli, file, MAPPING, { batchSize: 2 }).catch((err: unknown) => err);
    expect(String((view as Error).cause ?? view)).toMatch(/disk full/);
    const [row] = await db
      .select()
      .from(imports)
      .where(eq(imports.fileName, file.split('/').at(-1) ?? ''));
    expect(row).toMatchObject({ status: 'running', committedLine: 3, createdRows: 2 });
    // The batch with the refused lead left nothing behind, not even its first row.
    expect((await leadsByCompany(companies)).map((l) => l.company)).toEqual(['ร้านก่อน1', 'ร้านก่อน2']);
    await db.execute(sql`drop trigger refuse_lead on leads`);
    await db.execute(sql`drop function refuse_lead()`);
    expect(await runImport(db, cli, row?.id ?? '', { batchSize: 2 })).toMatchObject({
      status: 'completed',
      created: 5,
    });
    expect(await leadsByCompany(companies)).toHaveLength(5);
  });

  it('lets a salesperson import only leads they own', async () => {
    const file = tempCsv([
      'ของฉัน เอง,ร้านของฉัน,mine@example.com,0863334444,เชียงใหม่,,,,,',
      'ของคนอื่น,ร้านของคนอื่น,theirs@example.com,0863335555,,,,sales-b@test.local,,',
    ]);
    const { id, progress } = await importLeadFile(db, staff.salesA, file, MAPPING);
    expect(progress).toMatchObject({ created: 1, rejected: 1 });
    const [mine] = await leadsByCompany(['ร้านของฉัน']);
    // Not handed to the Chiang Mai rule: a salesperson keeps what they enter.
    expect(mine).toMatchObject({ ownerId: userIdOf(staff.salesA), assignedByRuleId: null });
    expect((await rejectionsOf(id))[0]?.reason).toContain('owner: your role may only name yourself');
    await expect(importLeadFile(db, staff.service, file, MAPPING)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('previews an uploaded file and runs it once started', async () => {
    await createLead(db, staff.admin, { firstName: 'มีอยู่', company: 'ร้านมีอยู่', email: 'exists@example.com' });
    const csv = [
      'Full Name,Company,Email,Phone,Status',
      'ใหม่ หนึ่ง,ร้านอัปโหลด,upload@example.com,081 999 0000,new',
      'มีอยู่ แล้ว,ร้านมีอยู่ซ้ำ,EXISTS@example.com,,',
      'เบอร์ เสีย,ร้านเบอร์เสีย,,999,',
    ].join('\r\n');
    const view = await uploadImport(db, staff.managerA, {
      fileName: 'leads.csv',
      body: (async function* () {
        yield new TextEncoder().encode(csv);
      })(),
      maxBytes: 1_000_000,
      kind: 'leads',
    });
    const preview = await previewImport(db, staff.managerA, view.id, {});
    expect(preview.mapping).toEqual({
      'Full Name': 'name',
      Company: 'company',
      Email: 'email',
      Phone: 'phone',
      Status: 'status',
    });
    expect(preview.rows.map((r) => r.outcome)).toEqual(['create', 'skip', 'reject']);
    expect(preview.rows[1]?.reason).toContain('a lead with this email exists: มีอยู่');
    expect(await leadsByCompany(['ร้านอัปโหลด'])).toEqual([]);
    const started = await startImport(db, staff.managerA, view.id, { mapping: preview.mapping });
    expect(started.options).toEqual({ onDuplicate: 'skip' });
    expect(await runImport(db, staff.managerA, view.id)).toMatchObject({ created: 1, skipped: 1, rejected: 1 });
    const [row] = await db.select().from(imports).where(eq(imports.id, view.id));
    expect(row?.kind).toBe('leads');
  });
});
