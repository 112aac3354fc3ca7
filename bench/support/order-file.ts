// The orders CSV of the order-import benchmarks: N rows over N/10 customers (phones in mixed
// formats, a third also with an email), orders of 1–3 lines (consecutive rows with one order
// number), dates over two years (date-only and date-time), amounts in baht with satang, ~1/1000
// bad rows (amount "n/a" on an order's first line, which rejects the whole order).
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from '../../src/modules/demo/random.ts';

export const HEADER = 'เบอร์โทร,อีเมล,เลขที่คำสั่งซื้อ,วันที่,รหัสสินค้า,ชื่อสินค้า,จำนวน,ยอดเงิน';
export const COLUMNS = 8;
const PRODUCTS = ['กาแฟเย็น', 'ชาไทย', 'ขนมปังปิ้ง', 'ข้าวมันไก่', 'Latte 16oz', 'ครีมกันแดด', 'เสื้อยืด', 'รองเท้าแตะ'];

function phoneForm(r: Random, national: string): string {
  switch (r.int(0, 3)) {
    case 0:
      return national;
    case 1:
      return `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
    case 2:
      return `+66 ${national.slice(1, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
    default:
      return `+66${national.slice(1)}`;
  }
}

export interface Expected {
  customers: number;
  orders: number;
  lines: number;
  satang: number;
  badRows: number;
}

/** The orders file; returns what a correct import ends with (good orders only). */
export async function writeCsv(file: string, count: number, seed: number): Promise<Expected> {
  const r = new Random(seed);
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? undefined : new Promise<void>((ok) => out.once('drain', () => ok()));
  await write(`${HEADER}\n`);
  const customers = Math.max(1, Math.floor(count / 10));
  const seen = new Set<number>();
  const expected: Expected = { customers: 0, orders: 0, lines: 0, satang: 0, badRows: 0 };
  let buffer = '';
  let order = 0;
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; ) {
    order++;
    const who = r.int(0, customers - 1);
    const national = `08${String(10_000_000 + who).padStart(8, '0')}`;
    const email = who % 3 === 0 ? `c${who}@example.co.th` : '';
    const at = new Date(start + r.int(0, 730 * 24 * 60) * 60_000);
    const day = at.toISOString().slice(0, 10);
    const date = r.chance(0.5) ? day : `${day} ${at.toISOString().slice(11, 16)}`;
    const lines = Math.min(count - i, r.int(1, 3));
    const bad = r.chance(0.001);
    let sum = 0;
    for (let l = 0; l < lines; l++, i++) {
      const p = r.int(0, PRODUCTS.length - 1);
      const qty = r.int(1, 4);
      const satang = r.int(2000, 250_000);
      sum += satang;
      const amount = bad && l === 0 ? 'n/a' : `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;
      buffer += `${phoneForm(r, national)},${email},ORD-${order},${date},SKU-${p},${PRODUCTS[p]},${qty},${amount}\n`;
    }
    if (bad) expected.badRows += lines;
    else {
      seen.add(who);
      expected.orders++;
      expected.lines += lines;
      expected.satang += sum;
    }
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((ok) => out.end(ok));
  expected.customers = seen.size;
  return expected;
}

/** The generated file (or the one kept from an earlier run of the same size). */
export async function fileOf(dir: string, rows: number, seed: number, keep?: string): Promise<[string, Expected]> {
  const file = keep ?? join(dir, `orders-${rows}.csv`);
  const note = `${file}.expected.json`;
  if (keep && existsSync(file) && existsSync(note)) {
    const saved = JSON.parse(readFileSync(note, 'utf8')) as Expected & { rows: number; seed: number };
    if (saved.rows === rows && saved.seed === seed) {
      console.log(`reusing ${file}`);
      return [file, saved];
    }
  }
  const t0 = performance.now();
  const expected = await writeCsv(file, rows, seed);
  console.log(
    `generated ${rows.toLocaleString('en')} rows (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s; expected`,
    expected,
  );
  if (keep) writeFileSync(note, JSON.stringify({ ...expected, rows, seed }));
  return [file, expected];
}
