import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/core/db/migrate.ts';
import { openDatabase } from '../../src/core/db/open-database.ts';
import { withDatabase } from './test-database.ts';
import { pgliteTemplateFile, testDatabaseKind, testDatabaseUrl } from './test-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: testDatabaseUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Migrates one template per run (named after this process, so concurrent runs do not
 * collide); every test file then copies it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  if (testDatabaseKind() === 'postgres') {
    const template = `sampan_tpl_${id}`;
    await admin((c) => c.query(`create database ${template}`));
    const database = await openDatabase({ databaseUrl: withDatabase(testDatabaseUrl(), template) });
    await migrateDatabase(database);
    await database.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin((c) => c.query(`drop database if exists ${template} with (force)`));
    };
  }
  const file = pgliteTemplateFile(id);
  const database = await openDatabase({ memory: true });
  await migrateDatabase(database);
  const dump = await database.pglite?.dumpDataDir('gzip');
  if (!dump) throw new Error('could not dump the PGlite template');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgTemplate', '');
  project.provide('pgliteTemplate', file);
  return async () => rmSync(file, { force: true });
}
