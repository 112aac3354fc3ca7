import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { decodeCursor, type Page, toPage } from '../http/pagination.ts';
import { authorize } from './authorize.ts';
import type { Actor } from './principal.ts';
import { teams } from './schema.ts';
import { memberCount, type TeamView } from './team-view.ts';

export async function getTeam(db: DbOrTx, actor: Actor, id: string): Promise<TeamView> {
  authorize(actor.principal, 'teams', 'read');
  const [row] = await db.select({ team: teams, memberCount }).from(teams).where(eq(teams.id, id));
  if (!row) throw new AppError('not_found');
  return {
    id: row.team.id,
    name: row.team.name,
    memberCount: row.memberCount,
    createdAt: row.team.createdAt.toISOString(),
  };
}

export async function listTeams(
  db: DbOrTx,
  actor: Actor,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<TeamView>> {
  authorize(actor.principal, 'teams', 'read');
  const after = decodeCursor(input.cursor, 2);
  const rows = await db
    .select({ team: teams, memberCount })
    .from(teams)
    .where(
      after ? sql`(lower(${teams.name}), ${teams.id}) > (${String(after[0])}, ${String(after[1])}::uuid)` : undefined,
    )
    .orderBy(sql`lower(${teams.name})`, asc(teams.id))
    .limit(input.limit + 1);
  const views = rows.map((r) => ({
    id: r.team.id,
    name: r.team.name,
    memberCount: r.memberCount,
    createdAt: r.team.createdAt.toISOString(),
  }));
  return toPage(views, input.limit, (t) => [t.name.toLowerCase(), t.id]);
}
