import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { authorize } from './authorize.ts';
import { getTeam } from './list-teams.ts';
import type { Actor } from './principal.ts';
import { teams } from './schema.ts';
import { assertTeamNameFree, type TeamView, teamInputSchema } from './team-view.ts';

export async function renameTeam(db: Db, actor: Actor, id: string, raw: { name: string }): Promise<TeamView> {
  authorize(actor.principal, 'teams', 'update');
  const { name } = teamInputSchema.parse(raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, id)).for('update');
    if (!before) throw new AppError('not_found');
    await assertTeamNameFree(tx, name, id);
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
