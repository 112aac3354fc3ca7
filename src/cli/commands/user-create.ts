import { createUser } from '../../core/auth/create-user.ts';
import { systemActor } from '../../core/auth/principal.ts';
import { isRole, ROLES } from '../../core/auth/roles.ts';
import { UsageError } from '../cli-error.ts';
import { configFrom, parse, required } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';

export const userCreateHelp = `sampan user create --email E --password P --role R [--name N] [--locale th|en]
  Creates a staff user. Roles: ${ROLES.join(', ')}.`;

export async function userCreateCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    email: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    locale: { type: 'string' },
  });
  if (values.help) {
    console.log(userCreateHelp);
    return 0;
  }
  const email = required(values, 'email');
  const password = required(values, 'password');
  const role = required(values, 'role');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (values.locale !== undefined && values.locale !== 'th' && values.locale !== 'en')
    throw new UsageError('--locale must be th or en');
  const config = configFrom(values);
  const user = await withDatabase(config, (database) =>
    database.db.transaction((tx) =>
      createUser(tx, systemActor('cli'), {
        email,
        password,
        role,
        name: values.name ?? email.split('@')[0] ?? email,
        ...(values.locale ? { locale: values.locale as 'th' | 'en' } : {}),
      }),
    ),
  );
  console.log(`Created ${user.role} ${user.email} (${user.id})`);
  return 0;
}
