import { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { invalidField } from '../../core/errors/app-error.ts';
import { decodeCursor, type Page, pageSchema, toPage } from '../../core/http/pagination.ts';
import { type CustomerSummary, customerSummarySchema, toCustomerSummary } from './extras-summary.ts';
import { readableCustomer } from './extras-target.ts';
import { visibleCustomer } from './get-customer.ts';
import { customers } from './schema.ts';

export const referralsViewSchema = z
  .object({
    referredBy: customerSummarySchema.nullable(),
    referredByHidden: z
      .boolean()
      .openapi({ description: 'True when the referrer exists but is outside what you may see.' }),
    referred: pageSchema(customerSummarySchema),
    count: z
      .number()
      .int()
      .openapi({ description: 'Everyone this customer referred, including those you may not see.' }),
  })
  .openapi('Referrals');
export type ReferralsView = z.infer<typeof referralsViewSchema>;

/** Active customers each of `customerIds` referred (for the relationship ladder's advocate stage). */
export async function countReferrals(db: DbOrTx, customerIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (customerIds.length === 0) return counts;
  const rows = await db
    .select({ id: customers.referredById, n: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(inArray(customers.referredById, [...customerIds]), eq(customers.status, 'active')))
    .groupBy(customers.referredById);
  for (const row of rows) if (row.id) counts.set(row.id, row.n);
  return counts;
}

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
  return sql`(${customers.createdAt}, ${customers.id}) < (${at}::timestamptz, ${id}::uuid)`;
}

/**
 * Who referred a customer and whom they referred (newest first, only those the caller may
 * see); `count` is everyone they referred, as the ladder counts it.
 */
export async function listReferrals(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  input: { limit: number; cursor?: string | undefined },
): Promise<ReferralsView> {
  const target = await readableCustomer(db, actor, customerId);
  let referredBy: CustomerSummary | null = null;
  if (target.referredById) {
    const [row] = await db
      .select()
      .from(customers)
      .where(visibleCustomer(actor, eq(customers.id, target.referredById)));
    referredBy = row ? toCustomerSummary(row) : null;
  }
  const rows = await db
    .select()
    .from(customers)
    .where(
      visibleCustomer(
        actor,
        eq(customers.referredById, customerId),
        eq(customers.status, 'active'),
        afterCursor(input.cursor),
      ),
    )
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(input.limit + 1);
  const referred: Page<CustomerSummary & { createdAt: string }> = toPage(
    rows.map((r) => ({ ...toCustomerSummary(r), createdAt: r.createdAt.toISOString() })),
    input.limit,
    (r) => [r.createdAt, r.id],
  );
  const count = (await countReferrals(db, [customerId])).get(customerId) ?? 0;
  return {
    referredBy,
    referredByHidden: target.referredById !== null && referredBy === null,
    referred: { items: referred.items.map(({ createdAt: _c, ...s }) => s), nextCursor: referred.nextCursor },
    count,
  };
}
