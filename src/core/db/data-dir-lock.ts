import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.ts';

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose rows.
 * We take an exclusive lock file next to the data (O_EXCL create). A lock whose holder
 * pid is gone is stale and taken over. The file also carries how to reach the holder
 * (port + a random control secret) so that `sampan backup` can ask a running server for
 * a consistent snapshot instead of opening the directory a second time.
 */
export interface LockInfo {
  pid: number;
  startedAt: string;
  port?: number;
  controlSecret?: string;
}

export interface DataDirLock {
  path: string;
  update(info: Partial<LockInfo>): void;
  release(): void;
}

export function lockPathFor(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, '')}.lock`;
}

export function readLock(dataDir: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(lockPathFor(dataDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes the whole file first, then links (exclusive) or renames it into place, so a
 * reader never sees a half-written lock. */
function writeLockFile(path: string, info: LockInfo, exclusive: boolean): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(info));
  } finally {
    closeSync(fd);
  }
  try {
    if (exclusive) linkSync(tmp, path);
    else renameSync(tmp, path);
  } finally {
    if (exclusive) unlinkSync(tmp);
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(join(dataDir, '..'), { recursive: true });
  const path = lockPathFor(dataDir);
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeLockFile(path, info, true);
      let released = false;
      const onExit = () => release();
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', onExit);
        if (readLock(dataDir)?.pid === process.pid) unlinkSync(path);
      };
      process.on('exit', onExit);
      return {
        path,
        update(extra) {
          info = { ...info, ...extra };
          writeLockFile(path, info, false);
        },
        release,
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(dataDir);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new AppError('data_dir_locked', { dir: dataDir, pid: holder.pid });
      }
      if (holder?.pid === process.pid) throw new AppError('data_dir_locked', { dir: dataDir, pid: holder.pid });
      // Stale: the holder died without removing its lock. Remove it and try again.
      try {
        unlinkSync(path);
      } catch {
        // another process may have removed it first; the next attempt decides
      }
    }
  }
  const holder = readLock(dataDir);
  throw new AppError('data_dir_locked', { dir: dataDir, pid: holder?.pid ?? 'unknown' });
}
