import { hash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import {
  customerIdentities,
  customerSearchText,
  customers,
  IDENTIFIER_KINDS,
  type Identifier,
  identifierKey,
} from '../customers/index.ts';
import { orders } from '../orders/index.ts';
import { lineAmounts, products, type VatMode } from '../products/index.ts';
import { type ImportContext, maysee } from './import-context.ts';
import type { BatchCounts } from './import-loop.ts';
import { type OrderRow, reasonOf } from './order-map-row.ts';
import { uuidV7 } from './uuid-v7.ts';

/** What an orders import does besides its rows: defaults and the choices of its mapping. */
export interface OrderImportContext extends ImportContext {
  currency: string;
  /** Source of orders whose row has no source column value. */
  source: string;
  /** A row whose customer is not known: a new profile, or the row rejected. */
  unknownCustomer: 'create' | 'reject';
  /** A SKU that is no product: kept as the line's text, or the row rejected. */
  unknownSku: 'keep' | 'reject';
}

export interface PlannedNewCustomer {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  identifiers: Identifier[];
  /** Set when an accepted order belongs to it: only those are written. */
  used: boolean;
}

export interface PlannedOrder {
  id: string;
  customerId: string;
  source: string;
  externalId: string;
  status: string;
  currency: string;
  orderedAt: Date;
  subtotalSatang: number;
  discountSatang: number;
  vatSatang: number;
  totalSatang: number;
  contentHash: string;
  /** The external id came from the file (not made up from the import and line). */
  hasNumber: boolean;
  lines: PlannedLine[];
}

export interface PlannedLine {
  lineNo: number;
  productId: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  unitPriceSatang: number;
  discountSatang: number;
  vatMode: VatMode;
  vatRateBp: number;
  netSatang: number;
  vatSatang: number;
  grossSatang: number;
}

export interface OrderOutcome {
  line: number;
  action: 'create' | 'skip' | 'reject';
  customerId?: string;
  orderExternalId?: string;
  reason?: string;
}

export interface OrderBatchPlan {
  customers: PlannedNewCustomer[];
  orders: PlannedOrder[];
  rejections: { line: number; reason: string; raw: string }[];
  outcomes: OrderOutcome[];
  counts: BatchCounts;
}

interface Holder {
  customerId: string;
  status: string;
  ownerId: string | null;
  teamId: string | null;
}

type Resolved = { ok: true; customerId: string; created?: PlannedNewCustomer } | { ok: false; en: string; th: string };

const TRUST = new Map<string, number>(IDENTIFIER_KINDS.map((k, i) => [k, i]));
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Who holds each identifier now (a merged profile forwards to its survivor): one statement. */
async function loadHolders(tx: DbOrTx, ids: Identifier[]): Promise<Map<string, Holder>> {
  const out = new Map<string, Holder>();
  if (!ids.length) return out;
  const result = await tx.execute(sql`
    select i.kind, i.system, i.value,
      coalesce(m.id, c.id) as customer_id, coalesce(m.status, c.status) as status,
      coalesce(m.owner_id, c.owner_id) as owner_id, case when m.id is null then c.team_id else m.team_id end as team_id
    from jsonb_to_recordset(${JSON.stringify(ids)}::jsonb) as k(kind text, system text, value text)
    join ${customerIdentities} i on i.kind = k.kind and i.system = k.system and i.value = k.value
    join ${customers} c on c.id = i.customer_id
    left join ${customers} m on c.status = 'merged' and m.id = c.merged_into_id`);
  for (const r of rowsOf<{
    kind: Identifier['kind'];
    system: string;
    value: string;
    customer_id: string;
    status: string;
    owner_id: string | null;
    team_id: string | null;
  }>(result)) {
    out.set(identifierKey(r), { customerId: r.customer_id, status: r.status, ownerId: r.owner_id, teamId: r.team_id });
  }
  return out;
}

type ProductRow = { id: string; sku: string; nameTh: string; currency: string; vatMode: string; vatRateBp: number };

async function loadProducts(tx: DbOrTx, skus: string[]): Promise<Map<string, ProductRow>> {
  if (!skus.length) return new Map();
  const result = await tx.execute(sql`
    select p.id, p.sku, p.name_th, p.currency, p.vat_mode, p.vat_rate_bp from ${products} p
    where upper(p.sku) in (select jsonb_array_elements_text(${JSON.stringify(skus)}::jsonb))`);
  const rows = rowsOf<{
    id: string;
    sku: string;
    name_th: string;
    currency: string;
    vat_mode: string;
    vat_rate_bp: number;
  }>(result);
  return new Map(
    rows.map((p) => [
      p.sku.toUpperCase(),
      { id: p.id, sku: p.sku, nameTh: p.name_th, currency: p.currency, vatMode: p.vat_mode, vatRateBp: p.vat_rate_bp },
    ]),
  );
}

async function loadExisting(tx: DbOrTx, keys: { source: string; external_id: string }[]) {
  const out = new Map<string, string>();
  if (!keys.length) return out;
  const result = await tx.execute(sql`
    select o.source, o.external_id, o.content_hash from ${orders} o
    join jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(source text, external_id text)
      on o.source = k.source and o.external_id = k.external_id
    where o.external_id is not null`);
  for (const r of rowsOf<{ source: string; external_id: string; content_hash: string }>(result))
    out.set(`${r.source}\u0000${r.external_id}`, r.content_hash);
  return out;
}

/** The lines of one order, priced: amount is what the line cost in all (VAT included unless the product says otherwise). */
function priceLine(row: OrderRow, lineNo: number, product: ProductRow | undefined): PlannedLine {
  const amount = row.amountSatang ?? 0;
  const quantity = row.quantity;
  // Whole satang: the unit price rounded up, the difference a discount, so the line adds up to the amount exactly.
  const unitPriceSatang = Math.ceil(amount / quantity);
  const discountSatang = unitPriceSatang * quantity - amount;
  const vatMode = (product?.vatMode ?? 'included') as VatMode;
  const vatRateBp = product?.vatRateBp ?? 700;
  return {
    lineNo,
    productId: product?.id ?? null,
    sku: product?.sku ?? row.sku ?? null,
    name: row.productName ?? product?.nameTh ?? row.sku ?? '',
    quantity,
    unitPriceSatang,
    discountSatang,
    vatMode,
    vatRateBp,
    ...lineAmounts({ unitPriceSatang, quantity, discountSatang, vatMode, vatRateBp }),
  };
}

/** What makes an imported order "the same" on a re-import: customer, date, currency, status and lines. */
function contentHash(o: Omit<PlannedOrder, 'id' | 'contentHash' | 'hasNumber'>): string {
  const canonical = JSON.stringify([
    'import-v1',
    o.customerId,
    o.orderedAt.toISOString(),
    o.currency,
    o.status,
    o.lines.map((l) => [l.sku, l.productId, l.name, l.quantity, l.grossSatang]),
  ]);
  return hash('sha256', canonical, 'hex');
}

/**
 * Plans one batch of order rows with a handful of statements whatever its size: the
 * batch's identifiers, SKUs and (source, external id) keys are each looked up once. Rows
 * sharing an external order id (and source) are the lines of one order; a bad line rejects
 * its whole order. Each customer is resolved by its most trusted identifier (as customer
 * imports do); an unknown one becomes a new profile (or rejects, as chosen). An order that
 * exists with the same content is skipped; with different content it is rejected.
 */
export async function planOrderBatch(
  tx: DbOrTx,
  ctx: OrderImportContext,
  rows: OrderRow[],
  /** Outcomes per row are for the preview; the import itself only needs counts. */
  options: { outcomes?: boolean } = {},
): Promise<OrderBatchPlan> {
  const withOutcomes = options.outcomes ?? true;
  const plan: OrderBatchPlan = {
    customers: [],
    orders: [],
    rejections: [],
    outcomes: [],
    counts: { created: 0, updated: 0, skipped: 0, rejected: 0 },
  };
  // Group rows into orders, in file order.
  const groups = new Map<string, { source: string; externalId: string; hasNumber: boolean; rows: OrderRow[] }>();
  for (const row of rows) {
    const source = row.source ?? ctx.source;
    const hasNumber = row.orderId !== undefined;
    const externalId = row.orderId ?? `${ctx.importId}:${row.line}`;
    const key = `${source}\u0000${externalId}`;
    const group = groups.get(key) ?? { source, externalId, hasNumber, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const ids = new Map<string, Identifier>();
  const skus = new Set<string>();
  for (const row of rows) {
    if (row.errors.length) continue;
    for (const id of row.identifiers) ids.set(identifierKey(id), id);
    if (row.sku) skus.add(row.sku.toUpperCase());
  }
  // One statement each (in turn: a transaction has one connection).
  const holders = await loadHolders(tx, [...ids.values()]);
  const productsBySku = await loadProducts(tx, [...skus]);
  const existing = await loadExisting(
    tx,
    [...groups.values()].map((g) => ({ source: g.source, external_id: g.externalId })),
  );
  const created = new Map<string, PlannedNewCustomer>();

  const resolve = (row: OrderRow): Resolved => {
    const sorted =
      row.identifiers.length < 2
        ? row.identifiers
        : [...row.identifiers].sort((a, b) => (TRUST.get(a.kind) ?? 99) - (TRUST.get(b.kind) ?? 99));
    for (const id of sorted) {
      const key = identifierKey(id);
      const mine = created.get(key);
      if (mine) {
        for (const other of sorted) {
          const k = identifierKey(other);
          if (holders.has(k) || created.has(k) || mine.identifiers.some((i) => i.kind === other.kind)) continue;
          mine.identifiers.push(other);
          created.set(k, mine);
        }
        return { ok: true, customerId: mine.id, created: mine };
      }
      const holder = holders.get(key);
      if (!holder) continue;
      if (holder.status !== 'active' || !maysee(ctx.actor, holder))
        return {
          ok: false,
          en: `customer: ${id.kind} ${id.value} belongs to a customer outside your records`,
          th: `customer: ${id.kind} ${id.value} เป็นของลูกค้าที่อยู่นอกขอบเขตข้อมูลของคุณ`,
        };
      return { ok: true, customerId: holder.customerId };
    }
    const first = sorted[0];
    if (!first) return { ok: false, en: 'customer: no identifier', th: 'customer: ไม่มีตัวระบุลูกค้า' };
    if (ctx.unknownCustomer === 'reject')
      return {
        ok: false,
        en: `customer: no customer with ${first.kind} ${first.value}`,
        th: `customer: ไม่พบลูกค้าที่มี ${first.kind} ${first.value}`,
      };
    const fresh: PlannedNewCustomer = {
      id: uuidV7(),
      displayName: row.customerName ?? first.value,
      email: row.identifiers.find((i) => i.kind === 'email')?.value ?? null,
      phone: row.identifiers.find((i) => i.kind === 'phone')?.value ?? null,
      identifiers: [],
      used: false,
    };
    for (const id of sorted) {
      const key = identifierKey(id);
      if (holders.has(key) || created.has(key) || fresh.identifiers.some((i) => i.kind === id.kind)) continue;
      fresh.identifiers.push(id);
      created.set(key, fresh);
    }
    plan.customers.push(fresh);
    return { ok: true, customerId: fresh.id, created: fresh };
  };

  for (const group of groups.values()) {
    const label = group.hasNumber ? `order ${group.externalId}` : 'order';
    const reject = (en: string, th: string, badLine?: OrderRow) => {
      for (const row of group.rows) {
        const own = row === badLine || badLine === undefined;
        const reason = own
          ? `${en} / ${th}`
          : `${label}: line ${badLine.line} was rejected (${en}) / ${label}: บรรทัด ${badLine.line} ถูกปฏิเสธ (${th})`;
        plan.rejections.push({ line: row.line, reason, raw: row.raw() });
        if (withOutcomes)
          plan.outcomes.push({ line: row.line, action: 'reject', reason, orderExternalId: group.externalId });
        plan.counts.rejected++;
      }
    };
    const bad = group.rows.find((r) => r.errors.length > 0);
    if (bad) {
      const [en, th] = reasonOf(bad.errors).split(' / ');
      reject(en ?? '', th ?? '', group.rows.length > 1 ? bad : undefined);
      continue;
    }
    let customerId: string | undefined;
    const newCustomers: PlannedNewCustomer[] = [];
    let failed = false;
    for (const row of group.rows) {
      const r = resolve(row);
      if (!r.ok) {
        reject(r.en, r.th, group.rows.length > 1 ? row : undefined);
        failed = true;
        break;
      }
      if (r.created) newCustomers.push(r.created);
      if (customerId !== undefined && customerId !== r.customerId) {
        reject(`${label}: its lines name different customers`, `${label}: รายการในคำสั่งซื้อเดียวกันระบุลูกค้าต่างกัน`);
        failed = true;
        break;
      }
      customerId = r.customerId;
    }
    if (failed || customerId === undefined) continue;
    const first = group.rows[0] as OrderRow;
    const currency = first.currency ?? ctx.currency;
    const status = first.status ?? 'paid';
    const orderedAt = first.orderedAt as Date;
    const odd = group.rows.find(
      (r) =>
        (r.currency ?? ctx.currency) !== currency ||
        (r.status ?? 'paid') !== status ||
        r.orderedAt?.getTime() !== orderedAt.getTime(),
    );
    if (odd) {
      const what =
        (odd.currency ?? ctx.currency) !== currency
          ? 'currency'
          : (odd.status ?? 'paid') !== status
            ? 'status'
            : 'orderedAt';
      const whatTh = what === 'currency' ? 'สกุลเงิน' : what === 'status' ? 'สถานะ' : 'วันที่สั่งซื้อ';
      reject(
        `${what}: differs from line ${first.line} of the same order`,
        `${what}: ${whatTh}ไม่ตรงกับบรรทัด ${first.line} ของคำสั่งซื้อเดียวกัน`,
        odd,
      );
      continue;
    }
    const lines: PlannedLine[] = [];
    let lineError: { en: string; th: string; row: OrderRow } | undefined;
    for (const [i, row] of group.rows.entries()) {
      const product = row.sku ? productsBySku.get(row.sku.toUpperCase()) : undefined;
      if (row.sku && !product && ctx.unknownSku === 'reject') {
        lineError = { en: `sku: no product ${row.sku}`, th: `sku: ไม่พบสินค้า ${row.sku}`, row };
        break;
      }
      if (product && product.currency !== currency) {
        lineError = {
          en: `sku: product ${product.sku} is priced in ${product.currency}, the order is in ${currency}`,
          th: `sku: สินค้า ${product.sku} ตั้งราคาเป็น ${product.currency} แต่คำสั่งซื้อเป็น ${currency}`,
          row,
        };
        break;
      }
      lines.push(priceLine(row, i + 1, product));
    }
    if (lineError) {
      reject(lineError.en, lineError.th, group.rows.length > 1 ? lineError.row : undefined);
      continue;
    }
    let subtotalSatang = 0;
    let discountSatang = 0;
    let vatSatang = 0;
    let totalSatang = 0;
    for (const l of lines) {
      subtotalSatang += l.unitPriceSatang * l.quantity;
      discountSatang += l.discountSatang;
      vatSatang += l.vatSatang;
      totalSatang += l.grossSatang;
    }
    const order = {
      customerId,
      source: group.source,
      externalId: group.externalId,
      status,
      currency,
      orderedAt,
      subtotalSatang,
      discountSatang,
      vatSatang,
      totalSatang,
      lines,
    };
    const hash = contentHash(order);
    const before = existing.get(`${group.source}\u0000${group.externalId}`);
    if (before !== undefined) {
      if (before === hash) {
        if (withOutcomes)
          for (const row of group.rows)
            plan.outcomes.push({ line: row.line, action: 'skip', customerId, orderExternalId: group.externalId });
        plan.counts.skipped += group.rows.length;
      } else {
        reject(
          `${label} from ${group.source} already exists with different content (the lines of one order must be consecutive in the file)`,
          `มีคำสั่งซื้อ ${group.externalId} จาก ${group.source} อยู่แล้วแต่เนื้อหาต่างกัน (รายการของคำสั่งซื้อเดียวกันต้องอยู่ติดกันในไฟล์)`,
        );
      }
      continue;
    }
    for (const c of newCustomers) c.used = true;
    plan.orders.push({ ...order, id: uuidV7(), contentHash: hash, hasNumber: group.hasNumber });
    if (withOutcomes)
      for (const row of group.rows)
        plan.outcomes.push({ line: row.line, action: 'create', customerId, orderExternalId: group.externalId });
    plan.counts.created += group.rows.length;
  }
  plan.customers = plan.customers.filter((c) => c.used);
  return plan;
}

/** search_text of a profile an order import creates. */
export function newCustomerSearchText(c: PlannedNewCustomer): string {
  return customerSearchText({ displayName: c.displayName }, c.identifiers);
}
