import { desc, ilike, or, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { invalidField } from '../../core/errors/app-error.ts';
import { decodeCursor, type Page, toPage } from '../../core/http/pagination.ts';
import { type CustomerView, toCustomerView } from './customer-view.ts';
import { visibleCustomer } from './get-customer.ts';
import { customers } from './schema.ts';
import { phoneSearchDigits } from './thai-phone.ts';

export interface ListCustomersInput {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** q against names (Thai and English, also "first last"), nickname, email, LINE id and phone. */
export function customerSearch(q: string | undefined): SQL | undefined {
  const term = q?.trim();
  if (!term) return undefined;
  const pattern = `%${escapeLike(term)}%`;
  const digits = phoneSearchDigits(term);
  return or(
    ilike(customers.displayName, pattern),
    sql`concat_ws(' ', ${customers.firstName}, ${customers.lastName}) ilike ${pattern}`,
    sql`concat_ws(' ', ${customers.firstNameEn}, ${customers.lastNameEn}) ilike ${pattern}`,
    ilike(customers.nickname, pattern),
    ilike(customers.email, pattern),
    ilike(customers.lineId, pattern),
    digits ? sql`${customers.phone} like ${`%${digits}%`}` : undefined,
  );
}

/** The caller's visible customers, newest first, keyset-paginated on (createdAt, id). */
export async function listCustomers(db: DbOrTx, actor: Actor, input: ListCustomersInput): Promise<Page<CustomerView>> {
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
    before = sql`(${customers.createdAt}, ${customers.id}) < (${at}::timestamptz, ${id}::uuid)`;
  }
  const rows = await db
    .select()
    .from(customers)
    .where(visibleCustomer(actor, before, customerSearch(input.q)))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(input.limit + 1);
  return toPage(rows.map(toCustomerView), input.limit, (c) => [c.createdAt, c.id]);
}
