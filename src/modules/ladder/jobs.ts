import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import type { EventJobData } from '../../core/events/outbox-dispatcher.ts';
import type { ModuleRuntime } from '../../core/module.ts';
import { recomputeAllLadder, recomputeLadder } from './recompute-ladder.ts';
import { rowsOf, uuidArray } from './sql-helpers.ts';
import { LADDER_RULES_UPDATED } from './update-rules.ts';

export const NIGHTLY_LADDER_JOB = 'ladder.recompute-all';

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * Customers whose facts an event may have changed: the customer, and whoever they were
 * or are referred by. A changed referral is not told who the referrer was before, so
 * everyone the ladder last saw with referrals is judged again too (a small set).
 */
async function affected(db: Db, event: EventJobData): Promise<string[]> {
  const p = event.payload;
  const direct = [
    ...(event.aggregateType === 'customer' && event.aggregateId ? [event.aggregateId] : []),
    ...(typeof p.customerId === 'string' ? [p.customerId] : []),
    ...ids(p.mergedIds),
    ...ids(p.restoredIds),
    ...(typeof p.survivorId === 'string' ? [p.survivorId] : []),
  ];
  const referralsMayMove =
    !event.topic.startsWith('activity.') &&
    !event.topic.startsWith('order.') &&
    (event.topic !== 'customer.updated' || ids(p.fields).some((f) => f === 'referredById'));
  if (!referralsMayMove || direct.length === 0) return direct;
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select referred_by_id::text as id from customers where id = any(${uuidArray(direct)}) and referred_by_id is not null
        union select customer_id::text from customer_ladder where (facts ->> 'referrals')::int > 0`,
  );
  return [...direct, ...rows.map((r) => r.id)];
}

/**
 * An import writes many customers or orders at once and emits one imports.completed event
 * (not one per row): everyone is judged again, as at night. A dry run changed nothing.
 */
const IMPORTS_COMPLETED = 'imports.completed';
/** Demo data loads customers and a year of orders at once, like an import (the demo module's event). */
const DEMO_LOADED = 'demo.loaded';

/** Topics after which some customers' stage may change. */
const TOPICS = [
  'customer.created',
  'customer.updated',
  'customer.merged',
  'customer.unmerged',
  'customer.erased',
  'activity.created',
  'activity.updated',
  'activity.deleted',
  // The orders module's events (their payload names the customer).
  'order.created',
  'order.paid',
  'order.fulfilled',
  'order.cancelled',
  'order.refunded',
  IMPORTS_COMPLETED,
  DEMO_LOADED,
] as const;

/** Judges again the customers an event concerns (order entries only, for activity events). */
export async function handleLadderEvent(db: Db, event: EventJobData): Promise<void> {
  if (event.topic === IMPORTS_COMPLETED || event.topic === DEMO_LOADED) {
    if (event.payload.dryRun !== true) await recomputeAllLadder(db);
    return;
  }
  if (event.topic.startsWith('activity.') && event.payload.kind !== undefined && event.payload.kind !== 'order') return;
  await recomputeLadder(db, await affected(db, event));
  if (event.topic === 'customer.merged') {
    // Tombstones stand on no rung; an unmerge judges the restored profiles again.
    await db.execute(
      sql`delete from customer_ladder where customer_id = any(${uuidArray(ids(event.payload.mergedIds))})`,
    );
  }
  if (event.topic === 'customer.erased' && event.aggregateId) {
    // Reasons staff typed may name the person; the stages stay as non-personal aggregates.
    const erased = uuidArray([event.aggregateId, ...ids(event.payload.mergedIds)]);
    await db.execute(sql`update customer_ladder set override_reason = null where customer_id = any(${erased})`);
    await db.execute(sql`update ladder_history set reason = null where customer_id = any(${erased})`);
  }
}

/** Event-driven recompute of the customers concerned, a nightly full pass, and one after the rules change. */
export function registerLadderJobs({ deps, jobs, events }: ModuleRuntime): void {
  const { db } = deps.database;
  for (const topic of TOPICS) {
    events.subscribe(topic, `ladder.on-${topic.replace('.', '-')}`, (event) => handleLadderEvent(db, event), {
      retryLimit: 5,
      retryDelay: 10,
    });
  }
  events.subscribe(LADDER_RULES_UPDATED, 'ladder.on-rules-updated', async (_e, ctx) => {
    ctx.logger.info(await recomputeAllLadder(db), 'ladder recomputed after the rules changed');
  });
  jobs.register({
    name: NIGHTLY_LADDER_JOB,
    cron: '25 2 * * *',
    retryLimit: 2,
    retryDelay: 300,
    handler: async (_data, ctx) => {
      ctx.logger.info(await recomputeAllLadder(db), 'nightly ladder recompute');
    },
  });
}
