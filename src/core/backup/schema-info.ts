import { qualified } from './format.ts';
import type { SessionQuery } from './sql-session.ts';

/** What a backup needs to know about one table in the public schema. */
export interface TableInfo {
  name: string;
  /** Stored columns in order (generated columns are recomputed, never dumped). */
  columns: string[];
  /** SQL for ORDER BY (quoted primary-key columns), or null for a table without one. */
  orderBy: string | null;
}

export interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  /** pg_get_constraintdef, to put the constraint back after dropping it for a load. */
  definition: string;
}

// Ordinary and partitioned tables; partitions are read and written through their parent.
const PUBLIC_TABLES = `
  select c.oid, c.relname
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`;

export async function listTables(q: SessionQuery): Promise<TableInfo[]> {
  const rows = await q<{ name: string; columns: string[] | null; order_by: string | null }>(`
    with t as (${PUBLIC_TABLES})
    select t.relname as name,
      (select array_agg(a.attname::text order by a.attnum) from pg_attribute a
        where a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
      (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
        from pg_constraint con
        cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
        where con.conrelid = t.oid and con.contype = 'p') as order_by
    from t order by t.relname`);
  return rows.map((r) => ({ name: r.name, columns: r.columns ?? [], orderBy: r.order_by }));
}

export async function listForeignKeys(q: SessionQuery): Promise<ForeignKey[]> {
  return q<ForeignKey>(`
    select con.conname::text as name, c.relname::text as child, p.relname::text as parent,
      pg_get_constraintdef(con.oid) as definition
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid join pg_namespace cn on cn.oid = c.relnamespace
    join pg_class p on p.oid = con.confrelid join pg_namespace pn on pn.oid = p.relnamespace
    where con.contype = 'f' and con.conparentid = 0 and cn.nspname = 'public' and pn.nspname = 'public'
    order by c.relname, con.conname`);
}

/**
 * Tables whose rows the migrations seed (default PDPA purposes and their texts, 0003; the
 * default sales pipeline and its stages, 0009).
 * A freshly migrated database still counts as empty for a restore, which replaces these
 * rows with the backup's own. The seeds use ON CONFLICT DO NOTHING, so migrating a
 * restored older backup forward keeps the restored rows.
 */
const REFERENCE_DATA_TABLES = ['consent_purposes', 'consent_texts', 'pipelines', 'pipeline_stages'];

/** The seeded reference tables present in this database. */
export async function referenceDataTables(q: SessionQuery): Promise<string[]> {
  const rows = await q<{ relname: string }>(`${PUBLIC_TABLES} order by c.relname`);
  return rows.map((r) => r.relname).filter((t) => REFERENCE_DATA_TABLES.includes(t));
}

/** Public tables holding at least one row, leaving out reference data seeded by migrations. */
export async function nonEmptyTables(q: SessionQuery): Promise<string[]> {
  const reference = new Set(await referenceDataTables(q));
  const tables = (await q<{ relname: string }>(`${PUBLIC_TABLES} order by c.relname`)).filter(
    (t) => !reference.has(t.relname),
  );
  const found: string[] = [];
  for (const t of tables) {
    const [row] = await q<{ any: boolean }>(`select exists (select 1 from ${qualified(t.relname)}) as any`);
    if (row?.any) found.push(t.relname);
  }
  return found;
}

/** Tables in the public schema that have triggers of their own (not FK machinery). */
export async function tablesWithUserTriggers(q: SessionQuery): Promise<string[]> {
  const rows = await q<{ name: string }>(`
    select distinct c.relname::text as name
    from pg_trigger tg join pg_class c on c.oid = tg.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and not tg.tgisinternal and c.relkind in ('r', 'p')
    order by 1`);
  return rows.map((r) => r.name);
}

export interface OwnedSequence {
  sequence: string;
  table: string;
  column: string;
}

/** Sequences behind identity and serial columns. */
export async function ownedSequences(q: SessionQuery): Promise<OwnedSequence[]> {
  return q<OwnedSequence>(`
    select s.relname::text as sequence, t.relname::text as table, a.attname::text as column
    from pg_depend d
    join pg_class s on s.oid = d.objid and s.relkind = 'S'
    join pg_class t on t.oid = d.refobjid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
      and d.deptype in ('a', 'i') and n.nspname = 'public'
    order by 2, 3`);
}

/**
 * Orders tables so that every table comes after the tables it references. Edges that
 * cannot be honoured (a table referencing itself, or a cycle) are returned as `broken`:
 * a loader drops those constraints for the load and puts them back, which re-checks them.
 * Ties are broken by name, so the order is stable.
 */
export function dependencyOrder(
  tables: readonly string[],
  keys: readonly Pick<ForeignKey, 'child' | 'parent' | 'name'>[],
): { order: string[]; broken: Pick<ForeignKey, 'child' | 'parent' | 'name'>[] } {
  const known = new Set(tables);
  const broken = keys.filter((k) => known.has(k.child) && k.child === k.parent);
  let edges = keys.filter((k) => known.has(k.child) && known.has(k.parent) && k.child !== k.parent);
  const order: string[] = [];
  let remaining = [...tables].sort();
  while (remaining.length) {
    const blocked = new Set(edges.filter((e) => remaining.includes(e.parent)).map((e) => e.child));
    const ready = remaining.filter((t) => !blocked.has(t));
    if (ready.length === 0) {
      // A cycle: let the first table go ahead of the tables it references, and carry on.
      const first = remaining[0] as string;
      const left = new Set(remaining);
      broken.push(...edges.filter((e) => e.child === first && left.has(e.parent)));
      edges = edges.filter((e) => !(e.child === first && left.has(e.parent)));
      continue;
    }
    order.push(...ready);
    const done = new Set(ready);
    remaining = remaining.filter((t) => !done.has(t));
  }
  return { order, broken };
}

/**
 * Foreign keys that loading tables in `fileOrder` would violate part-way (the child's rows
 * come before or with its parent's). Those are dropped for the load and put back after.
 */
export function keysToSuspend<K extends Pick<ForeignKey, 'child' | 'parent'>>(
  fileOrder: readonly string[],
  keys: readonly K[],
): K[] {
  const position = new Map(fileOrder.map((t, i) => [t, i]));
  return keys.filter((k) => {
    const child = position.get(k.child);
    const parent = position.get(k.parent);
    if (child === undefined) return false; // nothing loaded into the child
    if (parent === undefined) return false; // parent not loaded: it stays empty, a row that references it fails, rightly
    return child <= parent;
  });
}
