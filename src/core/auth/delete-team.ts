import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { emitEvent } from '../events/emit-event.ts';
import { authorize } from './authorize.ts';
import { credentialsChanged } from './credential-cache.ts';
import type { Actor } from './principal.ts';
import { teams, users } from './schema.ts';

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
