import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type Config, type ConfigOverrides, loadConfig } from '../core/config.ts';
import { UsageError } from './cli-error.ts';

/** Options every command takes. */
export const commonOptions = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options: { ...commonOptions, ...options }, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function configFrom(
  values: { 'data-dir'?: string | boolean; 'database-url'?: string | boolean },
  extra: ConfigOverrides = {},
): Config {
  const overrides: ConfigOverrides = { ...extra };
  if (typeof values['data-dir'] === 'string') overrides.dataDir = values['data-dir'];
  if (typeof values['database-url'] === 'string') overrides.databaseUrl = values['database-url'];
  return loadConfig(process.env, overrides);
}

export function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
}
