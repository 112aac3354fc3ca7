import { isAppError } from '../core/errors/app-error.ts';
import { errorMessage, registerErrors } from '../core/errors/catalog.ts';
import { localeFromAcceptLanguage } from '../core/i18n/locale.ts';
import { businessModules } from '../modules/index.ts';
import { VERSION } from '../version.ts';
import { UsageError } from './cli-error.ts';
import { migrateCommand, migrateHelp } from './commands/migrate.ts';
import { serveCommand, serveHelp } from './commands/serve.ts';
import { tokenCreateCommand, tokenCreateHelp } from './commands/token-create.ts';
import { userCreateCommand, userCreateHelp } from './commands/user-create.ts';
import { extraCommands } from './extra-commands.ts';

type Command = { run: (args: string[]) => Promise<number>; help: string };

const commands: Record<string, Command> = {
  serve: { run: serveCommand, help: serveHelp },
  migrate: { run: migrateCommand, help: migrateHelp },
  'user create': { run: userCreateCommand, help: userCreateHelp },
  'token create': { run: tokenCreateCommand, help: tokenCreateHelp },
  ...extraCommands,
};

const usage = `Sampan ${VERSION} — Thai-first CRM

Usage: sampan <command> [options]

${Object.values(commands)
  .map((c) => c.help)
  .join('\n\n')}

Every command takes --data-dir DIR (or SAMPAN_DATA_DIR; default ./data) for the embedded
database, or --database-url URL (or DATABASE_URL) for PostgreSQL.`;

function find(argv: string[]): [Command | undefined, string[]] {
  const two = `${argv[0]} ${argv[1]}`;
  if (commands[two]) return [commands[two], argv.slice(2)];
  return [argv[0] ? commands[argv[0]] : undefined, argv.slice(1)];
}

async function main(argv: string[]): Promise<number> {
  for (const m of businessModules()) if (m.errors) registerErrors(m.errors);
  if (!argv.length || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    console.log(usage);
    return argv.length ? 0 : 2;
  }
  if (argv[0] === '--version' || argv[0] === 'version') {
    console.log(VERSION);
    return 0;
  }
  const [command, rest] = find(argv);
  if (!command) throw new UsageError(`unknown command: ${argv.slice(0, 2).join(' ')}`);
  return command.run(rest);
}

const locale = localeFromAcceptLanguage((process.env.LANG ?? '').replace('_', '-').split('.')[0]) ?? 'en';
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Leave nothing (pools, timers) keeping a finished command alive.
    if (process.argv[2] !== 'serve') setTimeout(() => process.exit(code), 50).unref();
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`sampan: ${err.message}\nRun 'sampan help' for usage.`);
      process.exitCode = 2;
    } else if (isAppError(err)) {
      const details = Array.isArray(err.details)
        ? err.details.map((d: { path: string; message: string }) => `\n  ${d.path}: ${d.message}`).join('')
        : '';
      console.error(`sampan: ${errorMessage(err.code, err.params, locale)}${details}`);
      process.exitCode = 1;
    } else {
      console.error('sampan: unexpected error:', err);
      process.exitCode = 1;
    }
    setTimeout(() => process.exit(process.exitCode ?? 1), 50).unref();
  },
);
