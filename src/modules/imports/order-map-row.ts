import { type Identifier, type IdentifierKind, normaliseIdentifier } from '../customers/index.ts';
import { orderFieldLabelTh } from './field-labels.ts';
import type { ColumnMapping } from './import-fields.ts';
import { parseAmount, parseCurrency, parseOrderDate, parseOrderStatus, parseQuantity } from './order-values.ts';
import { CellError, limitedText } from './row-values.ts';

/** One line of an orders CSV, mapped. `errors` non-empty means the row (and its order) is rejected. */
export interface OrderRow {
  line: number;
  /** Normalised, in the file's column order. */
  identifiers: Identifier[];
  customerName?: string;
  /** The external order id; undefined: the row is an order of its own. */
  orderId?: string;
  source?: string;
  orderedAt?: Date;
  amountSatang?: number;
  currency?: string;
  quantity: number;
  productName?: string;
  sku?: string;
  status?: 'pending' | 'paid' | 'fulfilled';
  /** "field: reason" in English and in Thai (the field named in Thai), one per bad cell. */
  errors: { en: string; th: string }[];
  raw: () => string;
}

const SOURCES = new Set(['web', 'pos', 'line', 'manual', 'import', 'api']);

type Setter = (value: string, row: OrderRow) => void;

function identify(kind: IdentifierKind, field: string, value: string, row: OrderRow, system = ''): void {
  const result = normaliseIdentifier(kind, value, system);
  if (!result.ok) throw new CellError(field, result.reason, result.reasonTh);
  row.identifiers.push(result.identifier);
}

/** Phones seen lately by one mapper and what they normalise to: a customer's rows repeat it. */
const PHONE_MEMO_SIZE = 100_000;

function phoneSetter(field: string): Setter {
  const memo = new Map<string, Identifier | CellError>();
  return (value, row) => {
    let known = memo.get(value);
    if (known === undefined) {
      const result = normaliseIdentifier('phone', value);
      known = result.ok ? result.identifier : new CellError(field, result.reason, result.reasonTh);
      if (memo.size >= PHONE_MEMO_SIZE) memo.clear();
      memo.set(value, known);
    }
    if (known instanceof CellError) throw known;
    row.identifiers.push(known);
  };
}

function setterFor(target: string, timeZone: string, system: string): Setter {
  switch (target) {
    case 'customerExternalId':
      return (v, row) => identify('external', target, limitedText(target, v, 200), row, system);
    case 'email':
      return (v, row) => identify('email', target, v, row);
    case 'phone':
      return phoneSetter(target);
    case 'customerName':
      return (v, row) => {
        row.customerName = limitedText(target, v, 200);
      };
    case 'orderId':
      return (v, row) => {
        row.orderId = limitedText(target, v, 100);
      };
    case 'orderedAt':
      return (v, row) => {
        row.orderedAt = parseOrderDate(target, v, timeZone);
      };
    case 'amount':
      return (v, row) => {
        row.amountSatang = parseAmount(target, v);
      };
    case 'currency':
      return (v, row) => {
        row.currency = parseCurrency(target, v);
      };
    case 'quantity':
      return (v, row) => {
        row.quantity = parseQuantity(target, v);
      };
    case 'productName':
      return (v, row) => {
        row.productName = limitedText(target, v, 300);
      };
    case 'sku':
      return (v, row) => {
        row.sku = limitedText(target, v, 64);
      };
    case 'status':
      return (v, row) => {
        row.status = parseOrderStatus(target, v);
      };
    case 'source':
      return (v, row) => {
        const source = v.toLowerCase();
        if (!SOURCES.has(source))
          throw new CellError(
            target,
            'must be one of web, pos, line, manual, import, api',
            'ต้องเป็น web, pos, line, manual, import หรือ api',
          );
        row.source = source;
      };
    default:
      throw new Error(`unmapped order import target ${target}`);
  }
}

/**
 * Compiles a checked orders mapping into a function from a CSV record to an order line.
 * Bad cells do not stop the mapping: the row keeps what it could read (its order id and
 * customer) so the planner rejects the whole order it belongs to.
 */
export function compileOrderRowMapper(
  mapping: ColumnMapping,
  headers: readonly string[],
  delimiter: string,
  options: { timeZone: string; externalSystem: string },
): (line: number, cells: string[], ragged: boolean) => OrderRow {
  const columns = Object.entries(mapping).map(([header, target]) => ({
    index: headers.indexOf(header),
    target,
    set: setterFor(target, options.timeZone, options.externalSystem),
  }));
  const required = ['orderedAt', 'amount'] as const;
  return (line, cells, ragged) => {
    const raw = () => cells.map((c) => (/[",\n\r;\t]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter);
    const row: OrderRow = { line, identifiers: [], quantity: 1, errors: [], raw };
    if (ragged) {
      row.errors.push({
        en: `the row has ${cells.length} cells but the header has ${headers.length}`,
        th: `แถวนี้มี ${cells.length} ช่อง แต่หัวตารางมี ${headers.length} ช่อง`,
      });
    }
    for (const c of columns) {
      const value = (cells[c.index] ?? '').trim();
      if (value === '') continue;
      try {
        c.set(value, row);
      } catch (err) {
        if (!(err instanceof CellError)) throw err;
        row.errors.push({ en: `${err.field}: ${err.en}`, th: `${orderFieldLabelTh(err.field)}: ${err.th}` });
      }
    }
    if (row.identifiers.length === 0 && !row.errors.some((e) => /^(customerExternalId|email|phone):/.test(e.en)))
      row.errors.push({
        en: 'customer: no customer id, email or phone',
        th: `${orderFieldLabelTh('customer')}: ไม่มีรหัสลูกค้า อีเมล หรือเบอร์โทร`,
      });
    for (const field of required) {
      const has = field === 'orderedAt' ? row.orderedAt : row.amountSatang;
      if (has === undefined && !row.errors.some((e) => e.en.startsWith(`${field}:`)))
        row.errors.push({ en: `${field}: missing`, th: `${orderFieldLabelTh(field)}: ไม่ได้ระบุ` });
    }
    return row;
  };
}

/** "en; en / th; th": the reason stored for a rejected row. */
export function reasonOf(errors: { en: string; th: string }[]): string {
  return `${errors.map((e) => e.en).join('; ')} / ${errors.map((e) => e.th).join('; ')}`;
}
