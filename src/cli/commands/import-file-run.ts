import { createHash } from 'node:crypto';
import { createReadStream, writeFileSync } from 'node:fs';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db } from '../../core/db/database.ts';
import { type ImportProgress, rejectionsReport, runImport } from '../../modules/imports/index.ts';
import { UsageError } from '../cli-error.ts';

/** What `sampan import customers|orders|leads` share: option checks, progress, the rejected-rows file. */

export const n = (v: number) => v.toLocaleString('en');

/** An option's value checked against what it may be (exit 2 with the choices otherwise). */
export function choose<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** The file's SHA-256, streamed: how an interrupted import of the same file is found again. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Runs an import with its progress on stderr: one line rewritten on a terminal, a line per batch otherwise. */
export async function runWithProgress(
  db: Db,
  actor: Actor,
  importId: string,
  batchSize: number,
  progressLine: (p: ImportProgress) => string,
): Promise<ImportProgress> {
  const live = process.stderr.isTTY;
  const done = await runImport(db, actor, importId, {
    batchSize,
    onProgress: (p) => process.stderr.write(live ? `\r${progressLine(p)}\u001b[K` : `${progressLine(p)}\n`),
  });
  if (live) process.stderr.write('\n');
  return done;
}

/**
 * Prints the summary line, writes FILE.rejected.csv when rows were rejected, and returns
 * the exit code: 1 when every row was rejected, else 0.
 */
export async function reportImport(
  db: Db,
  actor: Actor,
  importId: string,
  file: string,
  done: ImportProgress,
  summary: string,
): Promise<number> {
  const lines = [summary];
  if (done.rejected > 0) {
    const reportFile = `${file.replace(/\.[^./]*$/, '')}.rejected.csv`;
    const report = await rejectionsReport(db, actor, importId, 'en');
    const parts: string[] = [];
    for await (const chunk of report.chunks) parts.push(chunk);
    writeFileSync(reportFile, parts.join(''));
    lines.push(`Rejected rows with their line numbers and reasons: ${reportFile}`);
  }
  console.log(lines.join('\n'));
  return done.rejected > 0 && done.processed === done.rejected ? 1 : 0;
}
