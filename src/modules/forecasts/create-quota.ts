import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { parsePeriod } from './period.ts';
import { authorizeQuotaChange } from './quota-access.ts';
import { type CreateQuotaInput, createQuotaSchema } from './quota-input.ts';
import { type QuotaView, toQuotaView } from './quota-view.ts';
import { quotas } from './schema.ts';

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Sets a quota for one user or team and one month or quarter; a second one for the same pair is 409. */
export async function createQuota(db: DbOrTx, actor: Actor, raw: CreateQuotaInput): Promise<QuotaView> {
  const input = validateInput(createQuotaSchema, raw);
  if (Boolean(input.userId) === Boolean(input.teamId)) throw new AppError('quota_assignee_required');
  const period = parsePeriod(input.period);
  const target = { userId: input.userId ?? null, teamId: input.teamId ?? null };
  const names = await authorizeQuotaChange(db, actor, target);
  const assignee = target.userId ? (names.userName ?? '') : (names.teamName ?? '');
  const exists = () => new AppError('quota_exists', { assignee, period: period.label });
  try {
    return await db.transaction(async (tx) => {
      const [dup] = await tx
        .select({ id: quotas.id })
        .from(quotas)
        .where(
          and(
            target.userId ? eq(quotas.userId, target.userId) : eq(quotas.teamId, target.teamId as string),
            eq(quotas.periodKind, period.kind),
            eq(quotas.periodStart, period.start),
          ),
        );
      if (dup) throw exists();
      const [row] = await tx
        .insert(quotas)
        .values({
          ...target,
          periodKind: period.kind,
          periodStart: period.start,
          amountSatang: input.amountSatang,
          dealCount: input.dealCount ?? null,
          createdBy: actor.principal.userId,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await recordAudit(tx, actor, { entityType: 'quota', entityId: row.id, action: 'create', after: row });
      await emitEvent(tx, {
        topic: 'quotas.created',
        aggregateType: 'quota',
        aggregateId: row.id,
        payload: { ...target, period: period.label, amountSatang: row.amountSatang },
      });
      return toQuotaView(row, names);
    });
  } catch (err) {
    // Two managers setting the same quota at once: the unique index decides, the loser gets the same 409.
    if (isUniqueViolation(err)) throw exists();
    throw err;
  }
}
