import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { teams, users } from './schema.ts';

export const teamInputSchema = z
  .object({ name: z.string().trim().min(1).max(100) })
  .strict()
  .openapi('TeamInput');
export const teamViewSchema = z
  .object({ id: z.string().uuid(), name: z.string(), memberCount: z.number().int(), createdAt: z.string() })
  .openapi('Team');
export type TeamView = z.infer<typeof teamViewSchema>;

export async function assertTeamNameFree(tx: DbOrTx, name: string, exceptId?: string) {
  const [clash] = await tx.select({ id: teams.id }).from(teams).where(sql`lower(${teams.name}) = lower(${name})`);
  if (clash && clash.id !== exceptId) throw new AppError('team_name_taken', { name });
}

/** Members of a team, as a column of a select on teams. */
export const memberCount = sql<number>`(select count(*)::int from ${users} where ${users.teamId} = ${teams.id})`;
