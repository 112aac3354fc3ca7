// Issue 5: where the order import's own CPU goes, without a database (the planner's three
// lookups answer "nothing known", as on an empty database). Reads a CSV made by
// bench/order-import.ts and times, in CPU seconds of this process: decoding + CSV parsing,
// mapping rows, planning batches, and building the COPY text.
//   npx tsx bench/order-import-cpu.ts FILE [--batch-size 10000]
import { parseArgs } from 'node:util';
import { systemActor } from '../src/core/auth/principal.ts';
import type { DbOrTx } from '../src/core/db/database.ts';
import { CopyRows } from '../src/modules/imports/copy-rows.ts';
import { detectFormat, SAMPLE_BYTES } from '../src/modules/imports/file-format.ts';
import { headOf, importBytes } from '../src/modules/imports/import-source.ts';
import { suggestOrderMapping } from '../src/modules/imports/order-fields.ts';
import { compileOrderRowMapper } from '../src/modules/imports/order-map-row.ts';
import { type OrderImportContext, planOrderBatch } from '../src/modules/imports/order-plan.ts';
import { openCsv } from '../src/modules/imports/read-csv.ts';

const { values, positionals } = parseArgs({
  options: { 'batch-size': { type: 'string', default: '10000' } },
  allowPositionals: true,
});
const file = positionals[0] ?? '';
const batchSize = Number(values['batch-size']);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const source = () => importBytes(undefined as unknown as DbOrTx, { id: '', storage: 'path', filePath: file });
const { head, complete } = await headOf(source(), SAMPLE_BYTES);
const format = detectFormat(head, complete, {});

const noDb = { execute: async () => ({ rows: [] }) } as unknown as DbOrTx;
const ctx: OrderImportContext = {
  importId: '00000000-0000-7000-8000-000000000000',
  actor: systemActor('cli'),
  dryRun: false,
  currency: 'THB',
  source: 'import',
  unknownCustomer: 'create',
  unknownSku: 'keep',
} as unknown as OrderImportContext;

const t0 = cpu();
const reader = await openCsv(source(), format);
const records: { line: number; fields: string[]; ragged: boolean }[] = [];
for await (const r of reader.rows) records.push(r);
const t1 = cpu();
const mapRow = compileOrderRowMapper(suggestOrderMapping(reader.headers), reader.headers, format.delimiter, {
  timeZone: 'Asia/Bangkok',
  externalSystem: 'import',
});
const mapped = records.map((r) => mapRow(r.line, r.fields, r.ragged));
const t2 = cpu();
const plans = [];
for (let i = 0; i < mapped.length; i += batchSize)
  plans.push(await planOrderBatch(noDb, ctx, mapped.slice(i, i + batchSize), { outcomes: false }));
const t3 = cpu();
for (const plan of plans) {
  const o = new CopyRows('orders', ['a']);
  for (const order of plan.orders) {
    o.add([
      order.id,
      order.customerId,
      order.source,
      order.externalId,
      order.orderedAt,
      order.totalSatang,
      order.contentHash,
    ]);
    for (const l of order.lines)
      o.add([order.id, l.lineNo, l.sku, l.name, l.quantity, l.unitPriceSatang, l.grossSatang]);
    o.add([order.id, order.customerId, 'order', order.orderedAt, { status: order.status, amount: order.totalSatang }]);
  }
  o.pieces();
}
const t4 = cpu();
const rows = records.length;
const us = (s: number) => `${((s / rows) * 1e6).toFixed(1)} µs/row`;
console.log(
  `${rows} rows, CPU ${(t4 - t0).toFixed(2)} s (${us(t4 - t0)}): parse ${us(t1 - t0)}, map ${us(t2 - t1)}, plan ${us(t3 - t2)}, COPY text ${us(t4 - t3)}`,
);
