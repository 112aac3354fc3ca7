import type { DbOrTx } from '../db/database.ts';
import { outbox } from './schema.ts';

export interface DomainEvent {
  /** e.g. 'user.created', 'customer.merged' */
  topic: string;
  aggregateType: string;
  aggregateId: string | null;
  payload: Record<string, unknown>;
}

/** Writes the event in the caller's transaction; the dispatcher delivers it after commit. */
export async function emitEvent(tx: DbOrTx, event: DomainEvent): Promise<void> {
  await tx.insert(outbox).values(event);
}
