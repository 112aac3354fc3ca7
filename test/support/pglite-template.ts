import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrateDatabase } from '../../src/core/db/migrate.ts';
import { openDatabase } from '../../src/core/db/open-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated PGlite template (.tar.gz): in-memory test databases and seeded data dirs load it. */
    pgliteTemplate: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(tmpdir(), 'sampan-test');
const DAY_MS = 24 * 60 * 60 * 1000;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** What the template's content depends on: every migration file and the PGlite version. */
function templateKey(): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  };
  hash.update(`pglite ${pglite.version}\n`);
  const migrations = join(ROOT, 'migrations');
  for (const file of files(migrations)) hash.update(`${file.slice(migrations.length)}\n`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Removes templates of other migration sets once they are a day old. */
function pruneOld(keep: string): void {
  for (const name of readdirSync(DIR)) {
    const file = join(DIR, name);
    if (file === keep || !name.startsWith('pglite-template-')) continue;
    try {
      if (Date.now() - statSync(file).mtimeMs > DAY_MS) rmSync(file, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

/**
 * A gzipped tar of a migrated PGlite data directory (initdb and every migration done), kept
 * in the temp folder under a name derived from the migrations and the PGlite version. It is
 * built once and reused by later runs until a migration changes: initdb alone takes PGlite
 * 5–17 s, and every test file and seeded data directory starts from this file instead.
 */
export async function pgliteTemplate(): Promise<string> {
  mkdirSync(DIR, { recursive: true });
  const file = join(DIR, `pglite-template-${templateKey()}.tar.gz`);
  if (existsSync(file)) return file;
  const database = await openDatabase({ memory: true });
  try {
    await migrateDatabase(database);
    const dump = await database.pglite?.dumpDataDir('gzip');
    if (!dump) throw new Error('could not dump the PGlite template');
    // Written whole under a private name, then renamed: a concurrent run never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await database.close();
  }
  pruneOld(file);
  return file;
}
