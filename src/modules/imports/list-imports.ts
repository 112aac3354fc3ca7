import { and, desc, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { invalidField } from '../../core/errors/app-error.ts';
import { decodeCursor, type Page, toPage } from '../../core/http/pagination.ts';
import { importVisibility, visibleImport } from './import-access.ts';
import { type ImportView, toImportView } from './import-view.ts';
import { imports } from './schema.ts';

/** One import with its live progress (the UI polls this). */
export async function getImport(db: DbOrTx, actor: Actor, id: string): Promise<ImportView> {
  authorize(actor.principal, 'customers', 'read');
  return toImportView(await visibleImport(db, actor, id));
}

/** The caller's imports (all of them for owners and admins), newest first. */
export async function listImports(
  db: DbOrTx,
  actor: Actor,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<ImportView>> {
  authorize(actor.principal, 'customers', 'read');
  const after = decodeCursor(input.cursor, 2);
  let before: SQL | undefined;
  if (after) {
    const [at, id] = after;
    if (
      typeof at !== 'string' ||
      Number.isNaN(Date.parse(at)) ||
      typeof id !== 'string' ||
      !/^[0-9a-f-]{36}$/i.test(id)
    ) {
      throw invalidField('cursor', 'invalid cursor', 'ตัวชี้หน้าไม่ถูกต้อง');
    }
    before = sql`(${imports.createdAt}, ${imports.id}) < (${at}::timestamptz, ${id}::uuid)`;
  }
  const rows = await db
    .select()
    .from(imports)
    .where(and(importVisibility(actor), before))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(input.limit + 1);
  return toPage(rows.map(toImportView), input.limit, (r) => [r.createdAt, r.id]);
}
