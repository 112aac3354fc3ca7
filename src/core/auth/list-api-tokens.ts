import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { decodeCursor, type Page, toPage } from '../http/pagination.ts';
import { ownedToken, type TokenView, toTokenView } from './api-token-view.ts';
import { andVisible, authorize } from './authorize.ts';
import type { Actor } from './principal.ts';
import { apiTokens, users } from './schema.ts';

export async function listApiTokens(
  db: DbOrTx,
  actor: Actor,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<TokenView>> {
  authorize(actor.principal, 'tokens', 'read');
  const after = decodeCursor(input.cursor, 2);
  const keyset = after
    ? or(
        lt(apiTokens.createdAt, new Date(String(after[0]))),
        and(eq(apiTokens.createdAt, new Date(String(after[0]))), lt(apiTokens.id, String(after[1]))),
      )
    : undefined;
  const rows = await db
    .select({ token: apiTokens, ownerName: users.name })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.ownerId))
    .where(andVisible(actor.principal, 'tokens', ownedToken, keyset))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(input.limit + 1);
  return toPage(
    rows.map((r) => toTokenView(r.token, r.ownerName)),
    input.limit,
    (t) => [t.createdAt, t.id],
  );
}

export async function getApiToken(db: DbOrTx, actor: Actor, id: string): Promise<TokenView> {
  authorize(actor.principal, 'tokens', 'read');
  const [row] = await db
    .select({ token: apiTokens, ownerName: users.name })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.ownerId))
    .where(andVisible(actor.principal, 'tokens', ownedToken, eq(apiTokens.id, id)));
  if (!row) throw new AppError('not_found');
  return toTokenView(row.token, row.ownerName);
}
