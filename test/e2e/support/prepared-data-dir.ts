import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { seedDataDir } from '../../support/seed-data-dir.ts';

const DIR = path.join(tmpdir(), 'sampan-test');
const DAY_MS = 24 * 60 * 60 * 1000;

/** Work done on a seeded data directory before a server takes it, cached between test files and runs. */
export interface Preparation {
  /** Names the cache file (e2e-prepared-NAME-…). */
  name: string;
  /** Change it whenever `run` changes: it is part of the cache key. */
  version: string;
  run: (dataDir: string) => void;
}

/**
 * What a prepared directory depends on: the migrated template (its name holds the migrations'
 * and PGlite's hash), the code the commands run (this run's CLI bundle), the preparation's
 * version, and today's date (demo data and scores are made relative to the day they are made).
 */
function cacheKey(preparation: Preparation, template: string): string {
  const hash = createHash('sha256');
  hash.update(`${path.basename(template)}\n${preparation.name} ${preparation.version}\n`);
  hash.update(`${new Date().toISOString().slice(0, 10)}\n`);
  const bundle = inject('cliBundle');
  hash.update(bundle ? readFileSync(bundle) : 'tsx sources');
  return hash.digest('hex').slice(0, 16);
}

function pruneOld(name: string, keep: string): void {
  for (const entry of readdirSync(DIR)) {
    const file = path.join(DIR, entry);
    if (file === keep || !entry.startsWith(`e2e-prepared-${name}-`)) continue;
    try {
      if (Date.now() - statSync(file).mtimeMs > DAY_MS) rmSync(file, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

/**
 * Fills the empty DATA_DIR with the migrated template and the preparation's result. The first
 * file to need a preparation runs it on DATA_DIR and saves the directory as a tar in the temp
 * folder; later files and runs with the same key unpack that tar instead (each file gets its
 * own copy, so no two servers share a live directory). The tar is written under a private
 * name and then renamed, so a concurrent worker or run never unpacks half a file.
 */
export function prepareDataDir(dataDir: string, preparation: Preparation): void {
  const template = inject('pgliteTemplate');
  mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `e2e-prepared-${preparation.name}-${cacheKey(preparation, template)}.tar`);
  if (existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    if (readdirSync(dataDir).length > 0) throw new Error(`${dataDir} is not empty`);
    execFileSync('tar', ['-xf', file, '-C', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    return;
  }
  seedDataDir(dataDir, template);
  preparation.run(dataDir);
  const partial = `${file}.${process.pid}.partial`;
  try {
    execFileSync('tar', ['-cf', partial, '-C', dataDir, '.'], { stdio: ['ignore', 'ignore', 'pipe'] });
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  pruneOld(preparation.name, file);
}
