import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../../test/support/run-cli.ts';
import { seedDataDir } from '../../test/support/seed-data-dir.ts';
import { sha256 } from '../core/auth/secret-tokens.ts';
import { openDatabase } from '../core/db/open-database.ts';

// Migrated from the template (no initdb, no migrations): test/integration/serve.test.ts starts
// the CLI on an empty directory.
const seededDir = () => seedDataDir(join(mkdtempSync(join(tmpdir(), 'sampan-cli-')), 'data'));

describe('sampan CLI', () => {
  it('rejects bad arguments with exit code 2 and a clear message', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command: frobnicate/],
      [['user', 'create', '--email', 'a@b.co', '--password', 'password-1'], /--role is required/],
      [
        ['user', 'create', '--email', 'a@b.co', '--password', 'password-1', '--role', 'king'],
        /--role must be one of owner, admin/,
      ],
      [['token', 'create', '--name', 'x', '--role', 'viewer', '--bogus'], /Unknown option '--bogus'/],
      [['serve', '--port', '99999'], /--port must be 0-65535/],
      [['serve', '--role', 'boss'], /--role must be one of all, api, worker/],
    ];
    // Two at a time (none of them opens a database): six at once on a loaded two-core machine
    // pushed single processes past runCli's 60 s limit.
    const results: CliResult[] = [];
    for (let i = 0; i < cases.length; i += 2) {
      const pair = cases.slice(i, i + 2);
      results.push(
        ...(await Promise.all(pair.map(([args]) => runCli(args, { SAMPAN_DATA_DIR: '/nonexistent/never-created' })))),
      );
    }
    cases.forEach(([args, message], i) => {
      expect(results[i]?.code, args.join(' ')).toBe(2);
      expect(results[i]?.stderr, args.join(' ')).toMatch(message);
    });
  });

  it('creates a user and a token (only the token on stdout), taking the data dir from SAMPAN_DATA_DIR', async () => {
    const dir = seededDir();
    const env = { SAMPAN_DATA_DIR: dir };
    const user = await runCli(
      ['user', 'create', '--email', 'Somsri@Example.com', '--password', 'password-123', '--role', 'manager'],
      env,
    );
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toMatch(/Created manager somsri@example.com/);

    const dup = await runCli(
      ['user', 'create', '--email', 'somsri@example.com', '--password', 'password-123', '--role', 'sales'],
      env,
    );
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('somsri@example.com is already used');

    const weak = await runCli(
      ['user', 'create', '--email', 'x@example.com', '--password', 'short', '--role', 'sales'],
      env,
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password/);

    const token = await runCli(['token', 'create', '--name', 'POS sync', '--role', 'sales'], env);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout).toMatch(/^spn_[A-Za-z0-9_-]{43}\n$/);

    const db = await openDatabase({ dataDir: dir });
    try {
      const users = await db.query<{ email: string; role: string }>('select email, role from users');
      expect(users).toEqual([{ email: 'somsri@example.com', role: 'manager' }]);
      const tokens = await db.query<{ token_hash: string; name: string }>('select token_hash, name from api_tokens');
      expect(tokens).toEqual([{ token_hash: sha256(token.stdout.trim()), name: 'POS sync' }]);
      const audit = await db.query<{ source: string; action: string }>(
        'select source, action from audit_log order by id',
      );
      expect(audit).toEqual([
        { source: 'cli', action: 'create' },
        { source: 'cli', action: 'create' },
      ]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
