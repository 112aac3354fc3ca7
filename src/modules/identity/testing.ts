/** Test helpers of the identity module (used by *.test.ts only). */
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { activities } from '../activities/index.ts';
import { customerIdentities, customers } from '../customers/index.ts';

/** The coded error a promise is refused with. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** Row counts of what a resolution writes, to prove a refused one wrote nothing. */
export async function identityCounts(db: Db) {
  const n = async (table: typeof customers | typeof customerIdentities | typeof activities) => {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    return r?.n ?? 0;
  };
  return { customers: await n(customers), identities: await n(customerIdentities), activities: await n(activities) };
}

/** A profile's identities as sorted "kind:system:value" strings, "*" marking the primary ones. */
export async function identitiesOf(db: Db, customerId: string): Promise<string[]> {
  const rows = await db.select().from(customerIdentities).where(eq(customerIdentities.customerId, customerId));
  return rows.map((r) => `${r.kind}:${r.system}:${r.value}${r.isPrimary ? '*' : ''}`).sort();
}
