import { z } from '@hono/zod-openapi';
import { asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db, DbOrTx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { emitEvent } from '../events/emit-event.ts';
import { decodeCursor, type Page, toPage } from '../http/pagination.ts';
import { authorize } from './authorize.ts';
import { credentialsChanged } from './credential-cache.ts';
import type { Actor } from './principal.ts';
import { teams, users } from './schema.ts';

export const teamInputSchema = z
  .object({ name: z.string().trim().min(1).max(100) })
  .strict()
  .openapi('TeamInput');
export const teamViewSchema = z
  .object({ id: z.string().uuid(), name: z.string(), memberCount: z.number().int(), createdAt: z.string() })
  .openapi('Team');
export type TeamView = z.infer<typeof teamViewSchema>;

async function assertNameFree(tx: DbOrTx, name: string, exceptId?: string) {
  const [clash] = await tx.select({ id: teams.id }).from(teams).where(sql`lower(${teams.name}) = lower(${name})`);
  if (clash && clash.id !== exceptId) throw new AppError('team_name_taken', { name });
}

export async function createTeam(tx: DbOrTx, actor: Actor, raw: { name: string }): Promise<TeamView> {
  authorize(actor.principal, 'teams', 'create');
  const { name } = teamInputSchema.parse(raw);
  await assertNameFree(tx, name);
  const [row] = await tx.insert(teams).values({ name }).returning();
  if (!row) throw new Error('insert returned no row');
  await recordAudit(tx, actor, { entityType: 'team', entityId: row.id, action: 'create', after: { name } });
  await emitEvent(tx, { topic: 'team.created', aggregateType: 'team', aggregateId: row.id, payload: { name } });
  return { id: row.id, name: row.name, memberCount: 0, createdAt: row.createdAt.toISOString() };
}

export async function renameTeam(db: Db, actor: Actor, id: string, raw: { name: string }): Promise<TeamView> {
  authorize(actor.principal, 'teams', 'update');
  const { name } = teamInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, id)).for('update');
    if (!before) throw new AppError('not_found');
    await assertNameFree(tx, name, id);
    await tx.update(teams).set({ name }).where(eq(teams.id, id));
    await recordAudit(tx, actor, {
      entityType: 'team',
      entityId: id,
      action: 'update',
      before: { name: before.name },
      after: { name },
    });
    return getTeam(tx, actor, id);
  });
}

export async function deleteTeam(db: Db, actor: Actor, id: string): Promise<void> {
  authorize(actor.principal, 'teams', 'delete');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, id)).for('update');
    if (!before) throw new AppError('not_found');
    const [members] = await tx.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.teamId, id));
    if (members?.n) throw new AppError('team_not_empty');
    await tx.delete(teams).where(eq(teams.id, id));
    await recordAudit(tx, actor, { entityType: 'team', entityId: id, action: 'delete', before: { name: before.name } });
    await emitEvent(tx, { topic: 'team.deleted', aggregateType: 'team', aggregateId: id, payload: {} });
  });
  credentialsChanged();
}

const memberCount = sql<number>`(select count(*)::int from ${users} where ${users.teamId} = ${teams.id})`;

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
