/**
 * Test helpers for the backup tests (not loaded by the program): a database filled with
 * every kind of value the backup must carry, and an exact picture of a database's rows.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { withDatabase } from '../../../test/support/test-database.ts';
import { testDatabaseKind, testDatabaseUrl } from '../../../test/support/test-env.ts';
import { customers } from '../../modules/customers/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { createApiToken } from '../auth/create-api-token.ts';
import { createTeam } from '../auth/create-team.ts';
import { createUser } from '../auth/create-user.ts';
import { type Actor, systemActor } from '../auth/principal.ts';
import { loginThrottle, sessions } from '../auth/schema.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import { emitEvent } from '../events/emit-event.ts';
import { idempotencyKeys } from '../http/idempotency-schema.ts';
import { updateSettings } from '../settings/update-settings.ts';
import { qualified } from './format.ts';
import { listTables } from './schema-info.ts';
import { inSnapshot } from './sql-session.ts';

export const TRICKY_TAGS = [
  'ลูกค้าประจำ',
  'VIP',
  'a,b',
  '"quoted"',
  '{brace}',
  'back\\slash',
  '',
  'NULL',
  '🐘',
  'two\nlines',
];

export interface SampleFacts {
  userIds: string[];
  customerCount: number;
}

export async function fillSampleData(database: Database, customerCount = 300): Promise<SampleFacts> {
  const cli = systemActor('cli');
  const { db } = database;
  const north = await db.transaction((tx) => createTeam(tx, cli, { name: 'ทีมขายภาคเหนือ' }));
  await db.transaction((tx) => createTeam(tx, cli, { name: 'Service "B" team' }));
  const owner = await db.transaction((tx) =>
    createUser(tx, cli, {
      email: 'owner@example.co.th',
      password: 'correct horse battery',
      role: 'owner',
      name: 'คุณสมหญิง รักดี',
    }),
  );
  const sales = await db.transaction((tx) =>
    createUser(tx, cli, {
      email: 'somchai@example.co.th',
      password: 'correct horse battery',
      role: 'sales',
      name: 'สมชาย ใจดี',
      teamId: north.id,
      locale: 'th',
    }),
  );
  const ownerActor: Actor = {
    principal: { type: 'user', userId: owner.id, teamId: null, role: 'owner', label: owner.name },
    source: 'web',
    ip: '203.0.113.7',
    requestId: 'req-ทดสอบ',
  };
  await db.transaction((tx) =>
    createApiToken(tx, ownerActor, { name: 'โทเคน POS หน้าร้าน', role: 'viewer', expiresAt: '2099-01-31T00:00:00.000Z' }),
  );
  await db.transaction((tx) => createApiToken(tx, cli, { name: 'cli token', role: 'admin' }));
  await updateSettings(db, ownerActor, { companyName: 'ร้านกาแฟ สัมพันธ์ จำกัด', backup: { hour: 3, retentionDays: 30 } });
  await recordAudit(db, ownerActor, {
    entityType: 'customer',
    entityId: null,
    action: 'note',
    changes: {
      note: { before: null, after: { text: 'โทรกลับพรุ่งนี้ 🙏', nested: [1.5, null, true, 'ก'], big: '9007199254740993' } },
    },
  });
  for (let i = 0; i < 5; i++) {
    await emitEvent(db, {
      topic: 'test.event',
      aggregateType: 'test',
      aggregateId: null,
      payload: { i, text: 'ข้อความ\t"x"', list: [i, `${i}`] },
    });
  }
  // The newest events are gone: the outbox sequence now stands above max(id), and a
  // restore must carry it on from there rather than hand those numbers out again.
  await database.query('delete from outbox where id > (select max(id) - 2 from outbox)');

  await db.insert(sessions).values({
    id: 'session-1',
    userId: sales.id,
    expiresAt: new Date('2099-01-01T00:00:00.123Z'),
    ip: '::1',
    userAgent: null,
  });
  await db
    .insert(loginThrottle)
    .values({ key: 'ip:198.51.100.1', count: 3, windowStart: new Date('2026-11-23T01:02:03.456Z') });
  await db.insert(idempotencyKeys).values({
    principal: owner.id,
    key: 'idem-1',
    requestHash: 'abc',
    status: 201,
    body: { ok: true, name: 'สมหญิง', deep: { a: [1, 2, { b: null }] } },
    contentType: 'application/json',
  });

  const base = Date.UTC(2026, 0, 1, 3, 4, 5, 678);
  const rows = Array.from({ length: customerCount }, (_, i) => ({
    kind: i % 7 === 0 ? 'company' : 'person',
    displayName: i % 2 ? `คุณลูกค้า ${i} ใจดี` : `Customer ${i} O'Brien`,
    firstName: i % 3 ? 'สมศักดิ์' : null,
    lastName: i % 5 ? null : 'ศรีสุข',
    nickname: i % 4 ? null : 'น้อง\u200bมด',
    email: i % 6 ? `c${i}@example.com` : null,
    phone: `+6681${String(i).padStart(7, '0')}`,
    province: 'กรุงเทพมหานคร',
    postcode: '10110',
    addressLine: i === 1 ? 'line one\r\nline two "quoted" \\ back' : null,
    tags: i === 0 ? TRICKY_TAGS : i % 2 ? ['VIP'] : [],
    ownerId: i % 3 ? sales.id : null,
    teamId: i % 3 ? north.id : null,
    createdAt: new Date(base + i * 60_000),
    updatedAt: new Date(base + i * 61_001),
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insert(customers).values(rows.slice(i, i + 500));
  return { userIds: [owner.id, sales.id], customerCount };
}

/** Every public table's rows as exact text, in primary-key order, session settings fixed. */
export async function tableContents(database: Database): Promise<Record<string, string[]>> {
  return inSnapshot(database, async (q) => {
    const out: Record<string, string[]> = {};
    for (const t of await listTables(q)) {
      const rows = await q<{ j: string }>(
        `select row_to_json(r)::text as j from ${qualified(t.name)} r${t.orderBy ? ` order by ${t.orderBy}` : ''}`,
      );
      out[t.name] = rows.map((r) => r.j);
    }
    return out;
  });
}

export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const contents = await tableContents(database);
  return Object.fromEntries(Object.entries(contents).map(([t, rows]) => [t, rows.length]));
}

/** Rewrites a (small) backup file line by line, for damaged-file tests. */
export function rewriteBackup(from: string, to: string, edit: (lines: string[]) => string[]): void {
  const lines = gunzipSync(readFileSync(from)).toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  writeFileSync(to, gzipSync(`${edit(lines).join('\n')}\n`));
}

/**
 * A database with nothing in it, not even migrations, on this run's driver: PGlite in
 * memory, or a new PostgreSQL database (named like the test databases, so an
 * interrupted run's leftovers are dropped by the global setup).
 */
export async function createBlankDatabase(): Promise<{ database: Database; url?: string; cleanup(): Promise<void> }> {
  if (testDatabaseKind() !== 'postgres') {
    const database = await openDatabase({ memory: true });
    return { database, cleanup: () => database.close() };
  }
  return createBlankPostgres(testDatabaseUrl());
}

export async function createBlankPostgres(
  baseUrl: string,
): Promise<{ database: Database; url: string; cleanup(): Promise<void> }> {
  const name = `sampan_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(baseUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolMax: 4 });
  return {
    database,
    url,
    async cleanup() {
      await database.close();
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
