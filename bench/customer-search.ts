// Customer search at scale through the real listCustomers use case (full-text search on
// the stored customers.search_vector, GIN index customers_search_idx): 1,000,000 people on
// PostgreSQL (goal p95 < 50 ms) and 100,000 on PGlite (goal p95 < 100 ms), as an admin (all
// records) and as a sales user (owns 10%, sees only those). Prints p50/p95/p99 per kind.
// PostgreSQL: a throwaway sampan_bench_search_* database, dropped at the end.
//   npx tsx bench/customer-search.ts [--pg 1000000] [--pglite 100000] [--queries 100] [--keep]
// (--keep leaves the PostgreSQL database in place to study plans; drop it afterwards)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createUser } from '../src/core/auth/create-user.ts';
import { type Actor, systemActor } from '../src/core/auth/principal.ts';
import type { Database } from '../src/core/db/database.ts';
import { migrateDatabase } from '../src/core/db/migrate.ts';
import { openDatabase } from '../src/core/db/open-database.ts';
import { customerSearchText, listCustomers, searchWords } from '../src/modules/customers/index.ts';
import { thaiNameSuffixes } from '../src/modules/customers/search-text.ts';
import { actorFor } from '../src/modules/customers/testing.ts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES } from '../src/modules/demo/thai-names.ts';
import { machine } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    pg: { type: 'string', default: '1000000' },
    pglite: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
  },
});
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `sampan_bench_search_${randomBytes(4).toString('hex')}`;
const QUERIES = Number(values.queries);

interface Sample {
  thai: string;
  latin: string;
  phone: string;
  email: string | null;
}

const BATCH = 100_000;

/**
 * Rows are made in SQL (generate_series) so a million load in minutes: real Thai first and
 * last names with their RTGS spelling (demo/thai-names.ts), each name's search words
 * computed once in JS by searchWords (Intl.Segmenter), phones as unique Thai mobiles,
 * emails for 60%. search_text is assembled in SQL the way customerSearchText builds it;
 * the benchmark checks that on sampled rows before measuring.
 */
async function load(database: Database, count: number, adminId: string, salesId: string): Promise<void> {
  const first = [...FEMALE_FIRST_NAMES, ...MALE_FIRST_NAMES];
  const args = [
    first.map(([th]) => th),
    first.map(([, en]) => en),
    first.map(([th, en]) => [...new Set([...searchWords(th), ...searchWords(en)])].join(' ')),
    SURNAMES.map(([th]) => th),
    SURNAMES.map(([, en]) => en),
    SURNAMES.map(([th, en]) => [...new Set([...searchWords(th), ...searchWords(en)])].join(' ')),
    // Thai names without spaces from each word boundary (thaiNameSuffixes): a first name's
    // own suffixes get the surname appended per row; a surname's stand alone.
    first.map(([th]) => {
      const segments = searchWords(th);
      return segments.map((_, i) => segments.slice(i).join('')).join(' ');
    }),
    SURNAMES.map(([th]) => thaiNameSuffixes(th).join(' ')),
  ];
  // the GIN indexes are built once after the load, as a bulk import would do
  await database.exec('drop index customers_search_idx; drop index customers_name_trgm_idx');
  for (let from = 1; from <= count; from += BATCH) {
    const to = Math.min(count, from + BATCH - 1);
    await database.query(
      `insert into customers (kind, display_name, first_name, last_name, first_name_en, last_name_en, email, phone, owner_id, search_text, created_at, updated_at)
       select 'person', r.fth || ' ' || r.lth, r.fth, r.lth, r.fen, r.len, r.email, '+66' || substr(r.national, 2),
              case when g.i % 10 = 0 then $8::uuid else $9::uuid end,
              r.fw || ' ' || r.lw
                || ' ' || array_to_string(array(select s || r.lth from unnest(string_to_array(r.fsuf, ' ')) s), ' ')
                || coalesce(nullif(' ' || r.lsuf, ' '), '') || ' ' || r.national || ' 66' || substr(r.national, 2) || ' ' || reverse(r.national)
                || coalesce(' ' || regexp_replace(r.email, '[^a-z0-9]+', ' ', 'g') || ' ' || regexp_replace(r.email, '[^a-z0-9]', '', 'g'), ''),
              r.at, r.at
       from generate_series($1::int, $2::int) as g(i)
       cross join lateral (
         select $3::text[] as fths, $4::text[] as fens, $5::text[] as fws, $6::text[] as lths, $7::text[] as lens, $10::text[] as lws,
                $11::text[] as fsufs, $12::text[] as lsufs
       ) a
       cross join lateral (
         select a.fths[1 + (g.i::bigint * 7919) % cardinality(a.fths)] as fth,
                a.fens[1 + (g.i::bigint * 7919) % cardinality(a.fths)] as fen,
                a.fws[1 + (g.i::bigint * 7919) % cardinality(a.fths)] as fw,
                a.lths[1 + (g.i::bigint * 104729) % cardinality(a.lths)] as lth,
                a.lens[1 + (g.i::bigint * 104729) % cardinality(a.lths)] as len,
                a.lws[1 + (g.i::bigint * 104729) % cardinality(a.lths)] as lw,
                a.fsufs[1 + (g.i::bigint * 7919) % cardinality(a.fths)] as fsuf,
                a.lsufs[1 + (g.i::bigint * 104729) % cardinality(a.lths)] as lsuf,
                '08' || lpad(((g.i::bigint * 48271) % 99999989)::text, 8, '0') as national,
                case when g.i % 5 < 3 then lower(a.fens[1 + (g.i::bigint * 7919) % cardinality(a.fths)]) || '.'
                  || lower(left(a.lens[1 + (g.i::bigint * 104729) % cardinality(a.lths)], 2)) || g.i || '@gmail.com' end as email,
                timestamptz '2026-11-01 00:00:00+07' - ((g.i::bigint * 7) % 94608000) * interval '1 second' as at
       ) r`,
      [from, to, args[0], args[1], args[2], args[3], args[4], salesId, adminId, args[5], args[6], args[7]],
    );
    console.error(`  … ${to.toLocaleString('en')} loaded`);
  }
  await database.exec(
    `CREATE INDEX "customers_search_idx" ON "customers" USING gin ("search_vector");
     CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("display_name" gin_trgm_ops);`,
  );
}

/** Random rows to search for; their search_text must equal what the app computes. */
async function samples(database: Database): Promise<Sample[]> {
  const rows = await database.query<{
    display_name: string;
    first_name: string;
    last_name: string;
    first_name_en: string;
    last_name_en: string;
    email: string | null;
    phone: string;
    search_text: string;
  }>(
    'select display_name, first_name, last_name, first_name_en, last_name_en, email, phone, search_text from customers order by random() limit $1',
    [QUERIES * 2],
  );
  for (const r of rows) {
    const ids = [{ kind: 'phone', value: r.phone }, ...(r.email ? [{ kind: 'email', value: r.email }] : [])];
    const app = customerSearchText(
      {
        displayName: r.display_name,
        firstName: r.first_name,
        lastName: r.last_name,
        firstNameEn: r.first_name_en,
        lastNameEn: r.last_name_en,
      },
      ids,
    );
    const sorted = (t: string) => [...new Set(t.split(' '))].sort().join(' ');
    if (sorted(app) !== sorted(r.search_text)) {
      throw new Error(`search_text differs from the app's:\n${r.search_text}\n${app}`);
    }
  }
  return rows.map((r) => ({
    thai: `${r.first_name} ${r.last_name}`,
    latin: `${r.first_name_en.toUpperCase()} ${r.last_name_en.slice(0, 4)}`,
    phone: r.phone,
    email: r.email,
  }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(database: Database, actor: Actor, terms: string[], options?: { searchWalk: number }) {
  for (const q of terms.slice(0, 3)) await listCustomers(database.db, actor, { limit: 50, q }, options);
  const times: number[] = [];
  let found = 0;
  for (const q of terms) {
    const t0 = performance.now();
    const page = await listCustomers(database.db, actor, { limit: 50, q }, options);
    times.push(performance.now() - t0);
    if (page.items.length > 0) found += 1;
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    found,
    total: terms.length,
  };
}

function queryKinds(samples: Sample[]): [string, string[]][] {
  const national = (e164: string) => `0${e164.slice(3)}`;
  const pick = samples.slice(0, QUERIES);
  return [
    ['Thai name (first + last, no space)', pick.map((s) => s.thai.replace(' ', ''))],
    ['Thai first name', pick.map((s) => s.thai.split(' ')[0] ?? s.thai)],
    ['Latin name, upper case + surname prefix', pick.map((s) => s.latin)],
    ['phone, last 4 digits', pick.map((s) => s.phone.slice(-4))],
    [
      'phone prefix "081-234-5…" (7 digits)',
      pick.map((s) =>
        national(s.phone)
          .slice(0, 7)
          .replace(/^(\d{3})(\d{3})/, '$1-$2-'),
      ),
    ],
    ['phone, full, +66 format', pick.map((s) => `+66 ${s.phone.slice(3)}`)],
    ['email, whole', samples.flatMap((s) => (s.email ? [s.email] : [])).slice(0, QUERIES)],
  ];
}

async function run(kind: 'postgres' | 'pglite', count: number, goal: number): Promise<string[]> {
  let url: string | undefined;
  let dir: string | undefined;
  if (kind === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.query(`create database ${DB_NAME}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${DB_NAME}`;
    url = u.toString();
  } else {
    dir = mkdtempSync(join(tmpdir(), 'sampan-bench-search-'));
  }
  const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: join(dir ?? '', 'data') });
  const rows: string[] = [];
  try {
    await migrateDatabase(database);
    const cli = systemActor('cli');
    const adminUser = await createUser(database.db, cli, {
      email: 'admin@bench.local',
      name: 'admin',
      password: 'password-123',
      role: 'admin',
    });
    const salesUser = await createUser(database.db, cli, {
      email: 'sales@bench.local',
      name: 'sales',
      password: 'password-123',
      role: 'sales',
    });
    const t0 = performance.now();
    await load(database, count, adminUser.id, salesUser.id);
    const loadS = (performance.now() - t0) / 1000;
    // as a database in use would be: hint bits set, visibility map and statistics current
    await database.exec('vacuum analyze customers');
    const picked = await samples(database);
    const [owned] = await database.query<{ n: number }>(
      'select count(*)::int as n from customers where owner_id = $1',
      [salesUser.id],
    );
    const plan = await database.query<Record<string, string>>(
      `explain select id from customers where search_vector @@ to_tsquery('simple'::regconfig, $1)`,
      ['สมชาย:*'],
    );
    const usesIndex = JSON.stringify(plan).includes('customers_search_idx');
    console.error(
      `${kind}: loaded ${count.toLocaleString('en')} people in ${loadS.toFixed(1)} s (${Math.round(count / loadS).toLocaleString('en')} rows/s); sales user owns ${owned?.n}; plan uses customers_search_idx: ${usesIndex}`,
    );
    const loadBefore = loadavg().map((l) => l.toFixed(2));
    const admin = actorFor({ id: adminUser.id, teamId: null, email: adminUser.email }, 'admin');
    const sales = actorFor({ id: salesUser.id, teamId: null, email: salesUser.email }, 'sales');
    for (const [label, terms] of queryKinds(picked)) {
      // The last row is the sales user searched as before 09c26c9 (walking everyone's newest rows first), for comparison in the same run.
      const walkBefore = { searchWalk: Math.min(20_000, Math.max(2000, count / 100)) };
      for (const [who, actor, options] of [
        ['admin', admin, undefined],
        ['sales (own)', sales, undefined],
        ['sales (own), earlier plan', sales, walkBefore],
      ] as const) {
        const r = await measure(database, actor, terms, options);
        const ok = r.p95 < goal ? '✅' : '❌';
        rows.push(
          `| ${kind} | ${count.toLocaleString('en')} | ${label} | ${who} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms ${ok} | ${r.p99.toFixed(1)} ms | ${r.found}/${r.total} |`,
        );
        console.error(rows[rows.length - 1]);
      }
    }
    notes.push(
      `${kind}, ${count.toLocaleString('en')} people: load ${loadS.toFixed(0)} s; load average (1/5/15 min) ${loadBefore.join(' ')} before the queries, ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} after`,
    );
  } finally {
    await database.close();
    if (kind === 'postgres' && values.keep) console.error(`kept database ${DB_NAME}: drop it when done`);
    else if (kind === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${DB_NAME} with (force)`);
      await c.end();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const notes: string[] = [];
const table = [
  '| database | people | query | as | p50 | p95 | p99 | queries with hits |',
  '|---|---|---|---|---|---|---|---|',
];
if (Number(values.pg) > 0) table.push(...(await run('postgres', Number(values.pg), 50)));
if (Number(values.pglite) > 0) table.push(...(await run('pglite', Number(values.pglite), 100)));
console.log(`\nCustomer search — ${new Date().toISOString().slice(0, 10)} — ${machine()}\n`);
for (const note of notes) console.log(`- ${note}`);
console.log(`\n${table.join('\n')}`);
