import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customerTables, ident, recomputeConsentState, rowKey, rowsOf, textList, uuidList } from './customer-tables.ts';

/** Rows of one table that moved from one merged profile to the survivor. */
export interface MovedRows {
  table: string;
  keys: string[];
  keyHasCustomer: boolean;
  from: string;
  rows: string[];
}

/** Rows that were replaced (deleted, then inserted re-pointed) rather than updated in place. */
export interface ReplacedRows {
  /** Full rows as they were (to_jsonb), re-inserted on unmerge. */
  removed: Record<string, unknown>[];
  /** Primary keys of the re-pointed rows inserted, deleted on unmerge. */
  added: [string, string][];
}

export interface MovedSnapshot {
  moved: MovedRows[];
  /** Rows left on a merged profile because the survivor already had the same key. */
  kept: { table: string; from: string; count: number }[];
  /** Tables without a primary key: moved, but cannot be moved back. */
  unrecorded: { table: string; count: number }[];
  companyContacts: ReplacedRows;
  dismissals: ReplacedRows;
  /** Customers whose referred_by_id pointed at a merged profile. */
  referrals: { id: string; from: string }[];
  /** is_primary of every identity involved, as it was. */
  identityPrimary: Record<string, boolean>;
}

/** Pair tables whose two columns may both name customers: rows are replaced, not updated. */
const PAIR_TABLES = {
  companyContacts: { table: 'company_contacts', a: 'company_id', b: 'person_id', ordered: false },
  dismissals: { table: 'duplicate_dismissals', a: 'customer_a', b: 'customer_b', ordered: true },
} as const;

async function replacePairs(
  tx: DbOrTx,
  spec: (typeof PAIR_TABLES)[keyof typeof PAIR_TABLES],
  survivorId: string,
  mergedIds: readonly string[],
): Promise<ReplacedRows> {
  const t = ident(spec.table);
  const a = ident(spec.a);
  const b = ident(spec.b);
  const ids = uuidList(mergedIds);
  const removed = (
    await rowsOf<{ row: Record<string, unknown> }>(
      tx,
      sql`delete from ${t} x where ${a} = any(${ids}) or ${b} = any(${ids}) returning to_jsonb(x) as row`,
    )
  ).map((r) => r.row);
  if (removed.length === 0) return { removed, added: [] };
  const remap = (v: SQL) => sql`case when ${v} = any(${ids}) then ${survivorId}::uuid else ${v} end`;
  const na = remap(sql`r.${a}`);
  const nb = remap(sql`r.${b}`);
  // Dismissals keep the smaller id first, so one pair has one row.
  const [first, second] = spec.ordered ? [sql`least(${na}, ${nb})`, sql`greatest(${na}, ${nb})`] : [na, nb];
  const rest = restColumns(spec, removed[0]);
  const added = await rowsOf<{ a: string; b: string }>(
    tx,
    sql`insert into ${t} (${a}, ${b}, ${sql.raw(rest.map((c) => c.name).join(', '))}) select * from (
          select distinct on (1, 2) ${first} as ${a}, ${second} as ${b}, ${sql.raw(rest.map((c) => `r.${c.name}`).join(', '))}
            from jsonb_populate_recordset(null::${t}, ${JSON.stringify(removed)}::jsonb) r
        ) p where ${a} <> ${b}
        on conflict do nothing returning ${a}::text as a, ${b}::text as b`,
  );
  return { removed, added: added.map((r) => [r.a, r.b]) };
}

/** The pair table's other columns (taken from a row of it), quoted. */
function restColumns(spec: { a: string; b: string }, row: Record<string, unknown> | undefined): { name: string }[] {
  return Object.keys(row ?? {})
    .filter((c) => c !== spec.a && c !== spec.b)
    .map((c) => ({ name: `"${c.replace(/"/g, '""')}"` }));
}

/**
 * Moves everything that belongs to the merged profiles to the survivor, recording what
 * moved so an unmerge can move exactly those rows back.
 */
export async function moveRowsToSurvivor(
  tx: DbOrTx,
  survivorId: string,
  mergedIds: readonly string[],
): Promise<MovedSnapshot> {
  const all = [survivorId, ...mergedIds];
  const identityPrimary = Object.fromEntries(
    (
      await rowsOf<{ id: string; is_primary: boolean }>(
        tx,
        sql`select id::text as id, is_primary from customer_identities where customer_id = any(${uuidList(all)})`,
      )
    ).map((r) => [r.id, r.is_primary]),
  );
  const snapshot: MovedSnapshot = {
    moved: [],
    kept: [],
    unrecorded: [],
    companyContacts: { removed: [], added: [] },
    dismissals: { removed: [], added: [] },
    referrals: [],
    identityPrimary,
  };
  for (const spec of await customerTables(tx)) {
    const t = ident(spec.table);
    for (const from of mergedIds) {
      if (spec.keys.length === 0) {
        const [r] = await rowsOf<{ n: number }>(
          tx,
          sql`with m as (update ${t} set customer_id = ${survivorId} where customer_id = ${from} returning 1)
              select count(*)::int as n from m`,
        );
        if (r?.n) snapshot.unrecorded.push({ table: spec.table, count: r.n });
        continue;
      }
      const clash = spec.keyHasCustomer
        ? sql`and not exists (select 1 from ${t} y where y.customer_id = ${survivorId} and ${sql.join(
            spec.keys.map((k) => sql`y.${ident(k)} = x.${ident(k)}`),
            sql` and `,
          )})`
        : sql``;
      const moved = await rowsOf<{ k: string }>(
        tx,
        sql`update ${t} x set customer_id = ${survivorId} where customer_id = ${from} ${clash}
            returning ${rowKey(spec.keys)} as k`,
      );
      if (moved.length) snapshot.moved.push({ ...spec, from, rows: moved.map((r) => r.k) });
      if (spec.keyHasCustomer) {
        const [left] = await rowsOf<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${t} where customer_id = ${from}`,
        );
        if (left?.n) snapshot.kept.push({ table: spec.table, from, count: left.n });
      }
    }
  }
  await recomputeConsentState(tx, all);
  snapshot.companyContacts = await replacePairs(tx, PAIR_TABLES.companyContacts, survivorId, mergedIds);
  snapshot.dismissals = await replacePairs(tx, PAIR_TABLES.dismissals, survivorId, mergedIds);
  snapshot.referrals = await rowsOf<{ id: string; from: string }>(
    tx,
    sql`update customers c set referred_by_id = ${survivorId}
          from (select id, referred_by_id from customers
                 where referred_by_id = any(${uuidList(mergedIds)}) and id <> ${survivorId} for update) old
         where c.id = old.id
     returning c.id::text as id, old.referred_by_id::text as "from"`,
  );
  return snapshot;
}

/** Moves back the rows a merge moved that are still on the survivor; counts what moved back. */
export async function moveRowsBack(
  tx: DbOrTx,
  survivorId: string,
  mergedIds: readonly string[],
  snapshot: MovedSnapshot,
): Promise<{ table: string; moved: number; missing: number }[]> {
  const report: { table: string; moved: number; missing: number }[] = [];
  for (const m of snapshot.moved) {
    const t = ident(m.table);
    const clash = m.keyHasCustomer
      ? sql`and not exists (select 1 from ${t} y where y.customer_id = ${m.from} and ${sql.join(
          m.keys.map((k) => sql`y.${ident(k)} = x.${ident(k)}`),
          sql` and `,
        )})`
      : sql``;
    const [r] = await rowsOf<{ n: number }>(
      tx,
      sql`with m as (update ${t} x set customer_id = ${m.from}
                      where customer_id = ${survivorId} and ${rowKey(m.keys)} = any(${textList(m.rows)}) ${clash}
                      returning 1)
          select count(*)::int as n from m`,
    );
    const moved = r?.n ?? 0;
    report.push({ table: m.table, moved, missing: m.rows.length - moved });
  }
  for (const [key, spec] of Object.entries(PAIR_TABLES)) {
    const replaced = snapshot[key as keyof typeof PAIR_TABLES];
    if (replaced.removed.length === 0) continue;
    const t = ident(spec.table);
    for (const [a, b] of replaced.added) {
      await tx.execute(sql`delete from ${t} where ${ident(spec.a)} = ${a} and ${ident(spec.b)} = ${b}`);
    }
    await tx.execute(sql`insert into ${t}
      select * from jsonb_populate_recordset(null::${t}, ${JSON.stringify(replaced.removed)}::jsonb)
      on conflict do nothing`);
  }
  for (const { id, from } of snapshot.referrals) {
    await tx.execute(
      sql`update customers set referred_by_id = ${from} where id = ${id} and referred_by_id = ${survivorId}`,
    );
  }
  const flags = Object.entries(snapshot.identityPrimary);
  if (flags.length) {
    await tx.execute(sql`update customer_identities i set is_primary = f.value::boolean
      from jsonb_each_text(${JSON.stringify(snapshot.identityPrimary)}::jsonb) f
      where i.id = f.key::uuid`);
  }
  await recomputeConsentState(tx, [survivorId, ...mergedIds]);
  return report;
}
