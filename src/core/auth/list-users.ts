import { and, asc, eq, gt, ilike, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { decodeCursor, type Page, toPage } from '../http/pagination.ts';
import { authorize } from './authorize.ts';
import type { Actor } from './principal.ts';
import { users } from './schema.ts';
import { toUserView, type UserView } from './user-view.ts';

export interface ListUsersInput {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  role?: string | undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listUsers(db: DbOrTx, actor: Actor, input: ListUsersInput): Promise<Page<UserView>> {
  authorize(actor.principal, 'users', 'read');
  const after = decodeCursor(input.cursor, 1);
  const pattern = input.q ? `%${escapeLike(input.q.trim())}%` : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        after ? gt(users.email, String(after[0])) : undefined,
        pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined,
        input.role ? eq(users.role, input.role) : undefined,
      ),
    )
    .orderBy(asc(users.email))
    .limit(input.limit + 1);
  return toPage(rows.map(toUserView), input.limit, (u) => [u.email]);
}

export async function getUser(db: DbOrTx, actor: Actor, id: string): Promise<UserView> {
  authorize(actor.principal, 'users', 'read');
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new AppError('not_found');
  return toUserView(row);
}
