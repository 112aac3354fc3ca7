import { createApiToken } from '../../core/auth/create-api-token.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { isRole, ROLES } from '../../core/auth/roles.ts';
import { UsageError } from '../cli-error.ts';
import { configFrom, parse, required } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';

export const tokenCreateHelp = `sampan token create --name N --role R [--expires YYYY-MM-DD]
  Creates an API token and prints only the token on stdout (store it: it is shown once).`;

export async function tokenCreateCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { name: { type: 'string' }, role: { type: 'string' }, expires: { type: 'string' } });
  if (values.help) {
    console.log(tokenCreateHelp);
    return 0;
  }
  const name = required(values, 'name');
  const role = required(values, 'role');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  let expiresAt: string | undefined;
  if (values.expires !== undefined) {
    const d = new Date(values.expires);
    if (Number.isNaN(d.getTime())) throw new UsageError('--expires must be a date like 2027-01-31');
    expiresAt = d.toISOString();
  }
  const config = configFrom(values);
  const { token } = await withDatabase(config, (database) =>
    database.db.transaction((tx) =>
      createApiToken(tx, systemActor('cli'), { name, role, ...(expiresAt ? { expiresAt } : {}) }),
    ),
  );
  process.stdout.write(`${token}\n`);
  return 0;
}
