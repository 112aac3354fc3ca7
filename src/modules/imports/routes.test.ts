import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, jsonRequest, type TestApp } from '../../../test/support/test-app.ts';
import { auditLog } from '../../core/audit/schema.ts';
import { createTeam } from '../../core/auth/create-team.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { registerErrors } from '../../core/errors/catalog.ts';
import { outbox } from '../../core/events/schema.ts';
import { createLogger } from '../../core/logger.ts';
import { customers, customersModule } from '../customers/index.ts';
import { customerExportModule, importsModule } from './index.ts';
import { runRequestedImport } from './jobs.ts';
import { imports } from './schema.ts';
import { fixture } from './testing.ts';

let t: TestApp;
let admin: { userId: string; token: string };
let salesA: { userId: string; token: string };
let salesB: { userId: string; token: string };
let service: { userId: string; token: string };
let viewer: { userId: string; token: string };

beforeAll(async () => {
  registerErrors(customersModule.errors ?? {});
  registerErrors(importsModule.errors ?? {});
  t = await createTestApp([customerExportModule, customersModule, importsModule]);
  const db = t.testDb.database.db;
  const teamA = await createTeam(db, systemActor('cli'), { name: 'ทีมเอ' });
  const teamB = await createTeam(db, systemActor('cli'), { name: 'ทีมบี' });
  admin = await t.userWithToken('admin');
  salesA = await t.userWithToken('sales', { teamId: teamA.id });
  salesB = await t.userWithToken('sales', { teamId: teamB.id });
  service = await t.userWithToken('service');
  viewer = await t.userWithToken('viewer');
});
afterAll(() => t.close());

function upload(token: string, body: Buffer | string, name = 'people.csv', headers: Record<string, string> = {}) {
  return t.app.request(`/api/v1/imports?fileName=${encodeURIComponent(name)}&kind=customers`, {
    method: 'POST',
    headers: bearer(token, { 'content-type': 'application/octet-stream', ...headers }),
    body,
  });
}

async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** What the worker does with the outbox event of a start request. */
async function runJobFor(importId: string) {
  const [event] = await t.testDb.database.db.select().from(outbox).where(eq(outbox.aggregateId, importId));
  expect(event?.topic).toBe('imports.requested');
  await runRequestedImport(
    t.testDb.database,
    {
      eventId: Number(event?.id),
      topic: String(event?.topic),
      aggregateType: 'import',
      aggregateId: importId,
      payload: event?.payload ?? {},
      createdAt: new Date().toISOString(),
    },
    createLogger('silent'),
  );
}

describe('imports HTTP API', () => {
  it('uploads, previews (writing nothing), starts as a job, reports progress and rejected rows', async () => {
    const up = await upload(salesA.token, readFileSync(fixture('people-utf8.csv')), 'ลูกค้า.csv');
    expect(up.status).toBe(201);
    const job = await json<{ id: string; status: string; fileSize: number }>(up);
    expect(job).toMatchObject({ status: 'pending', fileSize: readFileSync(fixture('people-utf8.csv')).length });

    const before = (await t.testDb.database.db.select().from(customers)).length;
    const pre = await t.app.request(`/api/v1/imports/${job.id}/preview`, jsonRequest('POST', {}, bearer(salesA.token)));
    expect(pre.status).toBe(200);
    const preview = await json<{
      encoding: string;
      delimiter: string;
      headers: string[];
      mapping: Record<string, string>;
      rows: { line: number; outcome: string; reason: string | null; values: Record<string, string> }[];
    }>(pre);
    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(preview.mapping).toMatchObject({ ชื่อ: 'firstName', เบอร์โทร: 'phone', อีเมล: 'email' });
    expect(preview.rows.map((r) => r.outcome)).toEqual(['create', 'create', 'create', 'reject', 'update']);
    expect(preview.rows[3]?.reason).toContain('อีเมลไม่ถูกต้อง');
    expect(preview.rows[0]?.values.ชื่อ).toBe('สมชาย');
    expect((await t.testDb.database.db.select().from(customers)).length).toBe(before);

    const start = await t.app.request(
      `/api/v1/imports/${job.id}/start`,
      jsonRequest('POST', { mapping: preview.mapping, onMatch: 'update' }, bearer(salesA.token)),
    );
    expect(start.status).toBe(202);
    expect(await json(start)).toMatchObject({ status: 'running' });
    const again = await t.app.request(
      `/api/v1/imports/${job.id}/start`,
      jsonRequest('POST', { mapping: preview.mapping }, bearer(salesA.token)),
    );
    expect(again.status).toBe(409);

    await runJobFor(job.id);
    const done = await json(await t.app.request(`/api/v1/imports/${job.id}`, { headers: bearer(salesA.token) }));
    expect(done).toMatchObject({
      status: 'completed',
      processedRows: 5,
      createdRows: 3,
      updatedRows: 1,
      rejectedRows: 1,
    });
    const [created] = await t.testDb.database.db
      .select()
      .from(customers)
      .where(eq(customers.email, 'wichai@example.com'));
    expect(created?.ownerId).toBe(salesA.userId);

    const report = await t.app.request(`/api/v1/imports/${job.id}/rejections.csv`, {
      headers: bearer(salesA.token, { 'accept-language': 'th' }),
    });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await report.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFFบรรทัด,เหตุผล,ข้อมูลแถว')).toBe(true);
    expect(text).toContain('5,');
    expect(text).toContain('มานี');

    // another sales user does not see this import at all
    expect((await t.app.request(`/api/v1/imports/${job.id}`, { headers: bearer(salesB.token) })).status).toBe(404);
    const list = await json<{ items: { id: string }[] }>(
      await t.app.request('/api/v1/imports', { headers: bearer(salesB.token) }),
    );
    expect(list.items.map((i) => i.id)).not.toContain(job.id);
    const all = await json<{ items: { id: string }[] }>(
      await t.app.request('/api/v1/imports', { headers: bearer(admin.token) }),
    );
    expect(all.items.map((i) => i.id)).toContain(job.id);
  });

  it('uploads and previews in one call (POST /imports/preview), a semicolon file with BOM', async () => {
    const res = await t.app.request('/api/v1/imports/preview?fileName=bom.csv', {
      method: 'POST',
      headers: bearer(salesA.token, { 'content-type': 'text/csv' }),
      body: readFileSync(fixture('people-bom-semicolon.csv')),
    });
    expect(res.status).toBe(200);
    const body = await json<{
      delimiter: string;
      mapping: Record<string, string>;
      rows: { outcome: string }[];
      import: { id: string; status: string };
    }>(res);
    expect(body).toMatchObject({
      delimiter: ';',
      mapping: { Name: 'displayName', Email: 'email', Phone: 'phone', Province: 'province' },
    });
    expect(body.rows.map((r) => r.outcome)).toEqual(['create', 'create']);
    expect(body.import.status).toBe('pending');
  });

  it('refuses binary and malformed files with a clear coded error in the asked language', async () => {
    const bin = await upload(salesA.token, readFileSync(fixture('binary.csv')));
    const id = (await json<{ id: string }>(bin)).id;
    const res = await t.app.request(
      `/api/v1/imports/${id}/preview`,
      jsonRequest('POST', {}, bearer(salesA.token, { 'accept-language': 'th' })),
    );
    expect(res.status).toBe(422);
    const problem = await json<{ code: string; detail: string }>(res);
    expect(problem.code).toBe('import_file_binary');
    expect(problem.detail).toContain('ไม่ใช่ไฟล์ข้อความ CSV');

    const bad = await upload(salesA.token, readFileSync(fixture('malformed-unclosed-quote.csv')));
    const badId = (await json<{ id: string }>(bad)).id;
    const res2 = await t.app.request(`/api/v1/imports/${badId}/preview`, jsonRequest('POST', {}, bearer(salesA.token)));
    expect(await json(res2)).toMatchObject({ code: 'import_file_malformed' });
  });

  it('refuses an invalid start body per field, an empty upload, an oversized upload and a wrong content type', async () => {
    const up = await upload(salesA.token, 'name,email\nA,a@x.test\n');
    const id = (await json<{ id: string }>(up)).id;
    const res = await t.app.request(
      `/api/v1/imports/${id}/start`,
      jsonRequest('POST', { mapping: { name: 'shoeSize' }, onMatch: 'create' }, bearer(salesA.token)),
    );
    expect(res.status).toBe(400);
    const problem = await json<{ errors: { path: string }[] }>(res);
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['mapping', 'onMatch']);
    const [row] = await t.testDb.database.db.select().from(imports).where(eq(imports.id, id));
    expect(row?.status).toBe('pending');

    expect((await upload(salesA.token, '')).status).toBe(422);
    const big = await upload(salesA.token, 'a', 'big.csv', { 'content-length': String(300 * 1024 * 1024) });
    expect(big.status).toBe(413);
    const wrongType = await t.app.request('/api/v1/imports/mappings', {
      method: 'POST',
      headers: bearer(salesA.token, { 'content-type': 'text/csv' }),
      body: 'a,b',
    });
    expect(wrongType.status).toBe(415);
  });

  it('cancels a pending import; a finished one cannot be cancelled', async () => {
    const up = await upload(salesA.token, 'name\nA\n');
    const id = (await json<{ id: string }>(up)).id;
    const res = await t.app.request(`/api/v1/imports/${id}/cancel`, { method: 'POST', headers: bearer(salesA.token) });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'cancelled' });
    const again = await t.app.request(`/api/v1/imports/${id}/cancel`, {
      method: 'POST',
      headers: bearer(salesA.token),
    });
    expect(again.status).toBe(409);
  });

  it('an upload with an Idempotency-Key streams through; a retry gets the first response, another file is refused', async () => {
    const body = 'name,email\nคนหนึ่ง,one@idem.test\n';
    // HTTP clients send the length of a file body; the key's request check uses it, not the bytes.
    const key = (text: string) => ({
      'idempotency-key': 'upload-once',
      'content-length': String(Buffer.byteLength(text)),
    });
    const first = await upload(salesA.token, body, 'idem.csv', key(body));
    expect(first.status).toBe(201);
    const created = await json<{ id: string; fileSize: number }>(first);
    expect(created.fileSize).toBe(Buffer.byteLength(body));
    const retry = await upload(salesA.token, body, 'idem.csv', key(body));
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await json<{ id: string }>(retry)).id).toBe(created.id);
    const longer = `${body}คนสอง,two@idem.test\n`;
    const other = await upload(salesA.token, longer, 'idem.csv', key(longer));
    expect(other.status).toBe(422);
  });

  it('permissions: viewers may not import; service may not export', async () => {
    expect((await upload(viewer.token, 'name\nA\n')).status).toBe(403);
    expect((await t.app.request('/api/v1/customers/export.csv', { headers: bearer(service.token) })).status).toBe(403);
  });

  it('saves, lists and deletes mapping templates; names are unique', async () => {
    const body = {
      kind: 'customers',
      name: 'POS export',
      mapping: { เบอร์โทร: 'phone', ชื่อ: 'firstName' },
      options: { onMatch: 'skip' },
    };
    const saved = await t.app.request('/api/v1/imports/mappings', jsonRequest('POST', body, bearer(salesA.token)));
    expect(saved.status).toBe(201);
    const { id } = await json<{ id: string }>(saved);
    expect(
      (await t.app.request('/api/v1/imports/mappings', jsonRequest('POST', body, bearer(salesA.token)))).status,
    ).toBe(409);
    const bad = await t.app.request(
      '/api/v1/imports/mappings',
      jsonRequest(
        'POST',
        { ...body, name: 'x', mapping: { a: 'nope' } },
        bearer(salesA.token, { 'accept-language': 'th' }),
      ),
    );
    expect(bad.status).toBe(400);
    const list = await json<{ items: { name: string }[] }>(
      await t.app.request('/api/v1/imports/mappings?kind=customers', { headers: bearer(salesA.token) }),
    );
    expect(list.items.map((m) => m.name)).toContain('POS export');
    expect(
      (await t.app.request(`/api/v1/imports/mappings/${id}`, { method: 'DELETE', headers: bearer(salesA.token) }))
        .status,
    ).toBe(204);
    expect(
      (await t.app.request(`/api/v1/imports/mappings/${id}`, { method: 'DELETE', headers: bearer(salesA.token) }))
        .status,
    ).toBe(404);
  });
});

describe('customer export', () => {
  it('streams CSV with BOM and Thai headers, only the customers the caller may see, with the list filters', async () => {
    for (const [token, name, email] of [
      [salesA.token, 'ส่งออกเอ', 'a@export.test'],
      [salesB.token, 'ส่งออกบี', 'b@export.test'],
    ] as const) {
      const res = await t.app.request(
        '/api/v1/customers',
        jsonRequest('POST', { firstName: name, email }, bearer(token)),
      );
      expect(res.status).toBe(201);
    }
    const res = await t.app.request('/api/v1/customers/export.csv?lang=th', { headers: bearer(salesB.token) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFFรหัสลูกค้า,ชื่อที่แสดง')).toBe(true);
    expect(text).toContain('ส่งออกบี');
    expect(text).not.toContain('ส่งออกเอ');
    const english = await (
      await t.app.request('/api/v1/customers/export.csv?q=ส่งออก', {
        headers: bearer(admin.token, { 'accept-language': 'en' }),
      })
    ).text();
    expect(english.split('\n')[0]).toContain('Display name');
    expect(english).toContain('ส่งออกเอ');
    expect(english).not.toContain('สมหญิง');
  });

  it('streams XLSX that opens as a workbook', async () => {
    const res = await t.app.request('/api/v1/customers/export.xlsx?q=export.test', { headers: bearer(admin.token) });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe('ชื่อที่แสดง');
    expect(sheet?.rowCount).toBe(3);
  });

  it('exports customers picked by id, only those the caller may see, and audits it', async () => {
    const picked: Record<string, string> = {};
    for (const [key, token, name] of [
      ['a', salesA.token, 'เลือกเอ'],
      ['b', salesB.token, 'เลือกบี'],
      ['bOther', salesB.token, 'ไม่เลือกบี'],
    ] as const) {
      const res = await t.app.request('/api/v1/customers', jsonRequest('POST', { firstName: name }, bearer(token)));
      picked[key] = ((await res.json()) as { id: string }).id;
    }
    const ids = [picked.a, picked.b];
    // Scores as the analytics recompute stores them (its table, written here by SQL).
    await t.testDb.database.db.execute(sql`with run as (
        insert into score_runs (status, trigger, calibration_end, time_unit)
        values ('succeeded', 'test', '2026-06-30', 'week') returning id)
      insert into customer_scores (customer_id, run_id, computed_at, rfm_r, rfm_f, rfm_m, rfm_segment, p_alive,
        churn_risk, expected_purchases_90d, clv_12m_satang, value_grade, purchase_periods, total_spend_satang,
        first_purchase_on, last_purchase_on)
      select ${picked.b}::uuid, run.id, now(), 5, 4, 4, 'champions', 0.93125, 'low', 2.5, 123450, 'A', 6,
        500000, '2026-01-05', '2026-06-20' from run`);
    const res = await t.app.request(
      '/api/v1/customers/export.csv',
      jsonRequest('POST', { ids, lang: 'en' }, bearer(salesB.token)),
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split('\n')[0]).toContain('Display name');
    expect(text).toContain('เลือกบี');
    expect(text).not.toContain('ไม่เลือกบี');
    const [header, row] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header?.split(',').slice(-5)).toEqual([
      'Value grade',
      'RFM segment',
      'Churn risk',
      'P(alive)',
      'Predicted 12-month value (THB)',
    ]);
    expect(row?.split(',').slice(-5)).toEqual(['A', 'champions', 'low', '0.9313', '1234.50']);
    expect(text).not.toContain('เลือกเอ'); // salesA's customer: not visible to salesB
    const [audit] = await t.testDb.database.db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(eq(auditLog.action, 'export'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect((audit?.changes as { picked?: { after: number } } | undefined)?.picked?.after).toBe(2);
    const workbook = new ExcelJS.Workbook();
    const xlsx = await t.app.request(
      '/api/v1/customers/export.xlsx',
      jsonRequest('POST', { ids }, bearer(admin.token)),
    );
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(3);
  });

  it('refuses a pick that is empty, too large or not ids', async () => {
    for (const ids of [[], ['nope'], Array.from({ length: 5001 }, () => randomUUID())]) {
      const res = await t.app.request(
        '/api/v1/customers/export.csv',
        jsonRequest('POST', { ids }, bearer(admin.token)),
      );
      expect(res.status, JSON.stringify(ids).slice(0, 40)).toBe(400);
    }
  });

  it('refuses bad filters per field', async () => {
    const res = await t.app.request('/api/v1/customers/export.csv?createdFrom=yesterday', {
      headers: bearer(admin.token),
    });
    expect(res.status).toBe(400);
  });
});
