import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { type IdentityMatchData, recordActivity } from '../activities/index.ts';
import type { Identifier } from '../customers/index.ts';
import type { InboundChannel } from './inbound-input.ts';
import type { MatchedBy } from './resolution-view.ts';

export interface ResolutionFacts {
  customerId: string;
  created: boolean;
  skipped: boolean;
  matchedBy: MatchedBy | null;
  /** The identifier that names a new profile (the most trusted one), for the timeline. */
  first: Identifier | undefined;
  channel: InboundChannel;
  added: Identifier[];
  conflicts: { kind: string; system: string; value: string; customerId: string }[];
}

/**
 * Every resolution leaves an identity_match entry on the profile ("matched by phone
 * +6681…"), an audit entry and an identity.resolved event; each identifier held by
 * another profile also an identity.conflict event, for the duplicate finder and people.
 */
export async function recordResolution(tx: DbOrTx, actor: Actor, f: ResolutionFacts): Promise<void> {
  const data: IdentityMatchData & { skipped?: boolean } = {
    rule: f.matchedBy?.rule ?? null,
    kind: f.matchedBy?.kind ?? f.first?.kind ?? null,
    ...((f.matchedBy?.system ?? f.first?.system) ? { system: f.matchedBy?.system ?? f.first?.system } : {}),
    value: f.matchedBy?.value ?? f.first?.value ?? null,
    channel: f.channel,
    created: f.created,
    ...(f.conflicts.length ? { conflicts: f.conflicts } : {}),
    ...(f.skipped ? { skipped: true } : {}),
  };
  await recordActivity(tx, {
    customerId: f.customerId,
    kind: 'identity_match',
    data: data as unknown as Record<string, unknown>,
    actorUserId: actor.principal.userId,
  });
  await recordAudit(tx, actor, {
    entityType: 'customer',
    entityId: f.customerId,
    action: 'identity.resolve',
    changes: {
      matchedBy: { before: null, after: f.matchedBy?.rule ?? 'created' },
      channel: { before: null, after: f.channel },
      ...(f.added.length
        ? { identitiesAdded: { before: null, after: f.added.map((i) => `${i.kind}:${i.system}:${i.value}`) } }
        : {}),
      ...(f.conflicts.length
        ? { conflicts: { before: null, after: f.conflicts.map((c) => `${c.kind} → ${c.customerId}`) } }
        : {}),
    },
  });
  await emitEvent(tx, {
    topic: 'identity.resolved',
    aggregateType: 'customer',
    aggregateId: f.customerId,
    payload: {
      created: f.created,
      rule: f.matchedBy?.rule ?? null,
      channel: f.channel,
      identitiesAdded: f.added.length,
      conflicts: f.conflicts.length,
    },
  });
  for (const c of f.conflicts) {
    await emitEvent(tx, {
      topic: 'identity.conflict',
      aggregateType: 'customer',
      aggregateId: f.customerId,
      payload: { otherCustomerId: c.customerId, kind: c.kind, system: c.system, channel: f.channel },
    });
  }
}
