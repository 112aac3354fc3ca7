import { asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db, DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { activities } from '../activities/index.ts';
import { customers } from '../customers/index.ts';
import { orderLines, orderRefunds, orders } from '../orders/index.ts';
import { createProduct, lineAmounts, products, type VatMode } from '../products/index.ts';
import { DEMO_PRODUCTS } from './demo-catalogue.ts';
import { type DemoOrder, demoOrders } from './generate-demo-orders.ts';

type ProductRow = typeof products.$inferSelect;

/** The demo catalogue through the real use case (audited); products already there are kept. */
async function ensureProducts(db: Db, actor: Actor): Promise<Map<string, ProductRow>> {
  const skus = DEMO_PRODUCTS.map((p) => p.sku);
  const have = new Set(
    (await db.select({ sku: products.sku }).from(products).where(inArray(products.sku, skus))).map((p) => p.sku),
  );
  for (const { weight: _weight, ...p } of DEMO_PRODUCTS) if (!have.has(p.sku)) await createProduct(db, actor, p);
  const rows = await db.select().from(products).where(inArray(products.sku, skus));
  return new Map(rows.map((p) => [p.sku, p]));
}

function rowsFor(o: DemoOrder, catalogue: Map<string, ProductRow>, currency: string) {
  const lines = o.lines.map((l, i) => {
    const p = catalogue.get(l.sku);
    if (!p) throw new Error(`demo product ${l.sku} missing`);
    const amounts = lineAmounts({
      unitPriceSatang: p.unitPriceSatang,
      quantity: l.quantity,
      vatMode: p.vatMode as VatMode,
      vatRateBp: p.vatRateBp,
    });
    return {
      external_id: o.externalId,
      line_no: i + 1,
      product_id: p.id,
      sku: p.sku,
      name: p.nameTh,
      quantity: l.quantity,
      unit_price_satang: p.unitPriceSatang,
      vat_mode: p.vatMode,
      vat_rate_bp: p.vatRateBp,
      net_satang: amounts.netSatang,
      vat_satang: amounts.vatSatang,
      gross_satang: amounts.grossSatang,
    };
  });
  const total = lines.reduce((s, l) => s + l.gross_satang, 0);
  const paid = o.status === 'pending' ? 0 : total;
  const refunded = Math.round(paid * o.refundShare);
  const at = o.orderedAt.toISOString();
  const order = {
    customer_id: o.customerId,
    source: o.source,
    external_id: o.externalId,
    status: refunded === 0 ? o.status : refunded === paid ? 'refunded' : 'partially_refunded',
    currency,
    ordered_at: at,
    subtotal_satang: lines.reduce((s, l) => s + l.unit_price_satang * l.quantity, 0),
    discount_satang: 0,
    vat_satang: lines.reduce((s, l) => s + l.vat_satang, 0),
    total_satang: total,
    paid_satang: paid,
    refunded_satang: refunded,
    paid_at: paid ? at : null,
    fulfilled_at: o.status === 'fulfilled' ? at : null,
    content_hash: 'demo',
  };
  const refund = refunded
    ? { external_id: o.externalId, amount_satang: refunded, reason: 'สินค้าไม่ตรงตามที่สั่ง', refunded_at: at }
    : null;
  return { order, lines, refund };
}

/**
 * One statement per batch: orders (an order already loaded is skipped by its external
 * id), their lines and refunds, and each order's timeline entry.
 */
async function insertBatch(tx: DbOrTx, batch: ReturnType<typeof rowsFor>[]): Promise<number> {
  const [row] = await rowsOf<{ added: number }>(
    tx,
    sql`
    with o as (
      insert into ${orders} (customer_id, source, external_id, status, currency, ordered_at, subtotal_satang, discount_satang,
        vat_satang, total_satang, paid_satang, refunded_satang, paid_at, fulfilled_at, content_hash)
      select customer_id, source, external_id, status, currency, ordered_at, subtotal_satang, discount_satang,
        vat_satang, total_satang, paid_satang, refunded_satang, paid_at, fulfilled_at, content_hash
      from jsonb_populate_recordset(null::${orders}, ${JSON.stringify(batch.map((b) => b.order))}::jsonb)
      on conflict do nothing
      returning id, external_id, customer_id, ordered_at, status, total_satang, currency, source
    ), l as (
      insert into ${orderLines} (order_id, line_no, product_id, sku, name, quantity, unit_price_satang, vat_mode,
        vat_rate_bp, net_satang, vat_satang, gross_satang)
      select o.id, x.line_no, x.product_id, x.sku, x.name, x.quantity, x.unit_price_satang, x.vat_mode, x.vat_rate_bp,
        x.net_satang, x.vat_satang, x.gross_satang
      from jsonb_to_recordset(${JSON.stringify(batch.flatMap((b) => b.lines))}::jsonb) as x(external_id text,
        line_no int, product_id uuid, sku text, name text, quantity int, unit_price_satang bigint, vat_mode text,
        vat_rate_bp int, net_satang bigint, vat_satang bigint, gross_satang bigint)
      join o on o.external_id = x.external_id
      returning 1
    ), r as (
      insert into ${orderRefunds} (order_id, amount_satang, reason, refunded_at)
      select o.id, x.amount_satang, x.reason, x.refunded_at
      from jsonb_to_recordset(${JSON.stringify(batch.flatMap((b) => (b.refund ? [b.refund] : [])))}::jsonb)
        as x(external_id text, amount_satang bigint, reason text, refunded_at timestamptz)
      join o on o.external_id = x.external_id
      returning 1
    ), a as (
      insert into ${activities} (customer_id, kind, occurred_at, ref_type, ref_id, data)
      select customer_id, 'order', ordered_at, 'order', id::text,
        jsonb_build_object('number', external_id, 'status', status, 'amount', total_satang, 'currency', currency,
          'source', source)
      from o
      returning 1
    )
    select (select count(*) from o)::int as added, (select count(*) from l)::int as lines,
      (select count(*) from r)::int as refunds, (select count(*) from a)::int as entries`,
  );
  return Number(row?.added ?? 0);
}

/** A year of demo orders for the active customers (see demoOrders), in batches. */
export async function loadDemoOrders(
  db: Db,
  actor: Actor,
  options: { seed: number; now: Date; batchSize?: number },
): Promise<{ products: number; orders: number }> {
  const catalogue = await ensureProducts(db, actor);
  const currency = (await getSettings(db)).currency;
  const people = await db
    .select({ id: customers.id, createdAt: customers.createdAt, customerType: customers.customerType })
    .from(customers)
    .where(eq(customers.status, 'active'))
    .orderBy(asc(customers.createdAt), asc(customers.id));
  const size = options.batchSize ?? 2000;
  let added = 0;
  let batch: ReturnType<typeof rowsFor>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    added += await db.transaction(async (tx) => {
      const n = await insertBatch(tx, rows);
      if (n)
        await recordAudit(tx, actor, {
          entityType: 'order',
          entityId: null,
          action: 'demo_load',
          changes: { count: { before: null, after: n } },
        });
      return n;
    });
    await new Promise((resolve) => setImmediate(resolve));
  };
  for (const o of demoOrders(people, options)) {
    batch.push(rowsFor(o, catalogue, currency));
    if (batch.length >= size) await flush();
  }
  await flush();
  return { products: catalogue.size, orders: added };
}
