import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * One import of a file. Progress is committed with each batch, so a crashed import resumes
 * from committed_line (and committed_byte for the reader) without writing a row twice.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** customers | orders */
    kind: text('kind').notNull(),
    /** pending | running | completed | failed | cancelled */
    status: text('status').notNull().default('pending'),
    dryRun: boolean('dry_run').notNull().default(false),
    fileName: text('file_name').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull().default(0),
    fileSha256: text('file_sha256'),
    /** Where the bytes are: 'db' (import_chunks, uploads) or 'path' (a local file, CLI). */
    storage: text('storage').notNull().default('db'),
    filePath: text('file_path'),
    /** utf-8 | windows-874 */
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default({}),
    /** e.g. { onMatch: 'update' | 'skip' | 'create' } */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    totalRows: integer('total_rows'),
    processedRows: integer('processed_rows').notNull().default(0),
    createdRows: integer('created_rows').notNull().default(0),
    updatedRows: integer('updated_rows').notNull().default(0),
    skippedRows: integer('skipped_rows').notNull().default(0),
    rejectedRows: integer('rejected_rows').notNull().default(0),
    committedLine: integer('committed_line').notNull().default(0),
    committedByte: bigint('committed_byte', { mode: 'number' }).notNull().default(0),
    error: text('error'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    heartbeatAt: at('heartbeat_at'),
  },
  (t) => [index('imports_created_idx').on(t.createdAt)],
);

/** The uploaded file, in order, so any worker replica can read it. */
export const importChunks = pgTable(
  'import_chunks',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** Every rejected row with its line number and reason (the downloadable report). */
export const importRejections = pgTable(
  'import_rejections',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
    raw: text('raw'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

/** Saved column mappings ("templates"), per kind of import. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_kind_name').on(t.kind, t.name)],
);
