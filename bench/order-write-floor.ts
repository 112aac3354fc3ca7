// Issue 5, the order-import goal (≥ 50% of a plain COPY of the file) against what PostgreSQL
// itself must do: the least work any orders import can get away with. In one run, on one
// connection, on a freshly migrated database:
//   1. baseline — COPY of the CSV into an unindexed table of text columns (the goal's yardstick);
//   2. floor    — COPY of the rows a correct import of that file ends with, already parsed,
//                 validated, resolved and numbered (no work left but writing), into the real
//                 tables with their indexes, checks and foreign keys: new customers and their
//                 identifiers, orders, order lines and one timeline entry per order — in one
//                 transaction, the cheapest way PostgreSQL can take them.
// The floor's rate (input rows per second) as a share of the baseline's is the most any
// import of this file could reach on this server; an import at 50% of COPY needs it ≥ 50%.
// CPU seconds of the backend (from /proc) are printed beside wall time: load does not inflate them.
//   npx tsx bench/order-write-floor.ts [--rows 1000000] [--file /tmp/orders.csv] [--database-url postgres://…/postgres]
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { COLUMNS, fileOf } from './support/order-file.ts';
import { machine, ROOT } from './support/processes.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    file: { type: 'string' },
    'database-url': { type: 'string' },
  },
});

/** A time-ordered uuid (v7 layout) from a millisecond count: what the import's uuidV7 gives, in SQL. */
const uuid7 = (ms: string) => `(lpad(to_hex(${ms}), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid`;

/**
 * The rows a correct import of the generated file writes, built in SQL from the staged text
 * (untimed). Orders whose first line's amount is "n/a" are left out whole, as the import
 * rejects them; every phone is Thai mobile, so its E.164 form is +66 and the national digits.
 */
const SHAPE = [
  `create unlogged table f_rows as
     select line, c2 as order_no, c4 as sku, c5 as name, c6::int as quantity,
       '+66' || case when d like '66%' then substr(d, 3) else substr(d, 2) end as phone,
       nullif(lower(c1), '') as email,
       case when c3 like '% %' then c3::timestamp else c3::date::timestamp end at time zone 'Asia/Bangkok' as ordered_at,
       case when c7 ~ '^\\d+\\.\\d{2}$' then replace(c7, '.', '')::bigint end as satang
     from (select row_number() over () as line, *, regexp_replace(c0, '\\D', '', 'g') as d from copy_baseline) s`,
  `delete from f_rows where order_no in (select order_no from f_rows where satang is null)`,
  `create unlogged table f_customers as
     select ${uuid7('1700000000000 + row_number() over (order by min(line))')} as id, phone, max(email) as email, min(line) as first_line
     from f_rows group by phone`,
  `create unlogged table f_orders as
     select ${uuid7('1750000000000 + min(r.line)')} as id, c.id as customer_id, r.order_no, min(r.ordered_at) as ordered_at,
       sum(r.satang) as total, min(r.line) as first_line
     from f_rows r join f_customers c using (phone) group by c.id, r.order_no`,
];

/** COPY … TO STDOUT of each target table's rows, in the columns and order the import writes them. */
const EXPORTS: [table: string, columns: string, select: string][] = [
  [
    'customers',
    'id, display_name, email, phone, source, search_text',
    `select id, phone, email, phone, 'import', concat_ws(' ', phone, email) from f_customers order by first_line`,
  ],
  [
    'customer_identities',
    'id, customer_id, kind, system, value, is_primary',
    `select ${uuid7('1710000000000 + first_line')}, id, 'phone', '', phone, true from f_customers
     union all
     select ${uuid7('1720000000000 + first_line')}, id, 'email', '', email, true from f_customers where email is not null`,
  ],
  [
    'orders',
    'id, customer_id, source, external_id, status, currency, ordered_at, subtotal_satang, discount_satang, vat_satang, total_satang, paid_satang, paid_at, content_hash',
    `select id, customer_id, 'import', order_no, 'paid', 'THB', ordered_at, total, 0, round(total * 7 / 107.0)::bigint, total, total, ordered_at,
       encode(sha256(convert_to(customer_id::text || order_no || total, 'UTF8')), 'hex')
     from f_orders order by first_line`,
  ],
  [
    'order_lines',
    'id, order_id, line_no, sku, name, quantity, unit_price_satang, discount_satang, vat_mode, vat_rate_bp, net_satang, vat_satang, gross_satang',
    `select ${uuid7('1760000000000 + r.line')}, o.id, r.line - o.first_line + 1, r.sku, r.name, r.quantity,
       ceil(r.satang / r.quantity::numeric)::bigint, ceil(r.satang / r.quantity::numeric)::bigint * r.quantity - r.satang,
       'included', 700, r.satang - round(r.satang * 7 / 107.0)::bigint, round(r.satang * 7 / 107.0)::bigint, r.satang
     from f_rows r join f_orders o using (order_no) order by r.line`,
  ],
  [
    'activities',
    'id, customer_id, kind, occurred_at, ref_type, ref_id, data',
    `select ${uuid7('1770000000000 + first_line')}, customer_id, 'order', ordered_at, 'order', id::text,
       jsonb_build_object('number', order_no, 'status', 'paid', 'amount', total, 'currency', 'THB', 'source', 'import')
     from f_orders order by first_line`,
  ],
];

const fmt = (v: number) => Math.round(v).toLocaleString('en');

async function main(): Promise<void> {
  const rows = Number(values.rows);
  const baseUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('needs --database-url (or BENCH_DATABASE_URL / TEST_DATABASE_URL)');
  const dir = mkdtempSync(join(tmpdir(), 'sampan-bench-floor-'));
  const name = `sampan_bench_floor_${process.pid}`;
  const url = new URL(baseUrl);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  console.log(
    `machine: ${machine()}; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    const [file, expected] = await fileOf(dir, rows, 42, values.file);
    await admin.query(`create database ${name}`);
    url.pathname = `/${name}`;
    spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'migrate', '--database-url', `${url}`],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    const c = new pg.Client({ connectionString: `${url}` });
    await c.connect();
    try {
      const { rows: pidRows } = await c.query<{ pid: number }>('select pg_backend_pid() as pid');
      const pid = pidRows[0]?.pid;
      const backendCpu = () => {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(f[11]) + Number(f[12])) / 100;
      };
      const timed = async (what: () => Promise<unknown>) => {
        await c.query('checkpoint');
        const cpu0 = backendCpu();
        const t0 = performance.now();
        const loads = [loadavg()[0] ?? 0];
        await what();
        loads.push(loadavg()[0] ?? 0);
        return { ms: performance.now() - t0, cpu: backendCpu() - cpu0, load: Math.max(...loads) };
      };

      const columns = Array.from({ length: COLUMNS }, (_, i) => `c${i} text`).join(', ');
      await c.query(`create unlogged table copy_baseline (${columns})`);
      const baseline = await timed(() =>
        pipeline(
          createReadStream(file),
          c.query(copyFrom('copy copy_baseline from stdin with (format csv, header true)')),
        ),
      );
      console.log(
        `baseline COPY: ${fmt(rows / (baseline.ms / 1000))} rows/s, ${baseline.cpu.toFixed(2)} s backend CPU`,
      );

      const s0 = performance.now();
      for (const statement of SHAPE) await c.query(statement);
      for (const [table, , select] of EXPORTS)
        await pipeline(c.query(copyTo(`copy (${select}) to stdout`)), createWriteStream(join(dir, `${table}.copy`)));
      console.log(`shaped the target rows in ${((performance.now() - s0) / 1000).toFixed(1)} s (not timed)`);

      const perTable: string[] = [];
      const floor = await timed(async () => {
        await c.query('begin');
        for (const [table, cols] of EXPORTS) {
          const cpu0 = backendCpu();
          const t0 = performance.now();
          await pipeline(
            createReadStream(join(dir, `${table}.copy`)),
            c.query(copyFrom(`copy ${table} (${cols}) from stdin`)),
          );
          perTable.push(
            `${table} ${((performance.now() - t0) / 1000).toFixed(1)} s / ${(backendCpu() - cpu0).toFixed(1)} s CPU`,
          );
        }
        await c.query('commit');
      });
      const { rows: countRows } = await c.query(
        `select (select count(*) from customers)::int as customers, (select count(*) from orders)::int as orders,
           (select count(*) from order_lines)::int as lines, (select sum(total_satang))::text as satang from orders`,
      );
      console.log('written:', countRows[0], 'a correct import ends with:', expected);
      console.log(`floor per table: ${perTable.join('; ')}`);

      const copyRate = rows / (baseline.ms / 1000);
      const floorRate = rows / (floor.ms / 1000);
      const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
      console.log(
        [
          '',
          line(['step', 'rows', 'time', 'input rows/s', 'vs COPY', 'backend CPU', 'CPU vs COPY', 'load (max)']),
          line(['---', '---', '---', '---', '---', '---', '---', '---']),
          line([
            'COPY of the file into an unindexed text table',
            fmt(rows),
            `${(baseline.ms / 1000).toFixed(1)} s`,
            fmt(copyRate),
            '100%',
            `${baseline.cpu.toFixed(1)} s`,
            '1×',
            baseline.load.toFixed(1),
          ]),
          line([
            'COPY of the finished rows into customers, identities, orders, lines, timeline',
            fmt(rows),
            `${(floor.ms / 1000).toFixed(1)} s`,
            fmt(floorRate),
            `${((floorRate / copyRate) * 100).toFixed(1)}%`,
            `${floor.cpu.toFixed(1)} s`,
            `${(floor.cpu / baseline.cpu).toFixed(1)}×`,
            floor.load.toFixed(1),
          ]),
        ].join('\n'),
      );
    } finally {
      await c.end();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
