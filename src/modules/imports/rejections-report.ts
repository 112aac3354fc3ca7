import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, gt } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { visibleImport } from './import-access.ts';
import { importRejections } from './schema.ts';

const PAGE = 2000;
const HEADERS: Record<Locale, string[]> = {
  en: ['line', 'reason', 'row'],
  th: ['บรรทัด', 'เหตุผล', 'ข้อมูลแถว'],
};

/**
 * The rejected rows of an import as CSV (UTF-8 with BOM so Excel shows Thai), read page by
 * page: line number, reason (English / Thai) and the row as it was in the file.
 */
export async function rejectionsReport(
  db: Db,
  actor: Actor,
  id: string,
  locale: Locale,
): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
  authorize(actor.principal, 'customers', 'read');
  const row = await visibleImport(db, actor, id);
  async function* chunks(): AsyncGenerator<string> {
    yield `\uFEFF${stringify([HEADERS[locale]])}`;
    let after = 0;
    for (;;) {
      const page = await db
        .select({ line: importRejections.line, reason: importRejections.reason, raw: importRejections.raw })
        .from(importRejections)
        .where(and(eq(importRejections.importId, id), gt(importRejections.line, after)))
        .orderBy(asc(importRejections.line))
        .limit(PAGE);
      if (page.length) yield stringify(page.map((r) => [r.line, r.reason, r.raw ?? '']));
      const last = page.at(-1);
      if (page.length < PAGE || !last) return;
      after = last.line;
    }
  }
  return { fileName: `${row.fileName.replace(/\.[^.]*$/, '')}-rejected.csv`, chunks: chunks() };
}
