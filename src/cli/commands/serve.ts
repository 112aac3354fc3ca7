import { SERVER_ROLES, type ServerRole } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { startServer } from '../../server.ts';
import { UsageError } from '../cli-error.ts';
import { configFrom, parse } from '../cli-options.ts';

export const serveHelp = `sampan serve [--port 3000] [--host 0.0.0.0] [--data-dir ./data] [--role all|api|worker]
  Starts Sampan. On the embedded database one process does everything (role all).
  With DATABASE_URL, run any number of --role api and --role worker processes.`;

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, host: { type: 'string' }, role: { type: 'string' } });
  if (values.help) {
    console.log(serveHelp);
    return 0;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new UsageError(`--port must be 0-65535, got ${values.port}`);
  const role = values.role as ServerRole | undefined;
  if (role !== undefined && !SERVER_ROLES.includes(role))
    throw new UsageError(`--role must be one of ${SERVER_ROLES.join(', ')}`);
  const config = configFrom(values, {
    ...(port !== undefined ? { port } : {}),
    ...(role ? { role } : {}),
    ...(values.host ? { host: values.host } : {}),
  });
  const logger = createLogger(config.logLevel);
  // Signals are caught from the very start, so a stop during start-up still shuts down cleanly.
  let stopSignal: string | undefined;
  let wake: (() => void) | undefined;
  const onSignal = (signal: string) => {
    stopSignal = signal;
    wake?.();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const server = await startServer(config, logger);
  console.log(`Sampan is running at ${server.url}  (database: ${server.database.kind}, role: ${config.role})`);
  if (!stopSignal) await new Promise<void>((resolve) => (wake = resolve));
  logger.info({ signal: stopSignal }, 'shutting down');
  await server.close();
  return 0;
}
