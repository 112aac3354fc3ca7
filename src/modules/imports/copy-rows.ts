import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbOrTx } from '../../core/db/database.ts';

/** A value of one COPY cell: null is SQL NULL, a Date its ISO instant, an object its JSON. */
export type CopyValue = string | number | boolean | Date | null | undefined | Record<string, unknown>;

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escaped(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : text;
}

/** One cell in PostgreSQL's COPY text format (backslash escapes, \N for NULL). */
function cell(value: CopyValue): string {
  switch (typeof value) {
    case 'string':
      return escaped(value);
    case 'number':
    case 'boolean':
      return String(value);
    default:
      if (value === null || value === undefined) return '\\N';
      return value instanceof Date ? value.toISOString() : escaped(JSON.stringify(value));
  }
}

/** Rows for one COPY … FROM STDIN as text: the server reads them without parsing JSON (building them costs the process about what JSON.stringify did). */
export class CopyRows {
  private parts: string[] = [];
  private chunk = '';
  count = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(values: CopyValue[]): void {
    let line = cell(values[0]);
    for (let i = 1; i < values.length; i++) line += `\t${cell(values[i])}`;
    this.chunk += `${line}\n`;
    this.count++;
    if (this.chunk.length > 1 << 16) {
      this.parts.push(this.chunk);
      this.chunk = '';
    }
  }

  /** The text in pieces of ~64 KB. */
  pieces(): string[] {
    return this.chunk ? [...this.parts, this.chunk] : this.parts;
  }
}

type PgliteTx = {
  query(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
  rollback(): Promise<void>;
};
type PgClient = { query<T>(stream: T): T };

/**
 * The driver's connection under a Drizzle transaction (node-postgres client or PGlite
 * transaction). Drizzle keeps it on the transaction's session; COPY is not in its API.
 */
function clientOf(tx: DbOrTx): PgliteTx | PgClient {
  const client = (tx as unknown as { session?: { client?: Record<string, unknown> } }).session?.client;
  // A pooled node-postgres connection (has release) or a PGlite transaction (has rollback);
  // a pool or a whole PGlite database means the caller is not in a transaction.
  if (client && (typeof client.release === 'function' || typeof client.rollback === 'function'))
    return client as unknown as PgliteTx | PgClient;
  throw new Error('COPY must run inside a transaction (on its connection)');
}

const isPglite = (c: PgliteTx | PgClient): c is PgliteTx => typeof (c as PgliteTx).rollback === 'function';

/**
 * Writes the rows with COPY … FROM STDIN in the caller's transaction: pg-copy-streams on
 * PostgreSQL, PGlite's /dev/blob on PGlite. Triggers, constraints and defaults apply as
 * with INSERT; one failing row fails the statement (and so the transaction).
 */
export async function copyRows(tx: DbOrTx, rows: CopyRows): Promise<void> {
  if (rows.count === 0) return;
  const target = `${rows.table} (${rows.columns.join(', ')})`;
  const client = clientOf(tx);
  if (isPglite(client)) {
    await client.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob(rows.pieces()) });
    return;
  }
  const stream = client.query(copyFrom(`copy ${target} from stdin`));
  await pipeline(Readable.from(rows.pieces(), { objectMode: false }), stream);
}
