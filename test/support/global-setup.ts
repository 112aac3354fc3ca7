import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/core/db/migrate.ts';
import { openDatabase } from '../../src/core/db/open-database.ts';
import { buildCliBundle } from './cli-bundle.ts';
import { pgliteTemplate } from './pglite-template.ts';
import { withDatabase } from './test-database.ts';
import { testDatabaseKind, testDatabaseUrl } from './test-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
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
 * Migrates one PostgreSQL template database per run (named after this process, so concurrent
 * runs do not collide); every test file then copies it. The PGlite template (in-memory test
 * databases on the PGlite run, seeded CLI data directories on both runs) is cached between
 * runs until a migration changes. The CLI bundle is built per run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const id = `${process.pid}_${Date.now().toString(36)}`;
  const [bundle, pgliteFile, pgTeardown] = await Promise.all([
    buildCliBundle(id),
    pgliteTemplate(),
    testDatabaseKind() === 'postgres' ? postgresTemplate(project, id) : noPostgres(project),
  ]);
  project.provide('pgliteTemplate', pgliteFile);
  project.provide('cliBundle', bundle.file);
  return async () => {
    bundle.remove();
    await pgTeardown();
  };
}

async function noPostgres(project: TestProject): Promise<() => Promise<void>> {
  project.provide('pgTemplate', '');
  return async () => {};
}

async function postgresTemplate(project: TestProject, id: string): Promise<() => Promise<void>> {
  const template = `sampan_tpl_${id}`;
  await admin((c) => c.query(`create database ${template}`));
  const database = await openDatabase({ databaseUrl: withDatabase(testDatabaseUrl(), template) });
  await migrateDatabase(database);
  await database.close();
  project.provide('pgTemplate', template);
  return async () => {
    await admin((c) => c.query(`drop database if exists ${template} with (force)`));
  };
}
