import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.ts';
import { acquireDataDirLock, lockPathFor, readLock } from './data-dir-lock.ts';

describe('data directory lock', () => {
  it('refuses a second holder in this process, naming the holder pid', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sampan-lock-')), 'data');
    const lock = acquireDataDirLock(dir);
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(
        expect.objectContaining({ code: 'data_dir_locked', params: { dir, pid: process.pid } }),
      );
      lock.update({ port: 1234, controlSecret: 's' });
      expect(readLock(dir)).toMatchObject({ pid: process.pid, port: 1234, controlSecret: 's' });
    } finally {
      lock.release();
    }
    expect(readLock(dir)).toBeUndefined();
    acquireDataDirLock(dir).release();
  });

  it('takes over a stale lock whose process is gone', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sampan-lock-')), 'data');
    // pid 2^22+ is above Linux's default pid_max, so no such process exists.
    writeFileSync(lockPathFor(dir), JSON.stringify({ pid: 4_194_999, startedAt: new Date().toISOString() }));
    const lock = acquireDataDirLock(dir);
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('a second sampan process on a locked data dir exits with a clear message naming the pid', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sampan-lock-')), 'data');
    const lock = acquireDataDirLock(dir);
    try {
      const result = await runCli(['migrate', '--data-dir', dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`in use by another Sampan process (pid ${process.pid})`);
    } finally {
      lock.release();
    }
  });
});
