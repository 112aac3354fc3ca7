import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { and, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { encodeCursor } from '../../core/http/pagination.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import {
  type CustomerListFilterInput,
  customerAfterCursor,
  customerCursorKey,
  customerListFilterSchema,
  customerListWhere,
  customerOrder,
  customers,
  validateInput,
} from '../customers/index.ts';
import { EXPORT_COLUMNS, type ExportRow, type ExportScores } from './export-columns.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type CustomerRow = typeof customers.$inferSelect;
const PAGE = 2000;

export interface CustomerExport {
  fileName: string;
  contentType: string;
  body: Readable;
}

/** Each row with its analytics scores (customer_scores belongs to analytics, above imports: read by table name). */
async function withScores(db: Db, rows: CustomerRow[]): Promise<ExportRow[]> {
  const scores = await rowsOf<ExportScores & { customerId: string }>(
    db,
    sql`select customer_id::text as "customerId", value_grade as "valueGrade", rfm_segment as "rfmSegment",
          churn_risk as "churnRisk", p_alive as "pAlive", clv_12m_satang::float8 as "clv12mSatang"
        from customer_scores where customer_id in (${sql.join(
          rows.map((r) => sql`${r.id}::uuid`),
          sql`, `,
        )})`,
  );
  const byId = new Map(scores.map((s) => [s.customerId, s]));
  return rows.map((r) => ({ ...r, scores: byId.get(r.id) }));
}

/**
 * Exports the customers the caller may see, with the same filters and sort as the list
 * (GET /customers), or only the customers picked by id, as CSV (UTF-8 with BOM, so Excel shows Thai) or XLSX. Rows are read a
 * page at a time (keyset) and streamed out; memory stays bounded at any size.
 */
export async function exportCustomers(
  db: Db,
  actor: Actor,
  rawFilter: CustomerListFilterInput,
  format: ExportFormat,
  locale: Locale,
  /** Only these customers (a hand-picked selection), still within the filter and the caller's visibility. */
  ids?: string[],
): Promise<CustomerExport> {
  authorize(actor.principal, 'customers', 'export');
  const filter = validateInput(customerListFilterSchema, rawFilter);
  const where = and(await customerListWhere(db, actor, filter), ids ? inArray(customers.id, ids) : undefined);
  const order = customerOrder(filter.sort);
  await db.transaction((tx) =>
    recordAudit(tx, actor, {
      entityType: 'customer',
      entityId: null,
      action: 'export',
      changes: {
        format: { before: null, after: format },
        filter: { before: null, after: rawFilter },
        ...(ids ? { picked: { before: null, after: ids.length } } : {}),
      },
    }),
  );
  async function* pages(): AsyncGenerator<ExportRow[]> {
    let cursor: string | undefined;
    for (;;) {
      const rows = await db
        .select()
        .from(customers)
        .where(and(where, customerAfterCursor(filter.sort, cursor)))
        .orderBy(...order)
        .limit(PAGE);
      if (rows.length) yield await withScores(db, rows);
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) return;
      cursor = encodeCursor(
        customerCursorKey(filter.sort, {
          id: last.id,
          displayName: last.displayName,
          createdAt: last.createdAt.toISOString(),
          updatedAt: last.updatedAt.toISOString(),
        }),
      );
    }
  }
  const headers = EXPORT_COLUMNS.map((c) => c[locale]);
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'csv') {
    async function* csv(): AsyncGenerator<Buffer> {
      yield Buffer.from(`\uFEFF${stringify([headers])}`);
      for await (const page of pages()) {
        yield Buffer.from(stringify(page.map((c) => EXPORT_COLUMNS.map((col) => col.value(c) ?? ''))));
      }
    }
    return { fileName: `customers-${stamp}.csv`, contentType: 'text/csv; charset=utf-8', body: Readable.from(csv()) };
  }
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(locale === 'th' ? 'ลูกค้า' : 'Customers');
  sheet.addRow(headers).commit();
  (async () => {
    for await (const page of pages()) {
      for (const c of page) sheet.addRow(EXPORT_COLUMNS.map((col) => col.value(c))).commit();
      // let the response drain before the next page
      if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return {
    fileName: `customers-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: out,
  };
}
