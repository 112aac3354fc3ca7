import { z } from '@hono/zod-openapi';
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { invalidField } from '../../core/errors/app-error.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import {
  type CustomerSummary,
  customers,
  toCustomerSummary,
  validateInput,
  visibleCustomer,
} from '../customers/index.ts';
import { checkCondition, LIST_CHECKS, type ListCheck } from './quality-checks.ts';
import { dataQualityQuerySchema } from './report-view.ts';

export const checkParamSchema = z.object({
  check: z.enum(LIST_CHECKS).openapi({ param: { name: 'check', in: 'path' }, example: 'missing-email' }),
});

export const checkListQuerySchema = pageQuerySchema.extend(dataQualityQuerySchema.shape);
export type CheckListQuery = z.input<typeof checkListQuerySchema>;

function afterCursor(cursor: string | undefined): SQL | undefined {
  const after = decodeCursor(cursor, 2);
  if (!after) return undefined;
  const [at, id] = after;
  if (
    typeof at !== 'string' ||
    Number.isNaN(Date.parse(at)) ||
    typeof id !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(id)
  ) {
    throw invalidField('cursor', 'invalid cursor', 'ตัวชี้หน้าไม่ถูกต้อง');
  }
  return sql`(${customers.updatedAt}, ${customers.id}) > (${at}::timestamptz, ${id}::uuid)`;
}

/**
 * The active customers the caller may see that fail one check, least recently updated
 * first (the likeliest to need fixing), keyset-paginated on (updatedAt, id).
 */
export async function listCheckCustomers(
  db: DbOrTx,
  actor: Actor,
  check: ListCheck,
  raw: CheckListQuery,
): Promise<Page<CustomerSummary>> {
  authorize(actor.principal, 'customers', 'read');
  const input = validateInput(checkListQuerySchema, raw);
  const { check: valid } = validateInput(checkParamSchema, { check });
  const rows = await db
    .select()
    .from(customers)
    .where(
      visibleCustomer(
        actor,
        eq(customers.status, 'active'),
        checkCondition(valid, input.staleMonths),
        afterCursor(input.cursor),
      ),
    )
    .orderBy(asc(customers.updatedAt), asc(customers.id))
    .limit(input.limit + 1);
  return toPage(rows.map(toCustomerSummary), input.limit, (c) => [c.updatedAt, c.id]);
}
