import { recordAudit } from '../audit/record-audit.ts';
import type { DbOrTx } from '../db/database.ts';
import { emitEvent } from '../events/emit-event.ts';
import { authorize } from './authorize.ts';
import type { Actor } from './principal.ts';
import { teams } from './schema.ts';
import { assertTeamNameFree, type TeamView, teamInputSchema } from './team-view.ts';

export async function createTeam(tx: DbOrTx, actor: Actor, raw: { name: string }): Promise<TeamView> {
  authorize(actor.principal, 'teams', 'create');
  const { name } = teamInputSchema.parse(raw);
  await assertTeamNameFree(tx, name);
  const [row] = await tx.insert(teams).values({ name }).returning();
  if (!row) throw new Error('insert returned no row');
  await recordAudit(tx, actor, { entityType: 'team', entityId: row.id, action: 'create', after: { name } });
  await emitEvent(tx, { topic: 'team.created', aggregateType: 'team', aggregateId: row.id, payload: { name } });
  return { id: row.id, name: row.name, memberCount: 0, createdAt: row.createdAt.toISOString() };
}
