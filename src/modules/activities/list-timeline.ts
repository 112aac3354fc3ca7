import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { invalidField } from '../../core/errors/app-error.ts';
import { decodeCursor, type Page, toPage } from '../../core/http/pagination.ts';
import { validateInput } from '../customers/index.ts';
import { type TimelineQuery, timelineQuerySchema } from './activity-input.ts';
import { type ActivityView, toActivityView } from './activity-view.ts';
import { requireVisibleCustomer } from './require-customer.ts';
import { activities } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function afterCursor(cursor: string | undefined): SQL | undefined {
  const after = decodeCursor(cursor, 2);
  if (!after) return undefined;
  const [at, id] = after;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID.test(id)) {
    throw invalidField('cursor', 'invalid cursor', 'ตัวชี้หน้าไม่ถูกต้อง');
  }
  return sql`(${activities.occurredAt}, ${activities.id}) < (${at}::timestamptz, ${id}::uuid)`;
}

/**
 * The 360° stream of one customer the caller may see: every module's entries, newest
 * first, keyset-paginated on (occurredAt, id), optionally only some kinds and a time range
 * (from inclusive, to exclusive).
 */
export async function listTimeline(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  raw: TimelineQuery,
): Promise<Page<ActivityView>> {
  authorize(actor.principal, 'customers', 'read');
  const input = validateInput(timelineQuerySchema, raw);
  const where = and(
    eq(activities.customerId, customerId),
    afterCursor(input.cursor),
    input.kind === undefined ? undefined : inArray(activities.kind, [input.kind].flat()),
    input.from === undefined ? undefined : gte(activities.occurredAt, new Date(input.from)),
    input.to === undefined ? undefined : lt(activities.occurredAt, new Date(input.to)),
  );
  await requireVisibleCustomer(db, actor, customerId);
  const rows = await db
    .select({ activity: activities, actorName: users.name })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.actorUserId))
    .where(where)
    .orderBy(desc(activities.occurredAt), desc(activities.id))
    .limit(input.limit + 1);
  return toPage(
    rows.map((r) => toActivityView(r.activity, r.actorName)),
    input.limit,
    (a) => [a.occurredAt, a.id],
  );
}
