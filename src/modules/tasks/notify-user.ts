import type { DbOrTx } from '../../core/db/database.ts';
import { notifications } from './schema.ts';

export interface NotificationInput {
  userId: string;
  /** What happened, e.g. task_reminder, task_overdue, task_assigned; later modules add theirs. */
  kind: string;
  /** Generic titles in both languages; never a customer's name (it would survive an erasure). */
  titleTh: string;
  titleEn: string;
  /** Free text that may name a customer (a task title): blanked when that customer is erased. */
  body?: string | null;
  /** A path in the web app, e.g. /tasks or /customers/{id}. */
  link?: string | null;
  customerId?: string | null;
  refType?: string | null;
  refId?: string | null;
}

/** Writes an in-app notification in the caller's transaction (delivery by email comes with channels). */
export async function notifyUser(tx: DbOrTx, input: NotificationInput): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      userId: input.userId,
      kind: input.kind,
      titleTh: input.titleTh,
      titleEn: input.titleEn,
      body: input.body ?? null,
      link: input.link ?? null,
      customerId: input.customerId ?? null,
      refType: input.refType ?? null,
      refId: input.refId ?? null,
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error('insert returned nothing');
  return row.id;
}
