import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors/app-error.ts';

export const SERVER_ROLES = ['all', 'api', 'worker'] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];

const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  SAMPAN_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  SAMPAN_ROLE: z.enum(SERVER_ROLES).default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SAMPAN_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  SAMPAN_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  SAMPAN_BODY_LIMIT_KB: z.coerce.number().int().positive().default(1024),
  SAMPAN_BACKUP_DIR: z.string().optional(),
});

export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  role: ServerRole;
  logLevel: string;
  secureCookies: 'auto' | 'true' | 'false';
  sessionTtlMs: number;
  bodyLimitBytes: number;
  backupDir: string;
}

export type ConfigOverrides = Partial<Pick<Config, 'databaseUrl' | 'dataDir' | 'port' | 'host' | 'role' | 'logLevel'>>;

/** Environment first, then explicit overrides (CLI flags) win. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('config_invalid', { field: String(issue?.path.join('.')), reason: issue?.message ?? '' });
  }
  const e = parsed.data;
  const dataDir = resolve(overrides.dataDir ?? e.SAMPAN_DATA_DIR);
  return {
    databaseUrl: overrides.databaseUrl ?? e.DATABASE_URL,
    dataDir,
    port: overrides.port ?? e.PORT,
    host: overrides.host ?? e.HOST,
    role: overrides.role ?? e.SAMPAN_ROLE,
    logLevel: overrides.logLevel ?? e.LOG_LEVEL,
    secureCookies: e.SAMPAN_SECURE_COOKIES,
    sessionTtlMs: e.SAMPAN_SESSION_HOURS * 3600_000,
    bodyLimitBytes: e.SAMPAN_BODY_LIMIT_KB * 1024,
    backupDir: resolve(e.SAMPAN_BACKUP_DIR ?? `${dataDir}-backups`),
  };
}
