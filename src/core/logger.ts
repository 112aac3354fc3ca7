import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs. Secrets never reach them: requests are logged by method, path and status only. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'sampan' },
      redact: {
        paths: ['password', '*.password', 'token', '*.token', 'authorization', '*.authorization', 'cookie', '*.cookie'],
        censor: '***',
      },
    },
    destination,
  );
}
