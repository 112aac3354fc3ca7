import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { appliedSchemaVersion, knownSchemaVersion, migrateDatabase } from '../db/migrate.ts';
import { migrateToVersion } from './migrate-to.ts';
import { restoreBackup } from './restore-backup.ts';
import { createBlankDatabase, fillSampleData, rewriteBackup, rowCounts, tableContents } from './test-support.ts';
import { backupToFile } from './write-backup.ts';

/** Damaged, incomplete and too-new files are refused and leave the target empty. */
describe('restore refuses bad files', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  let good: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sampan-refusals-'));
    good = join(dir, 'good.jsonl.gz');
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await fillSampleData(source.database, 50);
    await backupToFile(source.database, good);
  });

  afterAll(async () => {
    await Promise.all([source?.cleanup(), target?.cleanup()]);
    rmSync(dir, { recursive: true, force: true });
  });

  async function expectRefused(file: string, code: string, reason?: RegExp) {
    const before = await rowCounts(target.database);
    const err = await restoreBackup(target.database, file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code });
    if (reason) expect(String((err as { params: { reason: string } }).params.reason)).toMatch(reason);
    // Untouched: only the reference rows the migrations seeded, exactly as before.
    expect(await rowCounts(target.database)).toEqual(before);
    expect(
      Object.keys(before)
        .filter((t) => (before[t] ?? 0) > 0)
        .sort(),
    ).toEqual(['consent_purposes', 'consent_texts', 'pipeline_stages', 'pipelines']);
  }

  const variant = (name: string) => join(dir, name);

  it('refuses a file cut off part-way through the gzip stream', async () => {
    const bytes = readFileSync(good);
    writeFileSync(variant('cut.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(variant('cut.gz'), 'backup_invalid', /cut off|incomplete/);
  });

  it('refuses a file whose lines stop before the end marker', async () => {
    rewriteBackup(good, variant('no-trailer.gz'), (lines) => lines.slice(0, -5));
    await expectRefused(variant('no-trailer.gz'), 'backup_invalid', /incomplete/);
  });

  it('refuses a file whose end marker disagrees with its rows', async () => {
    rewriteBackup(good, variant('count.gz'), (lines) => {
      const trailer = JSON.parse(lines.at(-1) as string) as { end: true; rows: Record<string, number> };
      trailer.rows.customers = (trailer.rows.customers ?? 0) + 1;
      return [...lines.slice(0, -1), JSON.stringify(trailer)];
    });
    await expectRefused(variant('count.gz'), 'backup_invalid', /customers/);
  });

  it('refuses a bad row in the last table after loading earlier tables, and rolls all of it back', async () => {
    rewriteBackup(good, variant('bad-row.gz'), (lines) => {
      const last = lines.findLastIndex((l) => l.startsWith('{"id":') && l.includes('"display_name"'));
      const copy = [...lines];
      copy[last] = (copy[last] as string).replace(
        /"owner_id":(null|"[^"]*")/,
        '"owner_id":"00000000-0000-4000-8000-000000000000"',
      );
      return copy;
    });
    await expectRefused(variant('bad-row.gz'), 'backup_invalid', /customers/);
  });

  it('refuses a line that is not JSON', async () => {
    rewriteBackup(good, variant('garbage.gz'), (lines) => {
      const i = lines.findIndex((l) => l.includes('"display_name"'));
      return [...lines.slice(0, i), '{not json at all}', ...lines.slice(i + 1)];
    });
    await expectRefused(variant('garbage.gz'), 'backup_invalid');
  });

  it('refuses a flipped byte (gzip checksum)', async () => {
    const bytes = Buffer.from(readFileSync(good));
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] as number) ^ 0xff;
    writeFileSync(variant('flipped.gz'), bytes);
    await expectRefused(variant('flipped.gz'), 'backup_invalid');
  });

  it('refuses files that are not Sampan backups', async () => {
    writeFileSync(variant('plain.txt'), 'hello\n');
    await expectRefused(variant('plain.txt'), 'backup_invalid');
    writeFileSync(variant('empty.gz'), Buffer.alloc(0));
    await expectRefused(variant('empty.gz'), 'backup_invalid');
    rewriteBackup(good, variant('other.gz'), (lines) => ['{"format":"something-else"}', ...lines.slice(1)]);
    await expectRefused(variant('other.gz'), 'backup_invalid', /not a Sampan backup/);
    await expectRefused(variant('missing.gz'), 'backup_invalid', /no such file/);
  });

  it('refuses a backup made by a newer schema', async () => {
    rewriteBackup(good, variant('newer.gz'), (lines) => {
      const header = JSON.parse(lines[0] as string) as { schemaVersion: number };
      header.schemaVersion = knownSchemaVersion() + 1;
      return [JSON.stringify(header), ...lines.slice(1)];
    });
    await expectRefused(variant('newer.gz'), 'backup_too_new');
  });

  it('after all that, the same target still takes the good file', async () => {
    await restoreBackup(target.database, good);
    expect(await tableContents(target.database)).toEqual(await tableContents(source.database));
  });

  it('restores a backup from an older schema into a blank database, then migrates it forward', async () => {
    // A real backup made by a database one migration behind this build.
    const older = await createBlankDatabase();
    const blank = await createBlankDatabase();
    try {
      await migrateToVersion(older.database, knownSchemaVersion() - 1);
      await fillSampleData(older.database, 20);
      await backupToFile(older.database, variant('older.gz'));
      await restoreBackup(blank.database, variant('older.gz'));
      expect(await appliedSchemaVersion(blank.database)).toBe(knownSchemaVersion());
      // The same upgrade applied to the original gives the same rows (reference rows the
      // later migration seeds differ only in when each database was migrated).
      await migrateDatabase(older.database);
      const seeded = ['consent_purposes', 'consent_texts', 'pipelines', 'pipeline_stages'];
      const withoutSeeds = (t: Record<string, string[]>) =>
        Object.fromEntries(Object.entries(t).filter(([name]) => !seeded.includes(name)));
      const [restored, upgraded] = [await tableContents(blank.database), await tableContents(older.database)];
      expect(withoutSeeds(restored)).toEqual(withoutSeeds(upgraded));
      for (const t of seeded) expect(restored[t]?.length).toBe(upgraded[t]?.length);
      expect((await rowCounts(blank.database)).customers).toBe(20);
      // The append-only trigger holds after the load.
      await expect(blank.database.query('delete from audit_log')).rejects.toThrow(/append-only/);
    } finally {
      await Promise.all([older.cleanup(), blank.cleanup()]);
    }
  });
});
