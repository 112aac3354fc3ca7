import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';

/** Drizzle wraps the database error; the trigger's message is on its cause. */
async function expectRefused(work: Promise<unknown>): Promise<void> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  const cause = (err as Error & { cause?: unknown }).cause;
  expect(`${(err as Error).message} ${cause instanceof Error ? cause.message : ''}`).toMatch(/append-only/);
}

/** Migration 0003: the audit log accepts exactly one kind of UPDATE, the erasure scrub. */
describe('audit log scrub rule', () => {
  let t: TestDatabase;
  let id: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    const rows = await t.database.query<{ id: number }>(
      `insert into audit_log (actor_type, source, entity_type, entity_id, action, changes)
       values ('user', 'web', 'customer', 'c-1', 'update',
               '{"phone":{"before":"+66811111111","after":"+66822222222"},"firstName":{"before":null,"after":"สมชาย"}}')
       returning id`,
    );
    id = Number(rows[0]?.id);
  });
  afterAll(() => t.cleanup());

  const scrubbed = `(select jsonb_object_agg(key, '{"before":null,"after":null,"scrubbed":true}'::jsonb)
                      from jsonb_each(changes))`;

  it('refuses an UPDATE without the transaction-local switch', async () => {
    await expect(t.database.query(`update audit_log set changes = ${scrubbed} where id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('refuses, even with the switch, an UPDATE that changes anything but blanking values', async () => {
    const attempts = [
      `update audit_log set action = 'forged' where id = ${id}`,
      `update audit_log set changes = '{"phone":{"before":null,"after":"x"}}' where id = ${id}`,
      `update audit_log set changes = null where id = ${id}`,
      `update audit_log set changes = ${scrubbed}, entity_id = 'other' where id = ${id}`,
    ];
    for (const statement of attempts) {
      await expectRefused(
        t.database.db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('sampan.audit_scrub', 'on', true)`);
          await tx.execute(sql.raw(statement));
        }),
      );
    }
    await expectRefused(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('sampan.audit_scrub', 'on', true)`);
        await tx.execute(sql.raw(`delete from audit_log where id = ${id}`));
      }),
    );
  });

  it('no longer honours the wider switch of migration 0001', async () => {
    await expectRefused(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('sampan.audit_redaction', 'on', true)`);
        await tx.execute(sql.raw(`update audit_log set action = 'forged' where id = ${id}`));
      }),
    );
  });

  it('allows blanking every before/after value with the switch, and only inside that transaction', async () => {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('sampan.audit_scrub', 'on', true)`);
      await tx.execute(sql.raw(`update audit_log set changes = ${scrubbed} where id = ${id}`));
    });
    const [row] = await t.database.query<{ changes: Record<string, unknown>; action: string }>(
      'select changes, action from audit_log where id = $1',
      [id],
    );
    expect(row?.action).toBe('update');
    expect(row?.changes).toEqual({
      phone: { before: null, after: null, scrubbed: true },
      firstName: { before: null, after: null, scrubbed: true },
    });
    expect(JSON.stringify(row)).not.toContain('+6681');
    // The switch was transaction-local: a later plain UPDATE is refused again.
    await expect(t.database.query(`update audit_log set changes = ${scrubbed} where id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
  });
});
