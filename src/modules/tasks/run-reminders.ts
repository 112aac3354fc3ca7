import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { notifyUser } from './notify-user.ts';

const BATCH = 500;

interface Claimed {
  id: string;
  title: string;
  assignee_id: string;
  customer_id: string | null;
}

/**
 * Claims up to BATCH open tasks whose `at` column has passed and whose `mark` column is still
 * null, setting `mark` in the same statement. FOR UPDATE SKIP LOCKED plus the re-check of
 * `mark` makes two runs at once claim disjoint sets: each task is claimed once.
 */
async function claim(tx: DbOrTx, at: 'remind_at' | 'due_at', mark: 'reminded_at' | 'overdue_notified_at', now: Date) {
  const atCol = sql.raw(at);
  const markCol = sql.raw(mark);
  const nowIso = now.toISOString();
  return rowsOf<Claimed>(
    tx,
    sql`update tasks set ${markCol} = ${nowIso}::timestamptz
         where id in (select id from tasks
                       where status = 'open' and ${markCol} is null and ${atCol} <= ${nowIso}::timestamptz
                       order by ${atCol} limit ${BATCH}
                       for update skip locked)
           and ${markCol} is null
        returning id::text, title, assignee_id::text, customer_id::text`,
  );
}

/**
 * The reminder job: for every open task whose reminder time has passed, one in-app
 * notification to its assignee; for every open task past its due time, one overdue notice.
 * Claim and notifications commit together, so a crash sends nothing twice or not at all.
 */
export async function runReminders(db: DbOrTx, now = new Date()): Promise<{ reminded: number; overdue: number }> {
  return db.transaction(async (tx) => {
    const reminders = await claim(tx, 'remind_at', 'reminded_at', now);
    for (const t of reminders) {
      await notifyUser(tx, {
        userId: t.assignee_id,
        kind: 'task_reminder',
        titleTh: 'เตือนความจำ: งานของคุณ',
        titleEn: 'Reminder: your task',
        body: t.title,
        link: '/tasks',
        customerId: t.customer_id,
        refType: 'task',
        refId: t.id,
      });
    }
    const overdue = await claim(tx, 'due_at', 'overdue_notified_at', now);
    for (const t of overdue) {
      await notifyUser(tx, {
        userId: t.assignee_id,
        kind: 'task_overdue',
        titleTh: 'งานเลยกำหนดแล้ว',
        titleEn: 'A task is overdue',
        body: t.title,
        link: '/tasks',
        customerId: t.customer_id,
        refType: 'task',
        refId: t.id,
      });
    }
    return { reminded: reminders.length, overdue: overdue.length };
  });
}
