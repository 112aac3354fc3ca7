import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { updateSettingsInTx } from '../settings/update-settings.ts';
import { createUser } from './create-user.ts';
import type { RequestMeta } from './login.ts';
import type { Actor } from './principal.ts';
import { users } from './schema.ts';
import { type SessionGrant, startSession } from './start-session.ts';
import { emailSchema, localeSchema, passwordSchema } from './user-input.ts';
import type { UserView } from './user-view.ts';

export const setupSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: emailSchema,
    password: passwordSchema,
    locale: localeSchema.default('th'),
    companyName: z.string().trim().min(1).max(200),
    demo: z.boolean().default(false),
  })
  .strict()
  .openapi('Setup');
export type SetupInput = z.input<typeof setupSchema>;

/** Active owners; setup is open while there are none (staff loaded by `sampan demo` do not count). */
async function activeOwners(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'owner'), eq(users.status, 'active')));
  return row?.n ?? 0;
}

export async function needsSetup(db: Db): Promise<boolean> {
  return (await activeOwners(db)) === 0;
}

/**
 * First run: creates the owner and the organisation settings, and signs the owner in.
 * Only possible while there is no active owner; two concurrent setups cannot both win.
 */
export async function setupInstance(
  db: Db,
  sessionTtlMs: number,
  raw: SetupInput,
  meta: RequestMeta,
): Promise<{ user: UserView; demo: boolean } & SessionGrant> {
  const input = setupSchema.parse(raw);
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${users} in exclusive mode`);
    if (await activeOwners(tx)) throw new AppError('already_set_up');
    const setupActor: Actor = {
      principal: { type: 'system', userId: null, teamId: null, role: 'owner', label: input.email },
      source: meta.source,
      ip: meta.ip,
      requestId: meta.requestId,
    };
    const { name, email, password, locale } = input;
    const user = await createUser(tx, setupActor, { name, email, password, locale, role: 'owner' });
    const ownerActor: Actor = {
      ...setupActor,
      principal: { ...setupActor.principal, type: 'user', userId: user.id, label: user.email },
    };
    await updateSettingsInTx(tx, ownerActor, { companyName: input.companyName, locale: input.locale });
    const grant = await startSession(tx, user.id, sessionTtlMs, meta);
    return { user, demo: input.demo, ...grant };
  });
}
