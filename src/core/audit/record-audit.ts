import type { Actor } from '../auth/principal.ts';
import type { DbOrTx } from '../db/database.ts';
import { auditLog } from './schema.ts';

/** Fields whose values never go into the audit log, only the fact that they changed. */
const SECRET_FIELDS = new Set(['passwordHash', 'password', 'tokenHash', 'token', 'secret']);

export type Changes = Record<string, { before: unknown; after: unknown }>;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value ?? null;
}

/** The fields that differ between two versions of a record, secrets masked. */
export function diffFields(before: object | null | undefined, after: object | null | undefined): Changes {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (key === 'updatedAt') continue;
    const was = normalise(b[key]);
    const now = normalise(a[key]);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes[key] = SECRET_FIELDS.has(key)
      ? { before: was === null ? null : '***', after: now === null ? null : '***' }
      : { before: was, after: now };
  }
  return changes;
}

export interface AuditInput {
  entityType: string;
  entityId: string | null;
  action: string;
  before?: object | null;
  after?: object | null;
  /** Extra facts that are not field changes (e.g. { reason }). */
  changes?: Changes;
}

/** Writes one audit entry in the caller's transaction. */
export async function recordAudit(tx: DbOrTx, actor: Actor, input: AuditInput): Promise<void> {
  const changes = { ...diffFields(input.before, input.after), ...(input.changes ?? {}) };
  await tx.insert(auditLog).values({
    actorType: actor.principal.type,
    actorId: actor.principal.userId ?? actor.principal.tokenId ?? null,
    actorLabel: actor.principal.label,
    source: actor.source,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    changes: Object.keys(changes).length ? changes : null,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  });
}
