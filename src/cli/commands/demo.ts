import { eq, sql } from 'drizzle-orm';
import { systemActor } from '../../core/auth/principal.ts';
import { users } from '../../core/auth/schema.ts';
import type { Db } from '../../core/db/database.ts';
import { DEFAULT_DEMO_SEED, DEMO_PASSWORD, DEMO_STAFF, loadDemo } from '../../modules/demo/index.ts';
import { UsageError } from '../cli-error.ts';
import { configFrom, parse } from '../cli-options.ts';
import { withDatabase } from '../open-for-cli.ts';

const MAX_CUSTOMERS = 1_000_000;
const DEFAULT_CUSTOMERS = 500;

export const demoHelp = `sampan demo [--customers ${DEFAULT_CUSTOMERS}] [--seed ${DEFAULT_DEMO_SEED}] [--data-dir D | --database-url U]
  Loads a demo Thai café and bakery chain: teams, one staff user per role (password
  "${DEMO_PASSWORD}", emails like ${DEMO_STAFF[2]?.email}) and N customers (1–${MAX_CUSTOMERS.toLocaleString('en')}).
  The same seed gives the same customers; running again adds none twice.`;

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(
      `--${name} must be a whole number from ${min} to ${max.toLocaleString('en')} (got ${JSON.stringify(value)})`,
    );
  }
  return Number(value);
}

export function parseDemoArgs(args: string[]) {
  const { values } = parse(args, { customers: { type: 'string' }, seed: { type: 'string' } });
  return {
    values,
    help: Boolean(values.help),
    customers: wholeNumber('customers', values.customers, DEFAULT_CUSTOMERS, 1, MAX_CUSTOMERS),
    seed: wholeNumber('seed', values.seed, DEFAULT_DEMO_SEED, 0, 0xffffffff),
  };
}

/** Loads the demo as the command line and returns the report to print. */
export async function runDemo(db: Db, options: { customers: number; seed: number }): Promise<string[]> {
  const result = await loadDemo(db, systemActor('cli'), options);
  const [owners] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.role, 'owner'));
  const { business, teams, staff } = result;
  const lines = [
    `Demo data for ${business.name} (${business.nameEn}), seed ${result.seed}:`,
    `  teams:     ${teams.added} added, ${teams.existing} already there`,
    `  staff:     ${staff.added} added, ${staff.existing} already there (password "${DEMO_PASSWORD}")`,
    `  customers: ${result.customers.added} added, ${result.customers.skipped} already there`,
    `  orders:    ${result.orders.added} added (a year of them, ${result.orders.products} products)`,
    `  deals:     ${result.deals.added} added across the sales pipeline`,
    `  took ${(result.ms / 1000).toFixed(1)} s`,
    `Sign in as e.g. ${DEMO_STAFF.slice(1, 4)
      .map((s) => `${s.email} (${s.role})`)
      .join(', ')}.`,
  ];
  if (!owners?.n) {
    lines.push(
      'Note: there is no owner yet. Start Sampan (npm start) and open it: the first-run setup page creates the owner.',
    );
  }
  return lines;
}

export async function demoCommand(args: string[]): Promise<number> {
  const { values, help, customers, seed } = parseDemoArgs(args);
  if (help) {
    console.log(demoHelp);
    return 0;
  }
  const lines = await withDatabase(configFrom(values), (database) => runDemo(database.db, { customers, seed }));
  console.log(lines.join('\n'));
  return 0;
}
